package township.rollup.output.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.output.SubmissionCsvWriter;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.WorkbookFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one workbook writer. The template: the official layout, protection, validation and the metadata a
 * reader needs. The published report: the same sheets filled and locked, its read-only sheets named in
 * the metadata and cut short of the reader's limits, and its print setup.
 */
class ReportWorkbookTests {

	static XSSFWorkbook template(String format, int year) throws IOException {
		byte[] bytes = ReportWorkbook.template(ReportFormats.standard().get(format),
				new SubmissionCsvWriter.Header("邙岭镇", "410381114000", year));
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}

	static String text(XSSFSheet sheet, String address) {
		var ref = new org.apache.poi.ss.util.CellReference(address);
		XSSFCell cell = sheet.getRow(ref.getRow()).getCell(ref.getCol());
		return cell == null ? null : cell.toString();
	}

	@Test
	void theSheetsAreTheOfficialTablesWithAVeryHiddenMetadataSheet() throws IOException {
		try (XSSFWorkbook workbook = template("2019", 2020)) {
			assertThat(workbook).extracting(s -> s.getSheetName())
				.containsExactly("封面", "表二", "表三", "表四", "补充信息", "_meta");
			assertThat(workbook.getSheetVisibility(5)).isEqualTo(SheetVisibility.VERY_HIDDEN);
			for (int i = 0; i < 5; i++) {
				assertThat(workbook.getSheetVisibility(i)).isEqualTo(SheetVisibility.VISIBLE);
			}
			XSSFSheet meta = workbook.getSheet("_meta");
			assertThat(text(meta, "A1") + "=" + text(meta, "C1")).isEqualTo("META.unit_name=邙岭镇");
			assertThat(text(meta, "C2")).isEqualTo("410381114000");
			assertThat(text(meta, "C3")).isEqualTo("2020");
			assertThat(text(meta, "C4")).isEqualTo("2019");
			assertThat(text(meta, "A5") + "=" + text(meta, "C5")).isEqualTo("TEMPLATE.version=township-rollup xlsx 2");
		}
	}

