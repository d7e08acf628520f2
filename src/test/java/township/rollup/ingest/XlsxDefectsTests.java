package township.rollup.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.submission.ParsedSubmission;
import township.rollup.support.XlsxFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One workbook per Excel defect, each named after it and made from the filled template with POI or by
 * editing the XML inside the zip, with the findings it must give: {@code RULE@address} (the cell's
 * address, {@code -} for a finding about the whole file). Addresses are written by hand from the
 * template's layout: 表二 row 9 is 行政许可, 表三 row 6 is 一、本年新收…, row 12 is 1.属于国家秘密, 表四 row 6 is
 * the one data row; values start in column C.
 */
class XlsxDefectsTests {

	@TempDir
	static Path temp;

	static byte[] clean() {
		return XlsxFixtures.complete("2019", XlsxFixtures.template("2019", "甲镇", "410999101000", 2020),
				XlsxSubmissionTests.JIA_2020, XlsxFixtures.numbers("NARR.proactive_items", "100"));
	}

	static byte[] edited(Consumer<XSSFWorkbook> change) {
		return XlsxFixtures.edit(clean(), change);
	}

	static XSSFCell at(XSSFWorkbook workbook, String sheet, String address) {
		var ref = new org.apache.poi.ss.util.CellReference(address);
		Row row = workbook.getSheet(sheet).getRow(ref.getRow());
		if (row == null) {
			row = workbook.getSheet(sheet).createRow(ref.getRow());
		}
		XSSFCell cell = (XSSFCell) row.getCell(ref.getCol());
		return cell != null ? cell : (XSSFCell) row.createCell(ref.getCol());
	}

	static Arguments of(String fixture, Supplier<byte[]> bytes, String... expected) {
		return Arguments.of(fixture, bytes, List.of(expected));
	}

