package township.rollup.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import township.rollup.assessment.Assessment;
import township.rollup.assessment.AssessmentContext;
import township.rollup.assessment.SubmissionAssessor;
import township.rollup.assessment.Verdict;
import township.rollup.bytes.Sha256;
import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.output.SubmissionCsvWriter;
import township.rollup.output.workbook.ReportWorkbook;
import township.rollup.registry.Registry;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rollup.Consolidation;
import township.rollup.rollup.Totals;
import township.rollup.rollup.Tree;
import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;
import township.rollup.support.XlsxFixtures;
import township.rollup.validation.Subject;

import static org.assertj.core.api.Assertions.assertThat;
import static township.rollup.support.XlsxFixtures.numbers;

/**
 * The .xlsx template filled in as a clerk would (POI, in the test) is read, assessed and summed like a
 * CSV file: the same numbers, the same findings apart from the cell addresses, the same city totals.
 */
class XlsxSubmissionTests {

	static final Path CITY_A = Path.of("src/test/resources/fixtures/jobs/city-a");

	static final Registry REGISTRY = Registry.load(CITY_A.resolve("townships.csv"));

	/** 甲镇 2020, by hand (as in fixtures/jobs/city-a/2020/410999101000_甲镇_2020.csv); every other cell 0. */
	static final Map<String, BigDecimal> JIA_2020 = numbers("T2.i5.lic.prev_items", "3", "T2.i5.lic.delta", "1",
			"T2.i5.lic.decisions", "7", "T2.i9.proc.count", "1", "T2.i9.proc.amount", "10.25", "T3.r1.np", "2",
			"T3.r1.com", "1", "T3.r1.tot", "3", "T3.r3_1.np", "2", "T3.r3_1.tot", "2", "T3.r3_3_1.com", "1",
			"T3.r3_3_1.tot", "1", "T3.r3_7.np", "2", "T3.r3_7.com", "1", "T3.r3_7.tot", "3", "T4.rev.kept", "1",
			"T4.rev.tot", "1");

	static final SubmissionParser PARSER = IngestFixtures.parser();

	static final SubmissionAssessor ASSESSOR = new SubmissionAssessor(ReportFormats.standard(),
			IngestFixtures.factory());

	static SubmissionParser.Result read(String fileName, byte[] bytes) {
		return PARSER.parse(new SourceFile(fileName, bytes.length, Sha256.hex(bytes), bytes));
	}

	static Assessment assess(SubmissionParser.Result read, int year, String unitCode) {
		return ASSESSOR.assess(read.submission(), read.findings(), new AssessmentContext(year,
				year <= 2020 ? "2019" : "2021", REGISTRY, REGISTRY.member(unitCode).orElseThrow(),
				Subject.Prior.missing(year - 1, "2019")));
	}

	static Map<String, BigDecimal> allCells(String formatId, Map<String, BigDecimal> given) {
		Map<String, BigDecimal> all = new LinkedHashMap<>();
		ReportFormats.standard().get(formatId).cells().forEach(c -> all.put(c.code(), BigDecimal.ZERO));
		all.putAll(given);
		return all;
	}