	@Test
	void table3HasTheOfficialLabelsAndTheMergedHeadersOfThePage() throws IOException {
		try (XSSFWorkbook workbook = template("2019", 2020)) {
			XSSFSheet t3 = workbook.getSheet("表三");
			assertThat(text(t3, "B1")).isEqualTo("三、收到和处理政府信息公开申请情况");
			assertThat(text(t3, "B3")).isEqualTo("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
			assertThat(text(t3, "C3")).isEqualTo("申请人情况");
			assertThat(text(t3, "C4")).isEqualTo("自然人");
			assertThat(text(t3, "D4")).isEqualTo("法人或其他组织");
			assertThat(text(t3, "D5")).isEqualTo("商业企业");
			assertThat(text(t3, "H5")).isEqualTo("其他");
			// 总计 beside 申请人情况, down all three header rows, as the page draws it
			assertThat(text(t3, "I3")).isEqualTo("总计");
			assertThat(text(t3, "A6") + " " + text(t3, "B6")).isEqualTo("T3.r1 一、本年新收政府信息公开申请数量");
			assertThat(text(t3, "B11")).isEqualTo("（三）不予公开");
			assertThat(text(t3, "A32") + " " + text(t3, "B32")).isEqualTo("T3.r4 四、结转下年度继续办理");
			assertThat(t3.getMergedRegions()).extracting(CellRangeAddress::formatAsString)
				.containsExactlyInAnyOrder("B1:I1", "B2:I2", "B3:B5", "C3:H3", "C4:C5", "D4:H4", "I3:I5");
			assertThat(t3.isColumnHidden(0)).isTrue();

			XSSFSheet t4 = workbook.getSheet("表四");
			// 行政复议 over its five labels, each label down to the last header row
			assertThat(t4.getMergedRegions()).extracting(CellRangeAddress::formatAsString)
				.containsExactlyInAnyOrder("B1:Q1", "B2:Q2", "B3:B5", "C3:G3", "H3:Q3", "H4:L4", "M4:Q4", "C4:C5", "D4:D5",
						"E4:E5", "F4:F5", "G4:G5");
			assertThat(text(t4, "C4")).isEqualTo("结果维持");
			assertThat(text(t4, "Q5")).isEqualTo("总计");
		}
	}

	@Test
	void labelsAreLockedInputsUnlockedAndTheSheetsProtectedWithoutAPassword() throws IOException {
		try (XSSFWorkbook workbook = template("2019", 2020)) {
			for (String name : List.of("封面", "表二", "表三", "表四", "补充信息")) {
				XSSFSheet sheet = workbook.getSheet(name);
				assertThat(sheet.isSheetLocked()).as(name).isTrue();
				assertThat(sheet.getCTWorksheet().getSheetProtection().isSetPassword()).as(name).isFalse();
				assertThat(sheet.getCTWorksheet().getSheetProtection().isSetAlgorithmName()).as(name).isFalse();
			}
			XSSFSheet t3 = workbook.getSheet("表三");
			assertThat(t3.getRow(5).getCell(1).getCellStyle().getLocked()).as("label B6").isTrue();
			assertThat(t3.getRow(5).getCell(2).getCellStyle().getLocked()).as("input C6").isFalse();
			assertThat(t3.getRow(7).getCell(2).getCellStyle().getLocked()).as("caption row C8").isTrue();
			XSSFSheet cover = workbook.getSheet("封面");
			assertThat(text(cover, "B5") + "：" + text(cover, "C5")).isEqualTo("区划代码：410381114000");
			assertThat(cover.getRow(4).getCell(2).getCellStyle().getLocked()).as("the unit's code").isTrue();
		}
	}

	@Test
	void everyInputCellValidatesItsTypeWithAChineseInputMessage() throws IOException {
		try (XSSFWorkbook workbook = template("2019", 2020)) {
			// 175 of 表三 (23 rows × 7), one per cell
			XSSFSheet t3 = workbook.getSheet("表三");
			assertThat(t3.getDataValidations()).hasSize(23 * 7);
			XSSFDataValidation c6 = validationAt(t3, 5, 2);
			assertThat(c6.getValidationConstraint().getValidationType())
				.isEqualTo(DataValidationConstraint.ValidationType.INTEGER);
			assertThat(c6.getValidationConstraint().getFormula1()).isEqualTo("0");
			assertThat(c6.getPromptBoxTitle()).isEqualTo("自然人");
			assertThat(c6.getPromptBoxText()).isEqualTo("请填写 0 或正整数，没有请填 0，不要留空。");
			assertThat(c6.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);

			XSSFSheet t2 = workbook.getSheet("表二");
			// 本年增/减 of 行政许可 (D9) is signed
			XSSFDataValidation delta = validationAt(t2, 8, 3);
			assertThat(delta.getValidationConstraint().getFormula1()).isEqualTo("-999999999999999");
			assertThat(delta.getPromptBoxText()).contains("-8");
			// 采购总金额 (D20): 万元, at most 4 decimals
			XSSFDataValidation amount = validationAt(t2, 19, 3);
			assertThat(amount.getValidationConstraint().getValidationType())
				.isEqualTo(DataValidationConstraint.ValidationType.FORMULA);
			assertThat(amount.getValidationConstraint().getFormula1()).contains("ROUND(D20,4)=D20").contains("D20>=0");
			assertThat(amount.getPromptBoxText()).isEqualTo("金额以万元为单位，最多保留 4 位小数，不要写单位；没有请填 0。");
		}
	}

	@Test
	void the2021TemplateHasItsOwnTablesAndNoSignedColumn() throws IOException {
		try (XSSFWorkbook workbook = template("2021", 2021)) {
			XSSFSheet t2 = workbook.getSheet("表二");
			assertThat(text(t2, "B6")).isEqualTo("行政规范性文件");
			assertThat(text(t2, "C8")).isEqualTo("本年处理决定数量");
			assertThat(t2.getMergedRegions()).extracting(CellRangeAddress::formatAsString).contains("C8:E8");
			XSSFSheet t3 = workbook.getSheet("表三");
			assertThat(t3.getDataValidations()).hasSize(25 * 7);
			assertThat(workbook.getSheet("_meta").getRow(3).getCell(2).toString()).isEqualTo("2021");
		}
	}

	/** 测试市's report: every cell 0 but T3.r1 (3 by 自然人, 2 by 商业企业, 5 in all) and 10.25 万元 of purchases. */
	static byte[] report(int findings, int maxRows, long textBudget) {
		Map<String, BigDecimal> values = new java.util.LinkedHashMap<>();
		ReportFormats.standard().get("2019").cells().forEach(c -> values.put(c.code(), BigDecimal.ZERO));
		values.put("T3.r1.np", new BigDecimal("3"));
		values.put("T3.r1.com", new BigDecimal("2"));
		values.put("T3.r1.tot", new BigDecimal("5"));
		values.put("T2.i9.proc.amount", new BigDecimal("10.25"));
		try (ReportWorkbook workbook = new ReportWorkbook(Messages.of(Language.ZH), maxRows, textBudget)) {
			workbook.startFindings("审核结果", "全部审核结果", List.of("单位", "说明"), new int[] { 14, 60 }, "findings.csv");
			for (int i = 0; i < findings; i++) {
				workbook.finding(List.of("finding " + i, "说明" + i));
			}
			workbook.report(ReportFormats.standard().get("2019"), new SubmissionCsvWriter.Header("测试市", "410999000000", 2020),
					values, Map.of("NARR.proactive_items", new BigDecimal("100")), List.of("日常汇总（NIGHTLY）"));
			workbook.list("报送情况", "报送情况", List.of("单位"), List.of(List.of("甲镇")), new int[] { 14 }, "status.csv");
			workbook.order(List.of("封面", "表二", "表三", "表四", "补充信息", "报送情况", "审核结果"));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.writeTo(out);
			return out.toByteArray();
		}
	}

	static XSSFWorkbook open(byte[] bytes) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}

