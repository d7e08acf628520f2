package township.rollup.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import township.rollup.support.ReportGrid;
import township.rollup.support.RollupProcess;
import township.rollup.support.XlsxFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static township.rollup.support.XlsxFixtures.numbers;

/**
 * The township's side in Excel through the real wrapper: the .xlsx template written by
 * {@code template --xlsx}, filled in (with POI, as a clerk with Excel would), checked with {@code check},
 * put in the inbox and accepted by the nightly run; {@code check}'s exit codes, its JSON, and its short
 * use of the run lock.
 */
class ExcelIT {

	static final Path CITY_A = Path.of("src/test/resources/fixtures/jobs/city-a");

	/** 丁乡 2020, by hand: one application from a person, disclosed; one procurement of 2.5 万元. */
	static final Map<String, BigDecimal> DING_2020 = numbers("T2.i9.proc.count", "1", "T2.i9.proc.amount", "2.5",
			"T3.r1.np", "1", "T3.r1.tot", "1", "T3.r3_1.np", "1", "T3.r3_1.tot", "1", "T3.r3_7.np", "1", "T3.r3_7.tot",
			"1");

	@TempDir
	Path root;

	RollupProcess.Installation cityA() throws IOException {
		Path input = root.resolve("input");
		FileSystemUtils.copyRecursively(CITY_A, input);
		return new RollupProcess.Installation(root, input);
	}

	/** The template of 丁乡 written through the wrapper, then filled in. */
	Path filledTemplate(RollupProcess.Installation city, Map<String, BigDecimal> values) throws IOException {
		RollupProcess.Result template = RollupProcess.run(city, "template", "--year", "2020", "--township", "丁乡",
				"--xlsx", "--out", root.resolve("templates").toString());
		assertThat(template.exit()).as(template.all()).isZero();
		Path file = root.resolve("templates/410999104000_丁乡_2020.xlsx");
		assertThat(template.out()).contains(file.toString());
		byte[] filled = XlsxFixtures.complete("2019", Files.readAllBytes(file), values, Map.of());
		Path out = root.resolve("filled/410999104000_丁乡_2020.xlsx");
		Files.createDirectories(out.getParent());
		Files.write(out, filled);
		return out;
	}

	@Test
	void aClerkFillsTheXlsxTemplateAndTheNightlyRunAcceptsIt() throws IOException {
		// given: 丁乡, which sent nothing so far, fills in its .xlsx template
		RollupProcess.Installation city = cityA();
		Path filled = filledTemplate(city, DING_2020);

		// when: checked at the desk, then put in the inbox
		RollupProcess.Result check = RollupProcess.run(city, "check", filled.toString());
		Files.copy(filled, city.inputDir().resolve("2020").resolve(filled.getFileName()));
		RollupProcess.Result nightly = RollupProcess.run(city, "nightly", "--year", "2020");
		RollupProcess.Result status = RollupProcess.run(city, "status", "--year", "2020");

		// then
		assertThat(check.exit()).as(check.all()).isZero();
		assertThat(check.out()).contains("单位：丁乡（410999104000）　报告年度：2020　报表格式：2019　读取为：XLSX")
			.contains("结论：可以采纳（错误 0，警告 0，其中未说明 0，提示 3）");
		assertThat(nightly.exit()).as(nightly.all()).isZero();
		assertThat(nightly.out()).contains("已采纳 3，未通过审核 1，未报送 0");
		assertThat(status.out()).contains("丁乡").contains("410999104000_丁乡_2020.xlsx");
		// names of different widths (丁乡, 测试市…): the status column starts at one display column on every line
		List<Integer> statusColumns = status.out()
			.lines()
			.map(line -> {
				java.util.regex.Matcher m = java.util.regex.Pattern.compile("状态|已采纳|未通过审核|未报送|下级汇总").matcher(line);
				return m.find() ? displayWidth(line.substring(0, m.start())) : -1;
			})
			.toList();
		assertThat(statusColumns).as(status.out()).hasSizeGreaterThan(4).doesNotContain(-1);
		assertThat(new java.util.HashSet<>(statusColumns)).as(status.out()).hasSize(1);
		// the city totals: 甲镇 + 乙镇 (ConsolidationJobFunctionalTests) + 丁乡, by hand
		Map<String, String> report = ReportGrid.read2019(city.outputDir().resolve("2020/410999000000_测试市_2020.csv"));
		assertThat(report).containsEntry("T3.r1.np", "4") // 2 + 1 + 1
			.containsEntry("T3.r3_1.np", "3") // 2 + 0 + 1
			.containsEntry("T2.i9.proc.count", "4") // 1 + 2 + 1
			.containsEntry("T2.i9.proc.amount", "12.7505"); // 10.25 + 0.0005 + 2.5
		// the workbook's bytes are kept like a CSV file's
		assertThat(Files.readString(city.outputDir().resolve("2020/status.csv"))).contains("410999104000_丁乡_2020.xlsx")
			.contains("XLSX");
	}