	@Test
	void aFilledTemplateIsAcceptedWithExactlyItsNumbers() {
		// given: the template of 甲镇 2020 filled in with POI
		byte[] template = XlsxFixtures.template("2019", "甲镇", "410999101000", 2020);
		byte[] filled = XlsxFixtures.complete("2019", template, JIA_2020,
				numbers("NARR.proactive_items", "100"));

		// when
		SubmissionParser.Result read = read("410999101000_甲镇_2020.xlsx", filled);
		Assessment assessment = assess(read, 2020, "410999101000");

		// then
		assertThat(read.findings()).isEmpty();
		ParsedSubmission parsed = read.submission().orElseThrow();
		assertThat(parsed.encoding()).isEqualTo("XLSX");
		assertThat(parsed.formatId()).isEqualTo("2019");
		assertThat(parsed.meta().unitCode()).isEqualTo("410999101000");
		assertThat(parsed.numbers()).isEqualTo(allCells("2019", JIA_2020));
		assertThat(parsed.numbers()).containsEntry("T2.i9.proc.amount", new BigDecimal("10.25"))
			.containsEntry("T3.r3_7.tot", new BigDecimal("3"));
		assertThat(parsed.narrativeNumbers()).isEqualTo(numbers("NARR.proactive_items", "100"));
		assertThat(assessment.verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(assessment.findings()).allMatch(f -> f.severity() == Severity.INFO);
		// the cells are where the clerk sees them: 表三 row 6 is 一、本年新收…
		assertThat(parsed.cells().get("T3.r1.np").line()).isEqualTo(6);
	}

	@Test
	void theApplicationsReceivedOfTheExtraSheetAreComparedWithTable3() {
		// given: 甲镇 states 9 applications received on 补充信息 (its ninth figure: row 12, after the unit line,
		// a blank row and the caption); 表三 一、本年新收 总计 (row 6) is 3
		byte[] template = XlsxFixtures.template("2019", "甲镇", "410999101000", 2020);
		byte[] filled = XlsxFixtures.complete("2019", template, JIA_2020, numbers("NARR.applications_received", "9"));

		// when
		SubmissionParser.Result read = read("410999101000_甲镇_2020.xlsx", filled);
		Assessment assessment = assess(read, 2020, "410999101000");

		// then
		assertThat(read.submission().orElseThrow().narrativeNumbers())
			.isEqualTo(numbers("NARR.applications_received", "9"));
		assertThat(assessment.findings()).filteredOn(f -> f.severity() != Severity.INFO).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("NARR-RECEIVED");
			assertThat(f.severity()).isEqualTo(Severity.WARNING);
			assertThat(f.where().cellCode()).isEqualTo("T3.r1.tot");
			assertThat(f.messageZh()).contains("9 件（“补充信息”工作表第 12 行）", "3 件（“表三”工作表第 6 行）", "相差 6 件");
		});
	}

	@Test
	void aFilledTemplateOfThe2021FormatIsAcceptedWithExactlyItsNumbers() {
		// given: 2021 has an amount in 万元 (本年收费金额) and three 其他处理 rows
		Map<String, BigDecimal> given = numbers("T2.i1.norm.issued", "2", "T2.i1.norm.in_force", "30",
				"T2.i8.fee.amount", "0.092", "T3.r1.np", "4", "T3.r1.tot", "4", "T3.r3_6_2.np", "1",
				"T3.r3_6_2.tot", "1", "T3.r3_1.np", "3", "T3.r3_1.tot", "3", "T3.r3_7.np", "4", "T3.r3_7.tot", "4");
		byte[] filled = XlsxFixtures.complete("2021",
				XlsxFixtures.template("2021", "丁乡", "410999104000", 2021), given, Map.of());

		// when
		SubmissionParser.Result read = read("410999104000_丁乡_2021.xlsx", filled);
		Assessment assessment = assess(read, 2021, "410999104000");

		// then
		assertThat(read.findings()).isEmpty();
		assertThat(read.submission().orElseThrow().numbers()).isEqualTo(allCells("2021", given));
		assertThat(assessment.verdict()).isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void anXlsxAndACsvWithTheSameNumbersGiveTheSameFindingsAndTheSameCityTotals() throws IOException {
		// given: each 2020 CSV of the fixture city, and a workbook filled in with the numbers read from it
		List<Path> csvFiles;
		try (Stream<Path> files = Files.list(CITY_A.resolve("2020"))) {
			csvFiles = files.sorted().toList();
		}
		List<String> accepted = new ArrayList<>();
		Map<String, Map<String, BigDecimal>> fromCsv = new LinkedHashMap<>();
		Map<String, Map<String, BigDecimal>> fromXlsx = new LinkedHashMap<>();
		for (Path csv : csvFiles) {
			byte[] csvBytes = Files.readAllBytes(csv);
			SubmissionParser.Result csvRead = read(csv.getFileName().toString(), csvBytes);
			ParsedSubmission csvParsed = csvRead.submission().orElseThrow();
			String code = csvParsed.meta().unitCode();
			byte[] xlsx = XlsxFixtures.filled(
					XlsxFixtures.template("2019", csvParsed.meta().unitName(), code, 2020), csvParsed.numbers(),
					csvParsed.narrativeNumbers());
			String xlsxName = csv.getFileName().toString().replace(".csv", ".xlsx");
			SubmissionParser.Result xlsxRead = read(xlsxName, xlsx);

			// when
			Assessment csvAssessment = assess(csvRead, 2020, code);
			Assessment xlsxAssessment = assess(xlsxRead, 2020, code);

			// then: the same findings, cell by cell, apart from where they are
			assertThat(comparable(xlsxRead.findings())).as(xlsxName).isEqualTo(comparable(csvRead.findings()));
			assertThat(comparable(xlsxAssessment.findings())).as(xlsxName)
				.isEqualTo(comparable(csvAssessment.findings()));
			assertThat(xlsxAssessment.verdict()).as(xlsxName).isEqualTo(csvAssessment.verdict());
			ParsedSubmission xlsxParsed = xlsxRead.submission().orElseThrow();
			assertThat(xlsxParsed.numbers()).isEqualTo(csvParsed.numbers());
			if (csvAssessment.verdict() == Verdict.ACCEPTED) {
				accepted.add(code);
				fromCsv.put(code, withNarrative(csvParsed));
				fromXlsx.put(code, withNarrative(xlsxParsed));
			}
		}
		Totals csvTotals = cityTotals(fromCsv);
		Totals xlsxTotals = cityTotals(fromXlsx);

		// then: 甲镇 and 乙镇 accepted (丙街道 breaks T3-TOT), and the same totals, by hand for two cells
		assertThat(accepted).containsExactly("410999101000", "410999102000");
		assertThat(xlsxTotals).isEqualTo(csvTotals);
		assertThat(xlsxTotals.cells()).containsEntry("T2.i9.proc.amount", new BigDecimal("10.2505"))
			.containsEntry("T2.i5.lic.delta", new BigDecimal("-1"));
	}

	/** The numbers the roll-up step adds for an accepted file: cells and narrative metrics. */
	private static Map<String, BigDecimal> withNarrative(ParsedSubmission parsed) {
		Map<String, BigDecimal> numbers = new LinkedHashMap<>(parsed.numbers());
		numbers.putAll(parsed.narrativeNumbers());
		return numbers;
	}

	/** The city's totals over the given units' numbers, summed as the nightly sums them. */
	private static Totals cityTotals(Map<String, Map<String, BigDecimal>> numbers) {
		Map<String, Tree.Standing> standings = new LinkedHashMap<>();
		numbers.keySet().forEach(code -> standings.put(code, Tree.Standing.ACCEPTED));
		Consolidation sums = new Consolidation(ReportFormats.standard().get("2019"), REGISTRY,
				new Tree(REGISTRY, standings));
		numbers.forEach((code, n) -> sums.add(REGISTRY.member(code).orElseThrow(), n));
		Totals[] city = new Totals[1];
		sums.forEachLevel(level -> city[0] = level.totals());
		return city[0];
	}

	/** A finding without its place: rule, severity, cell, expected and actual values. */
	static List<String> comparable(List<Finding> findings) {
		return findings.stream()
			.map(f -> f.ruleId() + "/" + f.severity() + "/" + f.where().cellCode() + "/" + f.expected() + "/"
					+ f.actual())
			.sorted()
			.toList();
	}

	@Test
	void theCitysPublishedWorkbookIsItselfASubmissionForTheNextLevelAtEverySize() throws IOException {
		Map<String, BigDecimal> totals = allCells("2019", JIA_2020);
		for (int units : List.of(3, 40_000)) {
			// given: the city's totals as the run publishes them, with a board of its units and five long
			// findings each (a nation: 40,000 units, 200,000 findings)
			byte[] report = published(totals, units);

			// when
			SubmissionParser.Result read = read("410999000000_测试市_2020.xlsx", report);

			// then: within the submission limits, and read with exactly the totals; the read-only sheets
			// (whose lines look like data lines) are skipped
			assertThat((long) report.length).as(units + " units").isLessThanOrEqualTo(SubmissionParser.MAX_BYTES);
			assertThat(read.findings()).as(units + " units").isEmpty();
			assertThat(read.submission().orElseThrow().numbers()).isEqualTo(totals);
			assertThat(read.submission().orElseThrow().narrativeNumbers())
				.isEqualTo(numbers("NARR.proactive_items", "100"));
			assertThat(read.submission().map(p -> p.meta().unitCode())).isEqualTo(Optional.of("410999000000"));
			if (units > 3) {
				System.out.println("published workbook of " + units + " units, " + units * 5 + " findings: "
						+ report.length + " bytes");
			}
		}
	}

	/** Random hexadecimal digits: text that does not compress, as the SHA-256 of every file. */
	private static String hex(java.util.Random random, int digits) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < digits; i++) {
			out.append(Character.forDigit(random.nextInt(16), 16));
		}
		return out.toString();
	}

	private static byte[] published(Map<String, BigDecimal> totals, int units) {
		String message = "表三第一行“本年新收政府信息公开申请数量”的总计应等于自然人与法人或其他组织各列之和：填报为 %d，计算为 %d，相差 %d。请核对后改正，或在补充信息中说明原因。";
		String explanation = "本镇当年有 %d 件申请由县政府转办，已在县级报表中统计，此处按实际办理情况填写，特此说明（%s）。";
		java.util.Random random = new java.util.Random(16);
		try (ReportWorkbook workbook = new ReportWorkbook(Messages.of(Language.ZH))) {
			workbook.startFindings("审核结果", "2020 年度 全部审核结果", List.of("代码", "项目", "值", "说明", "解释"),
					new int[] { 14, 30, 8, 60, 40 }, "findings.csv");
			List<List<Object>> board = new ArrayList<>();
			for (int u = 0; u < units; u++) {
				String code = String.format("41%010d", u);
				for (int f = 0; f < 5; f++) {
					// a line of a read-only sheet written like a data line: read, it would be ROW-DUPLICATE
					workbook.finding(List.of(f == 0 ? "T3.r1" : code, "一、本年新收政府信息公开申请数量", new BigDecimal("999"),
							String.format(message, u, u + f, f) + hex(random, 32), String.format(explanation, f, hex(random, 16))));
				}
				board.add(List.of(code, "第" + u + "镇", "测试市", "未通过审核", "改正后重新报送", 3, code + "_第" + u + "镇_2020.xlsx",
						"UTF-8", hex(random, 64), 2, 1, 1));
			}
			workbook.report(ReportFormats.standard().get("2019"),
					new SubmissionCsvWriter.Header("测试市", "410999000000", 2020), totals,
					numbers("NARR.proactive_items", "100"), List.of("日常汇总（NIGHTLY）"));
			workbook.list("报送情况", "报送情况", List.of("代码", "单位", "上级", "状态", "处理", "版本", "文件", "编码", "SHA-256",
					"错误", "警告", "未说明"), board, new int[] { 14, 14, 14, 24, 30, 6, 30, 10, 66, 6, 6, 6 }, "status.csv");
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			workbook.writeTo(out);
			return out.toByteArray();
		}
	}

}