	@Test
	void thePublishedReportIsTheTemplateFilledAndLockedWithItsReadOnlySheetsNamedInTheMetadata() throws IOException {
		try (XSSFWorkbook workbook = open(report(2, ReportWorkbook.MAX_LIST_ROWS, ReportWorkbook.TEXT_BUDGET))) {
			assertThat(workbook).extracting(s -> s.getSheetName())
				.containsExactly("封面", "表二", "表三", "表四", "补充信息", "报送情况", "审核结果", "_meta");
			XSSFSheet t3 = workbook.getSheet("表三");
			assertThat(text(t3, "A6") + " " + text(t3, "C6") + " " + text(t3, "D6") + " " + text(t3, "I6"))
				.isEqualTo("T3.r1 3.0 2.0 5.0");
			assertThat(t3.getRow(5).getCell(2).getCellStyle().getLocked()).as("a number of the report").isTrue();
			assertThat(t3.getDataValidations()).isEmpty();
			assertThat(text(workbook.getSheet("表二"), "D20")).isEqualTo("10.25");
			assertThat(workbook.getSheet("表二").getRow(19).getCell(3).getCellStyle().getDataFormatString())
				.isEqualTo("0.0000");
			XSSFSheet meta = workbook.getSheet("_meta");
			List<String> lines = new ArrayList<>();
			for (int r = 0; r <= meta.getLastRowNum(); r++) {
				lines.add(text(meta, "A" + (r + 1)) + "=" + text(meta, "C" + (r + 1)));
			}
			assertThat(lines).containsExactly("META.unit_name=测试市", "META.unit_code=410999000000", "META.year=2020",
					"META.format=2019", "TEMPLATE.version=township-rollup xlsx 2", "TEMPLATE.readonly=审核结果",
					"TEMPLATE.readonly=报送情况");
			for (String name : List.of("报送情况", "审核结果")) {
				assertThat(workbook.getSheet(name).isSheetLocked()).as(name).isTrue();
			}
		}
	}