	@Test
	void templateAllXlsxWritesOneWorkbookPerUnit() throws IOException {
		RollupProcess.Result all = RollupProcess.run(cityA(), "template", "--year", "2021", "--all", "--xlsx", "--out",
				root.resolve("t").toString());
		assertThat(all.exit()).as(all.all()).isZero();
		try (var files = Files.list(root.resolve("t"))) {
			assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
					"410999101000_甲镇_2021.xlsx", "410999102000_乙镇_2021.xlsx", "410999103000_丙街道_2021.xlsx",
					"410999104000_丁乡_2021.xlsx");
		}
	}

	@Test
	void checkExitsZeroForAnAcceptedAndOneForARejectedFileOfEitherKindAndStoresNothing() throws IOException {
		// given: a good workbook, one with a blank cell, a good CSV and 丙街道's CSV that breaks T3-TOT
		RollupProcess.Installation city = cityA();
		Path good = filledTemplate(city, DING_2020);
		Path blank = root.resolve("410999104000_丁乡_2020_blank.xlsx");
		Files.write(blank, XlsxFixtures.edit(Files.readAllBytes(good),
				w -> w.getSheet("表三").getRow(5).getCell(2).setBlank()));
		Path goodCsv = city.inputDir().resolve("2020/410999101000_甲镇_2020.csv");
		Path badCsv = city.inputDir().resolve("2020/410999103000_丙街道_2020.csv");

		// when
		RollupProcess.Result accepted = RollupProcess.run(city, "check", good.toString(), goodCsv.toString());
		RollupProcess.Result rejectedXlsx = RollupProcess.run(city, "check", blank.toString());
		RollupProcess.Result rejectedCsv = RollupProcess.run(city, "check", "--lang", "en", badCsv.toString());
		RollupProcess.Result json = RollupProcess.run(city, "check", "--format", "json", good.toString(),
				blank.toString());
		RollupProcess.Result missing = RollupProcess.run(city, "check", root.resolve("nope.xlsx").toString());

		// then
		assertThat(accepted.exit()).as(accepted.all()).isZero();
		assertThat(accepted.out()).contains("共检查 2 个文件：全部可以采纳（退出码 0）。");
		assertThat(rejectedXlsx.exit()).as(rejectedXlsx.all()).isEqualTo(1);
		assertThat(rejectedXlsx.out()).contains("[错误] CELL-BLANK 表三!C6：表三“一、本年新收政府信息公开申请数量”行“自然人”列（表三!C6）为空。")
			.contains("结论：不能通过审核（错误 1");
		assertThat(rejectedCsv.exit()).as(rejectedCsv.all()).isEqualTo(1);
		assertThat(rejectedCsv.out()).contains("[ERROR] T3-TOT line 59: Table 3 row \"（七）总计\", column \"自然人\"")
			.contains("Verdict: would fail review (2 errors");

		assertThat(json.exit()).isEqualTo(1);
		JsonNode result = JsonMapper.builder().build().readTree(json.out());
		assertThat(result.get("accepted").asBoolean()).isFalse();
		assertThat(result.get("exitCode").asInt()).isEqualTo(1);
		assertThat(result.get("files").get(0).get("verdict").asString()).isEqualTo("ACCEPTED");
		assertThat(result.get("files").get(0).get("encoding").asString()).isEqualTo("XLSX");
		JsonNode finding = result.get("files").get(1).get("findings").get(0);
		assertThat(finding.get("rule").asString()).isEqualTo("CELL-BLANK");
		assertThat(finding.get("address").asString()).isEqualTo("表三!C6");
		assertThat(finding.get("cell").asString()).isEqualTo("T3.r1.np");
		assertThat(finding.get("line").asInt()).isEqualTo(6);

		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err()).contains("找不到文件");
		// nothing stored: no database was even created
		assertThat(city.dataDir().resolve("rollup.script")).doesNotExist();
		assertThat(city.dataDir().resolve("rollup.properties")).doesNotExist();
	}

	@Test
	void checkComparesWithLastYearsAcceptedReportAndHoldsTheLockOnlyWhileItReadsIt() throws Exception {
		// given: 2020 consolidated; 乙镇 carried 1 forward in 2020 and reports 0 carried over in 2021
		RollupProcess.Installation city = cityA();
		assertThat(RollupProcess.run(city, "nightly", "--year", "2020").exit()).isZero();
		Path yi2021 = city.inputDir().resolve("2021/410999102000_乙镇_2021.csv");

		// when
		RollupProcess.Result withDatabase = RollupProcess.run(city, "check", yi2021.toString());
		RollupProcess.Result offline = RollupProcess.run(city, "check", "--offline", yi2021.toString());

		// then
		assertThat(withDatabase.exit()).as(withDatabase.all()).isEqualTo(1);
		assertThat(withDatabase.out()).contains("[错误] X-CARRY 第 31 行：表三“二、上年结转政府信息公开申请数量”行“自然人”列：应等于 2020 年度报表“四、结转下年度继续办理”的 1，填报为 0，相差 1。")
			.contains("跨年度规则：已与数据库中上一年度已采纳的报表比较。");
		assertThat(offline.exit()).as(offline.all()).isZero();
		assertThat(offline.out()).doesNotContain("X-CARRY").contains("跨年度规则：未审核（--offline，未读取数据库）。");
		assertThat(Files.readString(city.logDir().resolve("rollup.log"))).contains("check held the run lock for");

		// and: while a nightly run holds the lock, check waits --wait seconds and gives 75, or runs offline
		Map<String, String> paused = new HashMap<>(city.environment());
		paused.put("JAVA_OPTS", "-Drollup.fault.pause-at=receive.write");
		Process running = RollupProcess.start(paused, "nightly", "--year", "2021");
		try {
			CommandLineIT.waitForOutput(running, "FAULT-POINT receive.write");
			long started = System.nanoTime();
			RollupProcess.Result busy = RollupProcess.run(city, "check", "--wait", "1", yi2021.toString());
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			RollupProcess.Result besideTheRun = RollupProcess.run(city, "check", "--offline", yi2021.toString());

			assertThat(busy.exit()).as(busy.all()).isEqualTo(75);
			assertThat(busy.err()).contains("另一个汇总任务正在使用数据库").contains("--offline");
			assertThat(millis).as("a second of waiting, plus start-up").isLessThan(15_000);
			assertThat(besideTheRun.exit()).as(besideTheRun.all()).isZero();
		}
		finally {
			RollupProcess.destroy(running);
		}
		assertThat(List.of(withDatabase, offline)).allSatisfy(r -> assertThat(r.all()).doesNotContain("Exception"));
	}

	/** Columns on a terminal, counted by hand: CJK ideographs and fullwidth forms take two. */
	private static int displayWidth(String s) {
		return s.codePoints().map(c -> c >= 0x4E00 && c <= 0x9FFF || c >= 0xFF01 && c <= 0xFF60 || c >= 0x3000 && c <= 0x303F ? 2 : 1).sum();
	}

}