	static Stream<Arguments> defects() {
		return Stream.of(
				// a formula is read as the result Excel saved, and the file's one notice of formulas says so
				of("formula-with-saved-result.xlsx", () -> edited(w -> {
					XSSFCell cell = at(w, "表三", "I6");
					cell.setCellFormula("SUM(C6:H6)");
					w.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
				}), "CELL-FORMULA@-"),
				// no saved result: an error, never 0 (POI itself would answer 0.0)
				of("formula-without-saved-result.xlsx", () -> edited(w -> {
					XSSFCell cell = at(w, "表三", "I6");
					cell.setCellFormula("SUM(C6:H6)");
					cell.getCTCell().unsetV();
				}), "CELL-FORMULA-UNCACHED@表三!I6"),
				// 1-2 typed into a cell: Excel stores 2 January as a number with a date format
				of("date-formatted-number.xlsx", () -> edited(w -> {
					XSSFCell cell = at(w, "表三", "C7");
					CellStyle date = w.createCellStyle();
					date.cloneStyleFrom(cell.getCellStyle());
					date.setDataFormat(w.createDataFormat().getFormat("m月d日"));
					cell.setCellStyle(date);
					cell.setCellValue(46024); // 2026-01-02
				}), "CELL-DATE@表三!C7"),
				// accepted as the number, with a warning: Excel's own sums leave it out
				of("number-stored-as-text.xlsx", () -> edited(w -> at(w, "表二", "C9").setCellValue("3")),
						"CELL-NUMBER-TEXT@表二!C9"),
				of("error-value.xlsx", () -> edited(w -> at(w, "表三", "D6").setCellErrorValue(FormulaError.REF)),
						"CELL-ERROR@表三!D6"),
				of("formula-with-error-result.xlsx", () -> edited(w -> {
					XSSFCell cell = at(w, "表四", "C6");
					cell.setCellFormula("1/0");
					w.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
				}), "CELL-ERROR@表四!C6"),
				// 自然人 and 商业企业 of 1.属于国家秘密 merged: one finding for the range
				of("merged-input-cells.xlsx",
						() -> edited(w -> w.getSheet("表三").addMergedRegion(CellRangeAddress.valueOf("C12:D12"))),
						"CELL-MERGED@表三!C12"),
				of("macro-enabled.xlsm",
						() -> XlsxFixtures.rezip(clean(), "xl/vbaProject.bin", b -> new byte[] { 1, 2, 3, 4 }),
						"FILE-XLSM@-"),
				of("macro-enabled-content-type.xlsm", () -> XlsxFixtures.rewrite(clean(), "[Content_Types].xml",
						t -> t.replace("spreadsheetml.sheet.main+xml", "sheet.macroEnabled.main+xml")
							.replace("application/vnd.openxmlformats-officedocument.sheet.macroEnabled",
									"application/vnd.ms-excel.sheet.macroEnabled")),
						"FILE-XLSM@-"),
				of("old-binary.xls", XlsxDefectsTests::oldBinaryWorkbook, "FILE-XLS@-"),
				// 20 MiB of zeros: a few KB compressed, refused before any XML is parsed
				of("zip-bomb.xlsx", () -> XlsxFixtures.rezip(clean(), "xl/media/padding.bin",
						b -> new byte[20 * 1024 * 1024]), "FILE-XLSX@-"),
				of("external-entity.xlsx", XlsxDefectsTests::externalEntity, "FILE-XLSX@-"),
				of("truncated.xlsx", () -> Arrays.copyOf(clean(), clean().length / 2), "FILE-XLSX@-"),
				of("zip-but-not-a-workbook.xlsx", () -> XlsxFixtures.rezip(XlsxFixtures.rezip(clean(),
						"[Content_Types].xml", b -> null), "hello.txt", b -> "hello".getBytes(StandardCharsets.UTF_8)),
						"FILE-XLSX@-"),
				of("content-far-beyond-the-form.xlsx", () -> edited(w -> at(w, "表三", "EU40").setCellValue("x")),
						"FILE-XLSX@-"),
				// the same findings as in CSV, now with the cell's address
				of("shifted-row-label.xlsx", () -> edited(w -> at(w, "表三", "B12").setCellValue("2.其他法律行政法规禁止公开")),
						"ROW-LABEL@表三!B12"),
				of("blank-value-cell.xlsx", () -> edited(w -> at(w, "表三", "C6").setBlank()), "CELL-BLANK@表三!C6"),
				of("text-in-count-cell.xlsx", () -> edited(w -> at(w, "表二", "C5").setCellValue("68余")),
						"CELL-TEXT@表二!C5"),
				of("duplicated-sheet.xlsx", () -> edited(w -> {
					w.cloneSheet(w.getSheetIndex("表四"));
				}), "ROW-DUPLICATE@'表四 (2)'!A6"),
				// WPS: inline strings instead of shared ones, its own properties, no styles on the cells
				of("wps-inline-strings.xlsx", XlsxDefectsTests::wps),
				of("wps-formula-without-saved-result.xlsx", () -> XlsxFixtures.rewrite(wps(), "xl/worksheets/sheet3.xml",
						xml -> xml.replaceFirst("<c r=\"I6\"([^>]*)><v>3</v></c>", "<c r=\"I6\"$1><f>SUM(C6:H6)</f></c>")),
						"CELL-FORMULA-UNCACHED@表三!I6"),
				// a clerk copied the visible cells into a new workbook: no column A, no metadata sheet
				of("copied-without-code-column.xlsx", XlsxDefectsTests::copiedWithoutCodes),
				// the unit's lines on the cover cleared: the very hidden metadata sheet still says who it is
				of("cover-details-cleared.xlsx", () -> edited(w -> {
					for (int r = 3; r <= 6; r++) {
						w.getSheet("封面").removeRow(w.getSheet("封面").getRow(r));
					}
				})));
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("defects")
	void eachDefectGivesItsFindingsAtItsCell(String fixture, Supplier<byte[]> bytes, List<String> expected)
			throws IOException {
		// given
		byte[] workbook = bytes.get();
		Files.write(temp.resolve(fixture), workbook); // kept for a look when a case fails

		// when
		SubmissionParser.Result read = XlsxSubmissionTests.read(fixture, workbook);

		// then
		assertThat(read.findings()).as(fixture)
			.extracting(f -> f.ruleId() + "@" + (f.where().address() == null ? "-" : f.where().address()))
			.containsExactlyInAnyOrderElementsOf(expected);
		for (Finding f : read.findings()) {
			assertThat(f.where().fileName()).isEqualTo(fixture);
			assertThat(f.messageZh()).as(f.ruleId()).doesNotContain("{{");
			if (f.where().address() != null) {
				assertThat(f.messageZh()).as(f.ruleId() + " zh names the cell").contains(f.where().address());
				assertThat(f.messageEn()).as(f.ruleId() + " en names the cell").contains(f.where().address());
			}
		}
		if (expected.isEmpty()) {
			assertThat(read.submission().orElseThrow().numbers()).as(fixture + " numbers")
				.isEqualTo(XlsxSubmissionTests.allCells("2019", XlsxSubmissionTests.JIA_2020));
		}
	}

	static Finding only(String fixture, byte[] workbook) {
		List<Finding> findings = XlsxSubmissionTests.read(fixture, workbook).findings();
		assertThat(findings).hasSize(1);
		return findings.get(0);
	}

	@Test
	void aFormulaIsReadAsItsSavedResultWithANotice() {
		// given
		byte[] workbook = edited(w -> {
			XSSFCell cell = at(w, "表三", "I6");
			cell.setCellFormula("SUM(C6:H6)");
			w.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
		});

		// when
		SubmissionParser.Result read = XlsxSubmissionTests.read("f.xlsx", workbook);

		// then
		Finding f = read.findings().get(0);
		assertThat(f.severity()).isEqualTo(Severity.INFO);
		assertThat(f.messageZh()).isEqualTo(
				"1 个单元格是公式（表三!I6），已按文件中保存的计算结果读取。请确认这些结果无误；直接填写数值可以避免本提示。");
		assertThat(read.submission().orElseThrow().numbers()).containsEntry("T3.r1.tot", new BigDecimal("3"));
	}

	@Test
	void aWorkbookOfSumFormulasGetsOneNoticeNamingEveryCell() {
		// given: the totals of 表三's first two rows as =SUM, as a clerk's own workbook often has them, and a
		// number of 予以公开 written as a formula of itself
		byte[] workbook = edited(w -> {
			for (String address : List.of("I6", "I7", "C9")) {
				XSSFCell cell = at(w, "表三", address);
				int row = cell.getRowIndex() + 1;
				cell.setCellFormula(address.startsWith("I") ? "SUM(C" + row + ":H" + row + ")"
						: String.valueOf((long) cell.getNumericCellValue()));
				w.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
			}
		});

		// when
		SubmissionParser.Result read = XlsxSubmissionTests.read("sums.xlsx", workbook);

		// then: one notice for the file, the cells in the order of the form
		assertThat(read.findings()).extracting(Finding::ruleId).containsExactly("CELL-FORMULA");
		Finding f = read.findings().get(0);
		assertThat(f.where().address()).isNull();
		assertThat(f.messageZh()).isEqualTo(
				"3 个单元格是公式（表三!I6、表三!I7、表三!C9），已按文件中保存的计算结果读取。请确认这些结果无误；直接填写数值可以避免本提示。");
		assertThat(f.messageEn()).isEqualTo("Formula cells read as the results the file saved: 3 (表三!I6, 表三!I7, 表三!C9). "
				+ "Check that the results are right; writing the values themselves avoids this notice.");
	}

	@Test
	void aNoticeOfManyFormulasNamesTheFirstFiftyCellsAndCountsThemAll() {
		// given: every value of 表三's rows 6, 7, 9, 10 and 12 to 16 (C to I; 8 and 11 are group captions) is a
		// formula of its own saved value: 9 rows of 7, 63 cells
		byte[] workbook = edited(w -> {
			for (int row : new int[] { 6, 7, 9, 10, 12, 13, 14, 15, 16 }) {
				for (char column = 'C'; column <= 'I'; column++) {
					XSSFCell cell = at(w, "表三", column + String.valueOf(row));
					cell.setCellFormula(String.valueOf((long) cell.getNumericCellValue()));
					w.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
				}
			}
		});

		// when
		SubmissionParser.Result read = XlsxSubmissionTests.read("many.xlsx", workbook);

		// then: one notice, all 63 counted, the first 50 named (row by row: the 50th is C15)
		assertThat(read.findings()).extracting(Finding::ruleId).containsExactly("CELL-FORMULA");
		String zh = read.findings().get(0).messageZh();
		assertThat(zh).startsWith("63 个单元格是公式（表三!C6、表三!D6、表三!E6、");
		assertThat(zh).contains("表三!I14、表三!C15……）").doesNotContain("表三!D15");
		assertThat(zh.split("、")).hasSize(50);
	}

	@Test
	void aFormulaWithoutASavedResultIsAnErrorAndNeverZero() {
		// given
		byte[] workbook = edited(w -> {
			XSSFCell cell = at(w, "表三", "I6");
			cell.setCellFormula("SUM(C6:H6)");
			cell.getCTCell().unsetV();
		});

		// when
		SubmissionParser.Result read = XlsxSubmissionTests.read("f.xlsx", workbook);

		// then
		Finding f = read.findings().get(0);
		assertThat(f.severity()).isEqualTo(Severity.ERROR);
		assertThat(f.messageZh()).startsWith("表三“一、本年新收政府信息公开申请数量”行“总计”列（表三!I6）是公式 =SUM(C6:H6)，但文件中没有保存计算结果");
		assertThat(f.messageEn()).startsWith("Table 3 row \"一、本年新收政府信息公开申请数量\", column \"总计\" (表三!I6) is the formula =SUM(C6:H6), but");
		ParsedSubmission parsed = read.submission().orElseThrow();
		assertThat(parsed.numbers()).doesNotContainKey("T3.r1.tot");
		assertThat(parsed.cells().get("T3.r1.tot").raw()).isEqualTo("=SUM(C6:H6)");
	}

	@Test
	void aDateIsAnErrorThatShowsTheDateAsExcelDoes() {
		Finding f = only("d.xlsx", edited(w -> {
			XSSFCell cell = at(w, "表三", "C7");
			CellStyle date = w.createCellStyle();
			date.cloneStyleFrom(cell.getCellStyle());
			date.setDataFormat(w.createDataFormat().getFormat("m月d日"));
			cell.setCellStyle(date);
			cell.setCellValue(46024);
		}));
		assertThat(f.ruleId()).isEqualTo("CELL-DATE");
		assertThat(f.messageZh()).startsWith("表三“二、上年结转政府信息公开申请数量”行“自然人”列（表三!C7）是日期格式（显示为“1月2日”），不是数字。");
	}

	@Test
	void aNumberStoredAsTextIsReadAsTheNumberWithAWarning() {
		// when
		SubmissionParser.Result read = XlsxSubmissionTests.read("t.xlsx",
				edited(w -> at(w, "表二", "C9").setCellValue(" 3")));

		// then
		Finding f = read.findings().get(0);
		assertThat(f.severity()).isEqualTo(Severity.WARNING);
		assertThat(f.where().cellCode()).isEqualTo("T2.i5.lic.prev_items");
		assertThat(read.submission().orElseThrow().numbers()).containsEntry("T2.i5.lic.prev_items", new BigDecimal("3"));
	}

	@Test
	void mergedInputCellsAreOneFindingNamingTheRange() {
		Finding f = only("m.xlsx",
				edited(w -> w.getSheet("表三").addMergedRegion(CellRangeAddress.valueOf("C12:D12"))));
		assertThat(f.messageZh()).isEqualTo(
				"表三“1.属于国家秘密”行“自然人”列所在的单元格被合并为 表三!C12:D12。合并后只保留左上角单元格的内容，其余数值会丢失。请取消合并，在每个单元格中分别填写数值。");
	}

	@Test
	void anErrorValueNamesItAndItsFormula() {
		Finding f = only("e.xlsx", edited(w -> {
			XSSFCell cell = at(w, "表四", "C6");
			cell.setCellFormula("1/0");
			w.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
		}));
		assertThat(f.messageZh()).startsWith("表四“政府信息公开行政复议、行政诉讼情况”行“行政复议·结果维持”列（表四!C6）是 Excel 错误值 #DIV/0!（公式 =1/0），不是数字。");
	}

	@Test
	void anExternalEntityIsNeverResolved() {
		Finding f = only("x.xlsx", externalEntity());
		assertThat(f.ruleId()).isEqualTo("FILE-XLSX");
		assertThat(f.messageZh() + f.messageEn()).doesNotContain("SECRET-FROM-DISK");
	}

	@Test
	void aZipBombIsRefusedBeforeAnyXmlIsParsed() {
		Finding f = only("z.xlsx", XlsxFixtures.rezip(clean(), "xl/media/padding.bin", b -> new byte[20 * 1024 * 1024]));
		assertThat(f.messageZh()).contains("内容过大（解压后超过 16777216 字节）");
	}

	@Test
	void csvFindingsKeepTheirTextWithoutAnAddress() {
		// the CSV path is unchanged: no address, no empty brackets
		Finding f = IngestFixtures.only(IngestFixtures.parse("text-in-count-cell.csv").findings(), "CELL-TEXT");
		assertThat(f.where().address()).isNull();
		assertThat(f.messageZh()).isEqualTo("表二“规范性文件”行“本年新公开数量”列填写的“68余”不是数字。请只填写阿拉伯数字。");
		Finding label = IngestFixtures.only(IngestFixtures.parse("label-mismatch.csv").findings(), "ROW-LABEL");
		assertThat(label.messageZh()).startsWith("第 40 行代码为 T3.r3_3_1，");
	}

	static byte[] oldBinaryWorkbook() {
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			workbook.createSheet("表三").createRow(0).createCell(0).setCellValue("T3.r1");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A DOCTYPE in 表三's XML whose entity would pull a file from the disk into a cell. */
	static byte[] externalEntity() {
		try {
			Path secret = Files.createTempFile("secret", ".txt");
			Files.writeString(secret, "SECRET-FROM-DISK");
			return XlsxFixtures.rewrite(clean(), "xl/worksheets/sheet3.xml", xml -> xml.replaceFirst("\\?>",
					"?><!DOCTYPE worksheet [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>")
				.replaceFirst("<c r=\"C6\"[^>]*><v>[^<]*</v></c>", "<c r=\"C6\" t=\"inlineStr\"><is><t>&e;</t></is></c>"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The filled template as WPS writes it: every shared string inlined in the cells, no style on any
	 * cell, WPS's application name and its custom property KSOProductBuildVer.
	 */
	static byte[] wps() {
		byte[] bytes = clean();
		List<String> shared = sharedStrings(XlsxFixtures.entry(bytes, "xl/sharedStrings.xml"));
		for (int sheet = 1; sheet <= 6; sheet++) {
			bytes = XlsxFixtures.rewrite(bytes, "xl/worksheets/sheet" + sheet + ".xml", xml -> {
				Matcher m = Pattern.compile("<c r=\"([A-Z]+\\d+)\" t=\"s\"( s=\"\\d+\")?><v>(\\d+)</v></c>").matcher(xml);
				StringBuilder out = new StringBuilder();
				while (m.find()) {
					m.appendReplacement(out, Matcher.quoteReplacement("<c r=\"" + m.group(1)
							+ "\" t=\"inlineStr\"><is><t>" + escape(shared.get(Integer.parseInt(m.group(3))))
							+ "</t></is></c>"));
				}
				m.appendTail(out);
				// no style on any cell, and whole numbers written as WPS writes them (3, not 3.0)
				return out.toString()
					.replaceAll("(<c r=\"[A-Z]+\\d+\"[^>]*?) s=\"\\d+\"", "$1")
					.replaceAll("<v>(-?\\d+)\\.0</v>", "<v>$1</v>");
			});
		}
		bytes = XlsxFixtures.rewrite(bytes, "docProps/app.xml",
				xml -> xml.replaceAll("<Application>[^<]*</Application>", "<Application>WPS 表格</Application>"));
		bytes = XlsxFixtures.rewrite(bytes, "docProps/custom.xml", none -> "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
				+ "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
				+ "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
				+ "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" name=\"KSOProductBuildVer\">"
				+ "<vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>");
		bytes = XlsxFixtures.rewrite(bytes, "[Content_Types].xml", xml -> xml.replace("</Types>",
				"<Override PartName=\"/docProps/custom.xml\" "
						+ "ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/></Types>"));
		return XlsxFixtures.rewrite(bytes, "_rels/.rels", xml -> xml.replace("</Relationships>",
				"<Relationship Id=\"rIdWps\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" "
						+ "Target=\"docProps/custom.xml\"/></Relationships>"));
	}

	private static List<String> sharedStrings(String xml) {
		Matcher m = Pattern.compile("<si>(.*?)</si>").matcher(xml);
		List<String> strings = new java.util.ArrayList<>();
		while (m.find()) {
			Matcher text = Pattern.compile("<t[^>]*>([^<]*)</t>").matcher(m.group(1));
			strings.add(text.find() ? text.group(1) : "");
		}
		return strings;
	}

	/** Text taken from the shared strings' XML is still escaped: it goes back into XML as it is. */
	private static String escape(String alreadyEscaped) {
		return alreadyEscaped;
	}

	/** The visible cells of each sheet pasted at A1 of a new workbook: values only, column A left behind. */
	static byte[] copiedWithoutCodes() {
		try (XSSFWorkbook source = new XSSFWorkbook(new java.io.ByteArrayInputStream(clean()));
				XSSFWorkbook copy = new XSSFWorkbook()) {
			for (Sheet sheet : source) {
				if (sheet.getSheetName().equals("_meta")) {
					continue;
				}
				XSSFSheet target = copy.createSheet(sheet.getSheetName());
				for (Row row : sheet) {
					Row to = target.createRow(row.getRowNum());
					for (var cell : row) {
						if (cell.getColumnIndex() == 0) {
							continue;
						}
						var pasted = to.createCell(cell.getColumnIndex() - 1);
						switch (cell.getCellType()) {
							case STRING -> pasted.setCellValue(cell.getStringCellValue());
							case NUMERIC -> pasted.setCellValue(cell.getNumericCellValue());
							default -> {
							}
						}
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			copy.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