	@Test
	void aReadOnlySheetStopsAtItsLimitWithALineSayingHowManyAndWhereTheyAllAre() throws IOException {
		for (int given : List.of(4, 5, 6, 9)) {
			// given a findings sheet that holds 5 rows
			try (XSSFWorkbook workbook = open(report(given, 5, ReportWorkbook.TEXT_BUDGET))) {
				XSSFSheet sheet = workbook.getSheet("审核结果");
				int shown = Math.min(given, 5);
				List<String> first = new ArrayList<>();
				for (int r = 3; r < 3 + shown; r++) {
					first.add(sheet.getRow(r).getCell(0).getStringCellValue());
				}
				assertThat(first).as(given + " findings")
					.containsExactlyElementsOf(java.util.stream.IntStream.range(0, shown).mapToObj(i -> "finding " + i).toList());
				if (given > 5) {
					assertThat(sheet.getLastRowNum()).isEqualTo(3 + 5);
					assertThat(sheet.getRow(3 + 5).getCell(0).getStringCellValue())
						.isEqualTo("本表列出前 5 行，共 " + given + " 行，全部见 findings.csv。");
				}
				else {
					assertThat(sheet.getLastRowNum()).isEqualTo(3 + given - 1);
				}
			}
		}
	}

	@Test
	void aReadOnlySheetStopsAtItsTextBudgetToo() throws IOException {
		// "finding 0" and "说明0" are 9 + 7 bytes of UTF-8: a budget of 40 holds two rows (32), not three (48)
		try (XSSFWorkbook workbook = open(report(10, 1000, 40))) {
			XSSFSheet sheet = workbook.getSheet("审核结果");
			assertThat(sheet.getLastRowNum()).isEqualTo(3 + 2);
			assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("本表列出前 2 行，共 10 行，全部见 findings.csv。");
		}
	}

	@Test
	void theRealLimitLeavesRoomForTheLinesAboveAndTheLastLineWithinTheReadersLimit() {
		assertThat(ReportWorkbook.LIST_HEAD + ReportWorkbook.MAX_LIST_ROWS + 1).isEqualTo(WorkbookFormat.MAX_ROWS);
	}

	@Test
	void everyTablePrintsOnA4OnePageWideWithItsTitlesAndHeaderOnEveryPage() throws IOException {
		// read back from the saved file, as Excel and WPS read it
		try (XSSFWorkbook workbook = open(report(0, ReportWorkbook.MAX_LIST_ROWS, ReportWorkbook.TEXT_BUDGET))) {
			// 表三: labels in B, the seven columns C–I, the last line (四、结转下年度继续办理) on row 32;
			// title, unit line and the three header rows repeated; across the page
			XSSFSheet t3 = workbook.getSheet("表三");
			int i3 = workbook.getSheetIndex(t3);
			assertThat(workbook.getPrintArea(i3)).isEqualTo("表三!$B$1:$I$32");
			assertThat(t3.getRepeatingRows().formatAsString()).isEqualTo("1:5");
			assertThat(t3.getFitToPage()).isTrue();
			assertThat(t3.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
			assertThat(t3.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
			assertThat(t3.getPrintSetup().getLandscape()).isTrue();
			assertThat(t3.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			// 表四: fifteen columns C–Q, its one line on row 6
			XSSFSheet t4 = workbook.getSheet("表四");
			assertThat(workbook.getPrintArea(workbook.getSheetIndex(t4))).isEqualTo("表四!$B$1:$Q$6");
			assertThat(t4.getRepeatingRows().formatAsString()).isEqualTo("1:5");
			assertThat(t4.getPrintSetup().getLandscape()).isTrue();
			// 表二: four value columns, portrait, its title and unit line on every page
			XSSFSheet t2 = workbook.getSheet("表二");
			assertThat(workbook.getPrintArea(workbook.getSheetIndex(t2))).startsWith("表二!$B$1:$E$");
			assertThat(t2.getRepeatingRows().formatAsString()).isEqualTo("1:2");
			assertThat(t2.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
			assertThat(t2.getPrintSetup().getLandscape()).isFalse();
			// a read-only sheet: its header line on every page
			assertThat(workbook.getSheet("审核结果").getRepeatingRows().formatAsString()).isEqualTo("3:3");
		}
	}

	private static XSSFDataValidation validationAt(XSSFSheet sheet, int row, int column) {
		return sheet.getDataValidations()
			.stream()
			.filter(v -> v.getRegions().getCellRangeAddresses()[0].isInRange(row, column))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no validation at row " + row + " column " + column));
	}

}
