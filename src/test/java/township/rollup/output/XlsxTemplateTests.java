package township.rollup.output;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import township.rollup.reportformat.ReportFormats;

import static org.assertj.core.api.Assertions.assertThat;

/** The .xlsx template: the official layout, protection, validation and the metadata a reader needs. */
class XlsxTemplateTests {

	static XSSFWorkbook template(String format, int year) throws IOException {
		byte[] bytes = XlsxTemplate.template(ReportFormats.standard().get(format),
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
			assertThat(text(meta, "A5") + "=" + text(meta, "C5")).isEqualTo("TEMPLATE.version=township-rollup xlsx 1");
		}
	}

	@Test
	void table3HasTheOfficialLabelsAndMergedHeaders() throws IOException {
		try (XSSFWorkbook workbook = template("2019", 2020)) {
			XSSFSheet t3 = workbook.getSheet("表三");
			assertThat(text(t3, "B1")).isEqualTo("三、收到和处理政府信息公开申请情况");
			assertThat(text(t3, "B3")).isEqualTo("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
			assertThat(text(t3, "C3")).isEqualTo("申请人情况");
			assertThat(text(t3, "C4")).isEqualTo("自然人");
			assertThat(text(t3, "D4")).isEqualTo("法人或其他组织");
			assertThat(text(t3, "D5")).isEqualTo("商业企业");
			assertThat(text(t3, "H5")).isEqualTo("其他");
			assertThat(text(t3, "I4")).isEqualTo("总计");
			assertThat(text(t3, "A6") + " " + text(t3, "B6")).isEqualTo("T3.r1 一、本年新收政府信息公开申请数量");
			assertThat(text(t3, "B11")).isEqualTo("（三）不予公开");
			assertThat(text(t3, "A32") + " " + text(t3, "B32")).isEqualTo("T3.r4 四、结转下年度继续办理");
			assertThat(t3.getMergedRegions()).extracting(CellRangeAddress::formatAsString)
				.contains("B3:B5", "C3:I3", "C4:C5", "D4:H4", "I4:I5");
			assertThat(t3.isColumnHidden(0)).isTrue();

			XSSFSheet t4 = workbook.getSheet("表四");
			assertThat(t4.getMergedRegions()).extracting(CellRangeAddress::formatAsString)
				.contains("C3:G4", "H3:Q3", "H4:L4", "M4:Q4");
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

	private static XSSFDataValidation validationAt(XSSFSheet sheet, int row, int column) {
		return sheet.getDataValidations()
			.stream()
			.filter(v -> v.getRegions().getCellRangeAddresses()[0].isInRange(row, column))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no validation at row " + row + " column " + column));
	}

}
