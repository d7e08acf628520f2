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
import township.rollup.output.SubmissionCsvWriter;
import township.rollup.output.XlsxTemplate;
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
	void theCitysConsolidatedWorkbookIsItselfASubmissionForTheNextLevel() {
		// given: the city's totals written as a workbook in the same layout, with the city's code
		Map<String, BigDecimal> totals = allCells("2019", JIA_2020);
		byte[] report = XlsxTemplate.report(ReportFormats.standard().get("2019"),
				new SubmissionCsvWriter.Header("测试市", "410999000000", 2020, "日常汇总（NIGHTLY）"), totals,
				numbers("NARR.proactive_items", "100"));

		// when
		SubmissionParser.Result read = read("410999000000_测试市_2020.xlsx", report);

		// then
		assertThat(read.findings()).isEmpty();
		assertThat(read.submission().orElseThrow().numbers()).isEqualTo(totals);
		assertThat(read.submission().orElseThrow().narrativeNumbers())
			.isEqualTo(numbers("NARR.proactive_items", "100"));
		assertThat(read.submission().map(p -> p.meta().unitCode())).isEqualTo(Optional.of("410999000000"));
	}

}
