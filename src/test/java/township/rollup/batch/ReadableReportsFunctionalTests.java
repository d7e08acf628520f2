package township.rollup.batch;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import township.rollup.cli.JobRunner;
import township.rollup.reportformat.BlockDef;
import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.support.DatabaseSnapshot;
import township.rollup.support.HtmlChecker;
import township.rollup.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html, the workbook and the feedback pages of the fixture city 测试市 (fixtures/jobs/city-a), read
 * back as a reader would: every number of Tables 2–4 found by the labels it sits under, never by its
 * position in the markup, and compared with the totals added up by hand
 * ({@link ConsolidationJobFunctionalTests#EXPECTED}: 甲镇 + 乙镇; 丙街道 rejected, 丁乡 missing).
 */
class ReadableReportsFunctionalTests extends FunctionalTestSupport {

	static final Path HOME = ConsolidationJobFunctionalTests.HOME;

	static final Path INPUT = ConsolidationJobFunctionalTests.INPUT;

	static final Path OUT = HOME.resolve("output/2020");

	static final String NAME = "=HYPERLINK(\"http://evil.example/\",\"点我\")<script>alert(1)</script>甲镇";

	@Autowired
	JobRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void freshCityAndDatabase() throws IOException {
		DatabaseSnapshot.clean(jdbc);
		FileSystemUtils.deleteRecursively(HOME.resolve("output"));
		FileSystemUtils.deleteRecursively(INPUT);
		FileSystemUtils.copyRecursively(ConsolidationJobFunctionalTests.FIXTURE, INPUT);
	}

	@Test
	void theReportShowsTheHandComputedTotalsUnderTheirOfficialLabels() throws Exception {
		// when
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();

		// then: every cell of the 2019 format, by its labels
		Document report = Jsoup.parse(OUT.resolve("report.html").toFile(), "UTF-8");
		ReportFormat format = ReportFormats.standard().get("2019");
		for (CellDef cell : format.cells()) {
			BigDecimal expected = ConsolidationJobFunctionalTests.EXPECTED.getOrDefault(cell.code(), BigDecimal.ZERO);
			Element td = cellByLabels(report, labels(format, cell));
			assertThat(new BigDecimal(td.text())).as(cell.code() + " " + labels(format, cell)).isEqualByComparingTo(expected);
		}
		// amounts in 万元 with their 4 decimals, counts as whole numbers, a decrease with its sign
		assertThat(cellByLabels(report, List.of("第二十条第（九）项", "政府集中采购", "采购总金额")).text()).isEqualTo("10.2505");
		assertThat(cellByLabels(report, List.of("第二十条第（五）项", "行政许可", "本年增/减")).text()).isEqualTo("-1");
		assertThat(cellByLabels(report, List.of("行政诉讼", "复议后起诉", "尚未审结")).text()).isEqualTo("2");
		assertThat(cellByLabels(report, List.of("（三）不予公开", "1.属于国家秘密", "法人或其他组织", "商业企业")).text())
			.isEqualTo("1");
		// merged headers as published: 申请人情况 over 自然人 and the five organisations, 总计 beside them
		Element applicants = report.select("#table-T3 thead th").stream()
			.filter(th -> th.text().equals("申请人情况"))
			.findFirst()
			.orElseThrow();
		assertThat(applicants.attr("colspan")).isEqualTo("6");
		assertThat(report.select("#table-T3 thead th").stream().filter(th -> th.text().equals("总计")).findFirst()
			.orElseThrow().attr("rowspan")).isEqualTo("3");
		assertThat(report.select("#table-T4 thead th").stream().filter(th -> th.text().equals("行政诉讼")).findFirst()
			.orElseThrow().attr("colspan")).isEqualTo("10");
		// 总体情况: 100 + 50 stated by 甲镇 and 乙镇; 7 by 乙镇 alone
		assertThat(report.select("tr[data-metric=NARR.proactive_items] td").eachText()).containsExactly("150", "2 个单位填报");
		assertThat(report.select("tr[data-metric=NARR.netizen_requests] td").eachText()).containsExactly("7", "1 个单位填报");
		assertThat(report.select("tr[data-metric=NARR.consultations] td").eachText()).containsExactly("无单位填报",
				"0 个单位填报");
		// the banner: not final, with the run's rule set
		assertThat(report.select("#banner strong").text()).startsWith("日常汇总（NIGHTLY）");
		assertThat(report.select("#banner").text()).contains("已采纳 2 个单位，未通过审核 1 个，未报送 1 个");
		// the board: what needs action first
		assertThat(report.select("table.board tbody tr").eachAttr("data-unit")).containsExactly("410999103000",
				"410999104000", "410999101000", "410999102000");
		assertThat(report.select("table.board tr[data-unit=410999103000] td.state").text()).isEqualTo("未通过审核（错误 2 个）");
		// findings: 丙街道's two T3-TOT errors, each with expected, reported and difference
		Element rejected = report.selectFirst("div.unit-findings[data-unit=410999103000]");
		assertThat(rejected.select("tbody tr").stream()
			.map(tr -> tr.select("td").eachText().subList(0, 7))
			.toList()).containsExactly(List.of("错误", "T3-TOT", "（七）总计", "自然人", "5", "4", "-1"),
					List.of("错误", "T3-TOT", "（七）总计", "总计", "5", "4", "-1"));
		// the chart and its numbers: 甲镇 received 3 and handled 3 (予以公开 2, 不予公开 1); 乙镇 1 部分公开
		assertThat(report.select("#chart-outcomes svg rect").size()).isGreaterThan(3);
		assertThat(report.select("#chart-outcomes svg title").first().text()).isEqualTo("各单位政府信息公开申请的办理结果");
		assertThat(report.select("#chart-outcomes table.chart-data tbody tr").stream().map(tr -> tr.select("td").eachText())
			.toList()).containsExactly(List.of("甲镇", "3", "2", "0", "1", "0", "0", "0", "3"),
					List.of("乙镇", "1", "0", "1", "0", "0", "0", "0", "1"),
					List.of("丙街道", "—", "—", "—", "—", "—", "—", "—", "—"),
					List.of("丁乡", "—", "—", "—", "—", "—", "—", "—", "—"));
		assertThat(report.select("#chart-compare-missing").text()).contains("2019");
		assertThat(report.select("script")).isEmpty();

		// the feedback pages: one per unit that sent a file, none for 丁乡
		Path feedback = OUT.resolve("feedback");
		try (var pages = Files.list(feedback)) {
			assertThat(pages.map(p -> p.getFileName().toString()).sorted()).containsExactly("410999101000_甲镇.html",
					"410999102000_乙镇.html", "410999103000_丙街道.html");
		}
		Document bing = Jsoup.parse(feedback.resolve("410999103000_丙街道.html").toFile(), "UTF-8");
		assertThat(bing.select("#verdict").text()).startsWith("未通过审核（错误 2 个）");
		assertThat(bing.select("#to-fix tbody tr").stream().map(tr -> tr.select("td").eachText().subList(1, 7)).toList())
			.containsExactly(List.of("T3-TOT", "（七）总计", "自然人", "5", "4", "-1"),
					List.of("T3-TOT", "（七）总计", "总计", "5", "4", "-1"));
		assertThat(bing.select("td.flag").eachAttr("data-cell")).containsExactly("T3.r3_7.np", "T3.r3_7.tot");
		assertThat(bing.select("dl.file").text()).contains("410999103000_丙街道_2020.csv", "v1");
		Document jia = Jsoup.parse(feedback.resolve("410999101000_甲镇.html").toFile(), "UTF-8");
		assertThat(jia.select("#verdict").text()).isEqualTo("已采纳");
		assertThat(jia.select("#accepted")).hasSize(1);
		// 甲镇's own tables as received: 2 natural persons and 1 company applied, 10.25 万元 of procurement
		assertThat(cellByLabels(jia, List.of("一、本年新收政府信息公开申请数量", "自然人")).text()).isEqualTo("2");
		assertThat(cellByLabels(jia, List.of("一、本年新收政府信息公开申请数量", "总计")).text()).isEqualTo("3");
		assertThat(cellByLabels(jia, List.of("政府集中采购", "采购总金额")).text()).isEqualTo("10.2500");

		// the workbook: the submission's sheets, the sheets for people, the metadata; the same numbers, as
		// numbers, under the same labels
		Path xlsx = OUT.resolve("410999000000_测试市_2020.xlsx");
		try (InputStream in = Files.newInputStream(xlsx); Workbook wb = new XSSFWorkbook(in)) {
			assertThat(sheetNames(wb)).containsExactly("封面", "表二", "表三", "表四", "补充信息", "总体情况", "报送情况", "审核结果",
					"_meta");
			for (CellDef cell : format.cells()) {
				BigDecimal expected = ConsolidationJobFunctionalTests.EXPECTED.getOrDefault(cell.code(), BigDecimal.ZERO);
				Sheet sheet = wb.getSheet(switch (cell.tableCode()) {
					case "T2" -> "表二";
					case "T3" -> "表三";
					default -> "表四";
				});
				Cell found = workbookCellByLabels(sheet, labels(format, cell));
				assertThat(found.getCellType()).as(cell.code()).isEqualTo(CellType.NUMERIC);
				assertThat(BigDecimal.valueOf(found.getNumericCellValue())).as(cell.code()).isEqualByComparingTo(expected);
			}
			Cell amount = workbookCellByLabels(wb.getSheet("表二"), List.of("第二十条第（九）项", "政府集中采购", "采购总金额"));
			assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("0.0000");
			assertThat(merged(wb.getSheet("表三"), "申请人情况")).isEqualTo("6 columns, 1 rows");
			assertThat(merged(wb.getSheet("表三"), "总计")).isEqualTo("1 columns, 3 rows");
			assertThat(merged(wb.getSheet("表四"), "行政诉讼")).isEqualTo("10 columns, 1 rows");
			Sheet board = wb.getSheet("报送情况");
			assertThat(board.getRow(3).getCell(0).getStringCellValue()).isEqualTo("410999103000");
			assertThat(board.getRow(3).getCell(3).getStringCellValue()).isEqualTo("未通过审核（错误 2 个）");
			Sheet narrative = wb.getSheet("总体情况");
			assertThat(narrative.getRow(3).getCell(0).getStringCellValue()).isEqualTo("主动公开政府信息（条）");
			assertThat(narrative.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(150.0);
			assertThat(narrative.getRow(3).getCell(2).getStringCellValue()).isEqualTo("2 个单位填报");
			// a header and, as in findings.csv, 丙街道's two errors and three infos for each of the three files
			assertThat(wb.getSheet("审核结果").getLastRowNum() - 2).isEqualTo(11);
		}
	}

	@Test
	void theReportAndEveryFeedbackPageAreValidHtmlWithNoHeadingLevelSkipped() throws Exception {
		// given: a rejected unit (丙街道's findings in both pages), a warning explained and one open
		Path file = INPUT.resolve("2020/410999102000_乙镇_2020.csv");
		Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("T2.i1.reg,规章,0,0,0",
				"T2.i1.reg,规章,0,0,1"), StandardCharsets.UTF_8);

		// when
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();

		// then
		List<Path> pages = new ArrayList<>(List.of(OUT.resolve("report.html")));
		try (var feedback = Files.list(OUT.resolve("feedback"))) {
			pages.addAll(feedback.sorted().toList());
		}
		assertThat(pages).hasSize(4);
		for (Path page : pages) {
			HtmlChecker.assertNoSkippedHeadingLevel(page);
		}
		if (!TestDatabase.postgres()) {
			// the markup does not depend on the database (the headings above are checked on both); the
			// checker's own JVM is a run's worth of time, spent once
			HtmlChecker.assertNoErrors(pages);
		}
	}

	@Test
	void aRunRewritesOnlyTheFeedbackPagesOfUnitsThatChanged() throws Exception {
		// given
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();
		Path feedback = OUT.resolve("feedback");
		Path jia = feedback.resolve("410999101000_甲镇.html");
		Path yi = feedback.resolve("410999102000_乙镇.html");
		java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000L);
		Files.setLastModifiedTime(jia, old);
		Files.setLastModifiedTime(yi, old);
		// 乙镇 sends a corrected file: 规章 reported, a warning
		Path file = INPUT.resolve("2020/410999102000_乙镇_2020.csv");
		Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("T2.i1.reg,规章,0,0,0",
				"T2.i1.reg,规章,0,0,1"), StandardCharsets.UTF_8);

		// when
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();

		// then 甲镇's page is left as it was, 乙镇's is new and says what to explain
		assertThat(Files.getLastModifiedTime(jia)).isEqualTo(old);
		assertThat(Files.getLastModifiedTime(yi)).isNotEqualTo(old);
		Document page = Jsoup.parse(yi.toFile(), "UTF-8");
		assertThat(page.select("#verdict").text()).startsWith("已采纳，有未说明的警告 1 个");
		assertThat(page.select("#to-fix tbody tr td.rule").eachText()).containsExactly("T2-TOWN-REG");
		// a CSV file: the line to copy to its end, the reason to be written after it
		assertThat(page.select("#to-fix pre.copy").text()).isEqualTo("NOTE,T2-TOWN-REG,");
		assertThat(page.select("dl.file").text()).contains("v2");
		// a unit that leaves the registry loses its page
		Files.writeString(INPUT.resolve("townships.csv"), Files.readString(INPUT.resolve("townships.csv"),
				StandardCharsets.UTF_8).replace("410999103000,丙街道,街道,410999000000,fixture\n", ""), StandardCharsets.UTF_8);
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();
		assertThat(feedback.resolve("410999103000_丙街道.html")).doesNotExist();
	}

	@Test
	void aFolderOfPagesLeftHalfWrittenByAKilledRunIsNeverPublished() throws Exception {
		// given: a run killed while it wrote its first pages left them in its staging folder, one cut short
		Path staging = OUT.resolve(".feedback.staging");
		Files.createDirectories(staging);
		Files.writeString(staging.resolve("410999101000_甲镇.html"), "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>",
				StandardCharsets.UTF_8);
		Files.writeString(staging.resolve("410999999000_不存在.html"), "<!DOCTYPE html>", StandardCharsets.UTF_8);

		// when
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();

		// then the pages are this run's, whole, and nothing is left of the killed run's folder
		assertThat(staging).doesNotExist();
		Path feedback = OUT.resolve("feedback");
		try (var listed = Files.list(feedback)) {
			assertThat(listed.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly(
					"410999101000_甲镇.html", "410999102000_乙镇.html", "410999103000_丙街道.html");
		}
		String jia = Files.readString(feedback.resolve("410999101000_甲镇.html"), StandardCharsets.UTF_8);
		assertThat(jia).contains("<title>甲镇 2020 年度报送审核反馈</title>").endsWith("</html>\n");
		try (var listed = Files.list(OUT)) {
			assertThat(listed.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("."))).isEmpty();
		}

		// and a run that publishes into the folder of pages (乙镇 sent a new file) leaves no staging folder
		Files.createDirectories(staging);
		Files.writeString(staging.resolve("410999101000_甲镇.html"), "<!DOCTYPE html>", StandardCharsets.UTF_8);
		Path file = INPUT.resolve("2020/410999102000_乙镇_2020.csv");
		Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("T2.i1.reg,规章,0,0,0",
				"T2.i1.reg,规章,0,0,1"), StandardCharsets.UTF_8);
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();
		assertThat(staging).doesNotExist();
		assertThat(Files.readString(feedback.resolve("410999101000_甲镇.html"), StandardCharsets.UTF_8)).isEqualTo(jia);
	}

	@Test
	void withLastYearsReportTheHeadlineFiguresAreCompared() throws Exception {
		// given: 2020 rolled up (甲镇 + 乙镇), then 2021 in its own format (甲镇 + 丙街道, see CrossYearFunctionalTests)
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();

		// when
		assertThat(runner.run(JobNames.NIGHTLY, 2021, false)).isZero();

		// then, by hand: received 3+1 → 4+1; reviews 1 → 0+2; lawsuits 0+2 → 0; 主动公开 100+50 → stated by none
		Document report = Jsoup.parse(HOME.resolve("output/2021/report.html").toFile(), "UTF-8");
		assertThat(report.select("#chart-compare svg g.panel")).hasSize(4);
		assertThat(report.select("#chart-compare figcaption").text()).isEqualTo("2021 年度与 2020 年度主要数字对比");
		assertThat(report.select("#chart-compare table.chart-data tbody tr").stream().map(tr -> tr.select("td").eachText())
			.toList()).containsExactly(List.of("本年新收申请", "4", "5", "+1"), List.of("行政复议", "1", "2", "+1"),
					List.of("行政诉讼", "2", "0", "-2"), List.of("主动公开信息（条）", "150", "—", "—"));
		assertThat(report.select("#chart-compare-missing")).isEmpty();
		// the 2021 format's Table 2: 本年收费金额 in 万元 and (五) with one column spanning the block
		assertThat(cellByLabels(report, List.of("第二十条第（八）项", "行政事业性收费", "本年收费金额")).text()).matches("\\d+\\.\\d{4}");
		assertThat(cellByLabels(report, List.of("第二十条第（五）项", "行政许可", "本年处理决定数量")).attr("colspan"))
			.isEqualTo("3");
	}

	@Test
	void aFinalYearListsEveryInputWithItsHash() throws Exception {
		// given: every unit of a city accepted (丙街道 and 丁乡 leave the registry)
		Files.writeString(INPUT.resolve("townships.csv"), "code,name,kind,parent,code_source\n"
				+ "410999000000,测试市,县级市,,fixture\n410999101000,甲镇,镇,410999000000,fixture\n"
				+ "410999102000,乙镇,镇,410999000000,fixture\n", StandardCharsets.UTF_8);
		Files.delete(INPUT.resolve("2020/410999103000_丙街道_2020.csv"));

		// when
		assertThat(runner.run(JobNames.ANNUAL, 2020, false)).isZero();

		// then
		Document report = Jsoup.parse(OUT.resolve("report.html").toFile(), "UTF-8");
		assertThat(report.select("#banner strong").text()).startsWith("定稿（FINAL）");
		assertThat(report.select("#inputs tbody tr").stream().map(tr -> tr.select("td").eachText().subList(0, 3)).toList())
			.containsExactly(List.of("410999101000", "甲镇", "410999101000_甲镇_2020.csv"),
					List.of("410999102000", "乙镇", "410999102000_乙镇_2020.csv"));
		for (Element hash : report.select("#inputs td.hash")) {
			assertThat(hash.text()).matches("[0-9a-f]{64}");
		}
		assertThat(report.select("#inputs td.hash").first().text()).isEqualTo(sha256(INPUT.resolve(
				"2020/410999101000_甲镇_2020.csv")));
		// the manifest of the final year holds the report and the workbook too
		assertThat(Files.readString(OUT.resolve("manifest.csv"), StandardCharsets.UTF_8)).contains("OUTPUT,report.html,",
				"OUTPUT,410999000000_测试市_2020.xlsx,");
	}

	@Test
	void aNameOrExplanationThatLooksLikeMarkupOrAFormulaStaysText() throws Exception {
		// given: a registry name and an explanation that would run as script in a page or as a formula in a sheet
		String registry = Files.readString(INPUT.resolve("townships.csv"), StandardCharsets.UTF_8)
			.replace("410999101000,甲镇,", "410999101000,\"" + NAME.replace("\"", "\"\"") + "\",");
		Files.writeString(INPUT.resolve("townships.csv"), registry, StandardCharsets.UTF_8);
		Path yi = INPUT.resolve("2020/410999102000_乙镇_2020.csv");
		// 乙镇 reports a 规章 (a warning for a town) and explains it
		Files.writeString(yi, Files.readString(yi, StandardCharsets.UTF_8).replace("T2.i1.reg,规章,0,0,0", "T2.i1.reg,规章,0,0,1")
				+ "NOTE,T2-TOWN-REG,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")<script>alert(2)</script>\"\r\n",
				StandardCharsets.UTF_8);

		// when
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();

		// then the page: no script element anywhere, the texts shown as they are
		String raw = Files.readString(OUT.resolve("report.html"), StandardCharsets.UTF_8);
		assertThat(raw).doesNotContain("<script>");
		Document report = Jsoup.parse(raw);
		assertThat(report.select("script")).isEmpty();
		assertThat(report.select("table.board tr[data-unit=410999101000] td").get(1).text()).isEqualTo(NAME);
		assertThat(report.select("div.unit-findings[data-unit=410999102000]").text()).contains("<script>alert(2)</script>");
		Path feedback = OUT.resolve("feedback");
		try (var pages = Files.list(feedback)) {
			for (Path page : pages.toList()) {
				// the file name is the code and the name made safe: no markup, no separators
				assertThat(page.getFileName().toString()).doesNotContain("<", ">", "/", "\"");
				assertThat(Files.readString(page, StandardCharsets.UTF_8)).doesNotContain("<script>");
			}
		}
		// the workbook: the name and the explanation are text cells, no cell anywhere is a formula
		try (InputStream in = Files.newInputStream(OUT.resolve("410999000000_测试市_2020.xlsx"));
				Workbook wb = new XSSFWorkbook(in)) {
			List<String> texts = new ArrayList<>();
			for (Sheet sheet : wb) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
							.isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING) {
							texts.add(cell.getStringCellValue());
						}
					}
				}
			}
			assertThat(texts).contains(NAME);
			assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("=HYPERLINK(\"http://evil.example/\",\"x\")"));
		}
		// the CSV files: a leading apostrophe, so that a spreadsheet shows the text
		assertThat(Files.readString(OUT.resolve("status.csv"), StandardCharsets.UTF_8))
			.contains("410999101000,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"点我\"\")<script>alert(1)</script>甲镇\"");
		assertThat(Files.readString(OUT.resolve("findings.csv"), StandardCharsets.UTF_8))
			.contains("'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")<script>alert(2)</script>");
	}

	/** The labels a cell sits under in the official tables: block and row, column groups and column. */
	static List<String> labels(ReportFormat format, CellDef cell) {
		List<String> labels = new ArrayList<>();
		if (cell.tableCode().equals("T2")) {
			for (BlockDef block : format.table("T2").blocks()) {
				if (block.lines().stream().anyMatch(l -> !l.isCaption() && l.row().code().equals(cell.row().code()))) {
					labels.add(block.title());
				}
			}
		}
		if (!cell.tableCode().equals("T4")) {
			labels.add(cell.row().label());
		}
		if (!cell.column().group().isEmpty()) {
			labels.addAll(Arrays.asList(cell.column().group().split("·")));
		}
		labels.add(cell.column().label());
		return labels;
	}

	/** A header's text is the label, or the label with its unit: 采购总金额（万元）. */
	static boolean isLabel(String text, String label) {
		return text.equals(label) || text.startsWith(label + "（");
	}

	/** The one value cell of a page whose header cells (headers=…) carry every label. */
	static Element cellByLabels(Document page, List<String> labels) {
		List<Element> found = new ArrayList<>();
		for (Element td : page.select("td[headers]")) {
			List<String> texts = new ArrayList<>();
			for (String id : td.attr("headers").split(" ")) {
				Element th = page.getElementById(id);
				if (th != null) {
					texts.add(th.text());
				}
			}
			if (labels.stream().allMatch(l -> texts.stream().anyMatch(t -> isLabel(t, l)))) {
				found.add(td);
			}
		}
		assertThat(found).as("cells under " + labels).hasSize(1);
		return found.get(0);
	}

	/**
	 * The one number cell of a sheet with every label above it in its column or before it in its row (a
	 * merged cell counts for every cell it covers).
	 */
	static Cell workbookCellByLabels(Sheet sheet, List<String> labels) {
		List<Cell> found = new ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() != CellType.NUMERIC) {
					continue;
				}
				Set<String> texts = new HashSet<>();
				for (int r = 0; r < cell.getRowIndex(); r++) {
					texts.add(text(sheet, r, cell.getColumnIndex()));
				}
				for (int c = 0; c < cell.getColumnIndex(); c++) {
					texts.add(text(sheet, cell.getRowIndex(), c));
				}
				if (labels.stream().allMatch(l -> texts.stream().anyMatch(t -> isLabel(t, l)))) {
					found.add(cell);
				}
			}
		}
		assertThat(found).as("cells under " + labels + " in " + sheet.getSheetName()).hasSize(1);
		return found.get(0);
	}

	private static String text(Sheet sheet, int r, int c) {
		for (CellRangeAddress range : sheet.getMergedRegions()) {
			if (range.isInRange(r, c)) {
				r = range.getFirstRow();
				c = range.getFirstColumn();
				break;
			}
		}
		Row row = sheet.getRow(r);
		Cell cell = row == null ? null : row.getCell(c);
		return cell != null && cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
	}

	private static String merged(Sheet sheet, String text) {
		for (CellRangeAddress range : sheet.getMergedRegions()) {
			if (text(sheet, range.getFirstRow(), range.getFirstColumn()).equals(text)) {
				return (range.getLastColumn() - range.getFirstColumn() + 1) + " columns, "
						+ (range.getLastRow() - range.getFirstRow() + 1) + " rows";
			}
		}
		return "not merged";
	}

	private static List<String> sheetNames(Workbook wb) {
		List<String> names = new ArrayList<>();
		wb.forEach(s -> names.add(s.getSheetName()));
		return names;
	}

	private static String sha256(Path file) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
