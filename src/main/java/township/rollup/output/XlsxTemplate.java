package township.rollup.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.ingest.SubmissionParser;
import township.rollup.reportformat.BlockDef;
import township.rollup.reportformat.CellType;
import township.rollup.reportformat.ColumnDef;
import township.rollup.reportformat.NarrativeMetric;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.RowDef;
import township.rollup.reportformat.TableDef;

/**
 * The submission as an Excel workbook in the official layout: a cover with the unit and the
 * instructions, one sheet per table (表二, 表三, 表四) with the official headings, labels and merged
 * header cells, a sheet for the optional 总体情况 numbers and explanations, and a very hidden metadata
 * sheet.
 *
 * <p>
 * The workbook is the CSV grid drawn as the official tables: column A (hidden, locked) holds the row
 * code of each data line, column B the official label and the values follow in the official column
 * order, so the reader reads it with the same row matching as a CSV file. Labels, headings and the
 * unit's details are locked by sheet protection without a password: protection guides a clerk, it
 * secures nothing (pasting bypasses it), and the server types every cell again. Input cells are
 * unlocked, carry data validation and an input message in Chinese.
 */
public final class XlsxTemplate {

	/** The layout version, in the metadata sheet; raise it when the reader could tell the difference. */
	public static final int VERSION = 1;

	/** Column A: row codes. Column B: labels. Values from column C. */
	static final int CODE_COLUMN = 0;

	static final int LABEL_COLUMN = 1;

	static final int FIRST_VALUE_COLUMN = 2;

	private static final String FONT = "宋体";

	/** Largest value a count or amount cell accepts: the reader's 15 integer digits. */
	private static final String MAX_VALUE = "999999999999999";

	private XlsxTemplate() {
	}

	/** A blank template: every input cell empty, to be filled in. */
	public static byte[] template(ReportFormat format, SubmissionCsvWriter.Header header) {
		return write(format, header, Map.of(), Map.of(), true);
	}

	/** A filled report in the same layout, readable as a submission by the next level up. */
	public static byte[] report(ReportFormat format, SubmissionCsvWriter.Header header, Map<String, BigDecimal> values,
			Map<String, BigDecimal> narrative) {
		return write(format, header, values, narrative, false);
	}

	private static byte[] write(ReportFormat format, SubmissionCsvWriter.Header header, Map<String, BigDecimal> values,
			Map<String, BigDecimal> narrative, boolean template) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Writer writer = new Writer(workbook, format, header, values, narrative, template);
			writer.cover();
			for (TableDef table : format.tables()) {
				writer.table(table);
			}
			writer.extra();
			writer.metadata();
			workbook.setActiveSheet(0);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One header cell of a table: its text and the rows and columns it covers (merged when more than one). */
	record HeaderCell(String text, int firstRow, int lastRow, int firstColumn, int lastColumn) {
	}

	/**
	 * The header cells of a block, as the official tables draw them: one level per merged group caption
	 * ({@code 申请人情况}, {@code 法人或其他组织}, {@code 行政诉讼}…), the column labels on the bottom row. A
	 * column with fewer levels than its neighbours stretches down: the label itself when its group is
	 * shared with deeper columns (表三's {@code 自然人} under {@code 申请人情况}), otherwise its group
	 * (表四's {@code 行政复议}). Rows and columns are counted from 0 within the header.
	 */
	static List<HeaderCell> headerCells(TableDef table, BlockDef block) {
		List<List<String>> paths = new ArrayList<>();
		for (ColumnDef column : block.columns()) {
			List<String> path = new ArrayList<>();
			if (table.code().equals("T3")) {
				path.add("申请人情况");
			}
			if (!column.group().isEmpty()) {
				path.addAll(Arrays.asList(column.group().split("·")));
			}
			path.add(column.label());
			paths.add(path);
		}
		int depth = paths.stream().mapToInt(List::size).max().orElse(1);
		int n = paths.size();
		// for each column and level: the header row it starts on and ends on
		int[][] first = new int[n][];
		int[][] last = new int[n][];
		for (int c = 0; c < n; c++) {
			List<String> path = paths.get(c);
			int stretch = depth - path.size();
			int stretchAt = path.size() - 1;
			for (int level = 0; level < path.size() && stretch > 0; level++) {
				if (runHasUniformLength(paths, c, level)) {
					stretchAt = level;
					break;
				}
			}
			first[c] = new int[path.size()];
			last[c] = new int[path.size()];
			int row = 0;
			for (int level = 0; level < path.size(); level++) {
				first[c][level] = row;
				row += level == stretchAt ? 1 + stretch : 1;
				last[c][level] = row - 1;
			}
		}
		List<HeaderCell> cells = new ArrayList<>();
		for (int level = 0; level < depth; level++) {
			int c = 0;
			while (c < n) {
				if (level >= paths.get(c).size()) {
					c++;
					continue;
				}
				int end = c;
				while (end + 1 < n && level < paths.get(end + 1).size()
						&& paths.get(end + 1).subList(0, level + 1).equals(paths.get(c).subList(0, level + 1))
						&& first[end + 1][level] == first[c][level] && last[end + 1][level] == last[c][level]) {
					end++;
				}
				cells.add(new HeaderCell(paths.get(c).get(level), first[c][level], last[c][level], c, end));
				c = end + 1;
			}
		}
		return cells;
	}

	/** Whether every column sharing column {@code c}'s caption at {@code level} has as many levels as it. */
	private static boolean runHasUniformLength(List<List<String>> paths, int c, int level) {
		List<String> prefix = paths.get(c).subList(0, level + 1);
		int size = paths.get(c).size();
		for (int i = c; i >= 0 && paths.get(i).size() > level && paths.get(i).subList(0, level + 1).equals(prefix); i--) {
			if (paths.get(i).size() != size) {
				return false;
			}
		}
		for (int i = c; i < paths.size() && paths.get(i).size() > level
				&& paths.get(i).subList(0, level + 1).equals(prefix); i++) {
			if (paths.get(i).size() != size) {
				return false;
			}
		}
		return true;
	}

	private static int headerDepth(TableDef table, BlockDef block) {
		return headerCells(table, block).stream().mapToInt(HeaderCell::lastRow).max().orElse(0) + 1;
	}

	/** The writing of one workbook. */
	private static final class Writer {

		private final XSSFWorkbook workbook;

		private final ReportFormat format;

		private final SubmissionCsvWriter.Header header;

		private final Map<String, BigDecimal> values;

		private final Map<String, BigDecimal> narrative;

		private final boolean template;

		private final Messages texts = Messages.of(Language.ZH);

		private final Styles styles;

		Writer(XSSFWorkbook workbook, ReportFormat format, SubmissionCsvWriter.Header header,
				Map<String, BigDecimal> values, Map<String, BigDecimal> narrative, boolean template) {
			this.workbook = workbook;
			this.format = format;
			this.header = header;
			this.values = values;
			this.narrative = narrative;
			this.template = template;
			this.styles = new Styles(workbook);
		}

		void cover() {
			XSSFSheet sheet = workbook.createSheet(texts.get("template.xlsx.sheet.cover"));
			columns(sheet, 14, 72);
			int r = 0;
			merged(sheet, r++, texts.get("template.xlsx.title"), styles.title, 2, 30);
			merged(sheet, r++, texts.get("template.xlsx.format", format.title(), format.basis()), styles.caption, 2, 18);
			if (header.remark() != null) {
				merged(sheet, r++, header.remark(), styles.caption, 2, 18);
			}
			r++;
			String[][] meta = { { "META.unit_name", "单位名称", header.unitName() },
					{ "META.unit_code", "区划代码", header.unitCode() },
					{ "META.year", "报告年度", String.valueOf(header.year()) }, { "META.format", "报表格式", format.id() } };
			for (String[] line : meta) {
				Row row = sheet.createRow(r++);
				row.setHeightInPoints(20);
				set(row, CODE_COLUMN, line[0], styles.code);
				set(row, LABEL_COLUMN, line[1], styles.label);
				set(row, FIRST_VALUE_COLUMN, line[2], styles.fixedValue);
			}
			r++;
			merged(sheet, r++, texts.get("template.xlsx.howto.title"), styles.bold, 2, 20);
			List<String> howto = new ArrayList<>(List.of(texts.get("template.xlsx.howto.1"),
					texts.get("template.xlsx.howto.2")));
			if (format.cells().stream().anyMatch(c -> c.type() == CellType.SIGNED_COUNT)) {
				howto.add(texts.get("template.xlsx.howto.signed"));
			}
			format.cells()
				.stream()
				.filter(c -> c.type() == CellType.AMOUNT)
				.map(c -> c.column())
				.findFirst()
				.ifPresent(c -> howto.add(texts.get("template.xlsx.howto.amount", c.unit(), c.scale())));
			howto.addAll(List.of(texts.get("template.xlsx.howto.3"), texts.get("template.xlsx.howto.4"),
					texts.get("template.xlsx.howto.5"), texts.get("template.xlsx.howto.6")));
			for (int i = 0; i < howto.size(); i++) {
				merged(sheet, r++, (i + 1) + ". " + howto.get(i), styles.text, 2, heightFor(howto.get(i), 86));
			}
			finish(sheet, 0, false);
		}

		void table(TableDef table) {
			XSSFSheet sheet = workbook.createSheet(table.name());
			int width = table.blocks().stream().mapToInt(b -> b.columns().size()).max().orElse(1);
			int labelWidth = switch (table.code()) {
				case "T3" -> 40;
				case "T4" -> 22;
				default -> 24;
			};
			int[] widths = new int[1 + width];
			widths[0] = labelWidth;
			Arrays.fill(widths, 1, widths.length, table.code().equals("T4") ? 9 : 12);
			columns(sheet, widths);
			int r = 0;
			merged(sheet, r++, table.title(), styles.title, 1 + width, 26);
			merged(sheet, r++, unitLine(), styles.caption, 1 + width,
					heightFor(unitLine(), labelWidth + (table.code().equals("T4") ? 9 : 12) * width));
			int freezeAt = -1;
			for (BlockDef block : table.blocks()) {
				if (table.code().equals("T2")) {
					merged(sheet, r++, block.title(), styles.bold, 1 + width, 20);
				}
				int depth = headerDepth(table, block);
				int top = r;
				for (int i = 0; i < depth; i++) {
					Row row = sheet.createRow(r + i);
					row.setHeightInPoints(table.code().equals("T3") && depth > 1 ? 24 : 30);
					for (int c = LABEL_COLUMN; c < FIRST_VALUE_COLUMN + width; c++) {
						set(row, c, null, styles.header);
					}
				}
				String corner = switch (table.code()) {
					case "T2" -> "信息内容";
					case "T3" -> block.title();
					default -> "";
				};
				sheet.getRow(top).getCell(LABEL_COLUMN).setCellValue(corner);
				if (depth > 1) {
					sheet.addMergedRegion(new CellRangeAddress(top, top + depth - 1, LABEL_COLUMN, LABEL_COLUMN));
				}
				for (HeaderCell cell : headerCells(table, block)) {
					int lastColumn = cell.lastColumn();
					// a block narrower than the table: its last column header spans the rest (2021's
					// 本年处理决定数量 over three columns, as the official table draws it)
					if (lastColumn == block.columns().size() - 1 && block.columns().size() == 1) {
						lastColumn = width - 1;
					}
					sheet.getRow(top + cell.firstRow())
						.getCell(FIRST_VALUE_COLUMN + cell.firstColumn())
						.setCellValue(cell.text());
					if (cell.firstRow() != cell.lastRow() || cell.firstColumn() != lastColumn) {
						sheet.addMergedRegion(new CellRangeAddress(top + cell.firstRow(), top + cell.lastRow(),
								FIRST_VALUE_COLUMN + cell.firstColumn(), FIRST_VALUE_COLUMN + lastColumn));
					}
				}
				r += depth;
				if (freezeAt < 0 && !table.code().equals("T2")) {
					freezeAt = r;
				}
				for (BlockDef.Line line : block.lines()) {
					Row row = sheet.createRow(r);
					if (line.isCaption()) {
						set(row, LABEL_COLUMN, line.caption(), styles.labelOf(line.caption(), true));
						for (int c = 0; c < width; c++) {
							set(row, FIRST_VALUE_COLUMN + c, null, styles.filler);
						}
						row.setHeightInPoints(heightFor(line.caption(), labelWidth));
						r++;
						continue;
					}
					RowDef def = line.row();
					set(row, CODE_COLUMN, def.code(), styles.code);
					set(row, LABEL_COLUMN, def.label(), styles.labelOf(def.label(), false));
					row.setHeightInPoints(heightFor(def.label(), labelWidth));
					for (int c = 0; c < width; c++) {
						if (c >= def.columns().size()) {
							set(row, FIRST_VALUE_COLUMN + c, null, styles.filler);
							continue;
						}
						ColumnDef column = def.columns().get(c);
						Cell cell = set(row, FIRST_VALUE_COLUMN + c, null, styles.input);
						BigDecimal value = values.get(def.cellCode(column));
						if (value != null) {
							cell.setCellValue(value.doubleValue());
						}
						validate(sheet, r, FIRST_VALUE_COLUMN + c, column);
					}
					r++;
				}
			}
			// 表四's fifteen columns print across the page, the others down it
			finish(sheet, freezeAt, table.code().equals("T4"));
		}

		void extra() {
			XSSFSheet sheet = workbook.createSheet(texts.get("template.xlsx.sheet.extra"));
			columns(sheet, 30, 70);
			int r = 0;
			merged(sheet, r++, unitLine(), styles.caption, 2, 18);
			r++;
			List<NarrativeMetric> metrics = format.narrativeMetrics()
				.stream()
				.filter(m -> template || narrative.containsKey(m.code()))
				.toList();
			if (!metrics.isEmpty()) {
				merged(sheet, r++, texts.get("template.xlsx.narrative.caption"), styles.bold, 2, 20);
				for (NarrativeMetric metric : metrics) {
					Row row = sheet.createRow(r);
					row.setHeightInPoints(18);
					set(row, CODE_COLUMN, metric.code(), styles.code);
					set(row, LABEL_COLUMN, metric.label(), styles.label);
					Cell cell = set(row, FIRST_VALUE_COLUMN, null, styles.input);
					BigDecimal value = narrative.get(metric.code());
					if (value != null) {
						cell.setCellValue(value.doubleValue());
					}
					addValidation(sheet,
							sheet.getDataValidationHelper().createIntegerConstraint(OperatorType.BETWEEN, "0", MAX_VALUE),
							range(r, r, FIRST_VALUE_COLUMN), metric.label(), texts.get("template.xlsx.narrative.prompt"),
							texts.get("template.xlsx.error.count"));
					r++;
				}
				r++;
			}
			if (template) {
				merged(sheet, r++, texts.get("template.xlsx.note.caption"), styles.text, 2,
						heightFor(texts.get("template.xlsx.note.caption"), 100));
				Row head = sheet.createRow(r++);
				head.setHeightInPoints(20);
				set(head, LABEL_COLUMN, texts.get("template.xlsx.note.rule"), styles.header);
				set(head, FIRST_VALUE_COLUMN, texts.get("template.xlsx.note.text"), styles.header);
				int firstNote = r;
				for (int i = 0; i < 10; i++) {
					Row row = sheet.createRow(r++);
					row.setHeightInPoints(30);
					set(row, CODE_COLUMN, "NOTE", styles.code);
					set(row, LABEL_COLUMN, null, styles.textInput);
					set(row, FIRST_VALUE_COLUMN, null, styles.textInput);
				}
				DataValidationHelper helper = sheet.getDataValidationHelper();
				addValidation(sheet, helper.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, "40", null),
						range(firstNote, r - 1, LABEL_COLUMN), texts.get("template.xlsx.note.rule"),
						texts.get("template.xlsx.note.promptRule"), null);
				addValidation(sheet, helper.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, "1000", null),
						range(firstNote, r - 1, FIRST_VALUE_COLUMN), texts.get("template.xlsx.note.text"),
						texts.get("template.xlsx.note.promptText"), null);
			}
			finish(sheet, -1, false);
		}

		/** Very hidden: a clerk cannot unhide it from the menus, and a copy of the visible cells leaves it behind. */
		void metadata() {
			XSSFSheet sheet = workbook.createSheet(SubmissionParser.WORKBOOK_METADATA_SHEET);
			Map<String, String[]> lines = new LinkedHashMap<>();
			lines.put("META.unit_name", new String[] { "单位名称", header.unitName() });
			lines.put("META.unit_code", new String[] { "区划代码", header.unitCode() });
			lines.put("META.year", new String[] { "报告年度", String.valueOf(header.year()) });
			lines.put("META.format", new String[] { "报表格式", format.id() });
			lines.put(SubmissionParser.WORKBOOK_VERSION_CODE,
					new String[] { texts.get("template.xlsx.meta.version"), "township-rollup xlsx " + VERSION });
			int r = 0;
			for (Map.Entry<String, String[]> line : lines.entrySet()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(line.getKey());
				row.createCell(1).setCellValue(line.getValue()[0]);
				row.createCell(2).setCellValue(line.getValue()[1]);
			}
			sheet.enableLocking();
			workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
		}

		private String unitLine() {
			return texts.get("template.xlsx.unit", header.unitName(), header.unitCode(), header.year(), format.id());
		}

		/** One validation per input cell: its type's rule, the column as the title of its input message. */
		private void validate(XSSFSheet sheet, int row, int column, ColumnDef def) {
			DataValidationHelper helper = sheet.getDataValidationHelper();
			CellRangeAddressList cell = range(row, row, column);
			switch (def.type()) {
				case COUNT -> addValidation(sheet, helper.createIntegerConstraint(OperatorType.BETWEEN, "0", MAX_VALUE),
						cell, def.displayLabel(), texts.get("template.xlsx.prompt.count"),
						texts.get("template.xlsx.error.count"));
				case SIGNED_COUNT -> addValidation(sheet,
						helper.createIntegerConstraint(OperatorType.BETWEEN, "-" + MAX_VALUE, MAX_VALUE), cell,
						def.displayLabel(), texts.get("template.xlsx.prompt.signed"),
						texts.get("template.xlsx.error.signed"));
				case AMOUNT -> {
					// Excel has no "at most 4 decimals" rule: a formula relative to the cell says it
					String ref = new CellReference(row, column).formatAsString();
					String formula = "AND(ISNUMBER(" + ref + ")," + ref + ">=0," + ref + "<=" + MAX_VALUE + ",ROUND("
							+ ref + "," + def.scale() + ")=" + ref + ")";
					addValidation(sheet, helper.createCustomConstraint(formula), cell, def.displayLabel(),
							texts.get("template.xlsx.prompt.amount", def.unit(), def.scale()),
							texts.get("template.xlsx.error.amount", def.unit(), def.scale()));
				}
			}
		}

		private void addValidation(XSSFSheet sheet, DataValidationConstraint constraint, CellRangeAddressList ranges,
				String title, String promptText, String errorText) {
			DataValidation validation = sheet.getDataValidationHelper().createValidation(constraint, ranges);
			validation.setEmptyCellAllowed(true);
			validation.setShowPromptBox(true);
			validation.createPromptBox(cut(title, 32), cut(promptText, 255));
			if (errorText != null) {
				validation.setShowErrorBox(true);
				validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
				validation.createErrorBox(texts.get("template.xlsx.error.title"), cut(errorText, 255));
			}
			sheet.addValidationData(validation);
		}

		private static String cut(String text, int max) {
			return text.length() <= max ? text : text.substring(0, max);
		}

		private static CellRangeAddressList range(int firstRow, int lastRow, int column) {
			return new CellRangeAddressList(firstRow, lastRow, column, column);
		}

		private void merged(XSSFSheet sheet, int r, String text, CellStyle style, int columns, float height) {
			Row row = sheet.createRow(r);
			row.setHeightInPoints(height);
			for (int c = LABEL_COLUMN; c < LABEL_COLUMN + columns; c++) {
				set(row, c, c == LABEL_COLUMN ? text : null, style);
			}
			if (columns > 1) {
				sheet.addMergedRegion(new CellRangeAddress(r, r, LABEL_COLUMN, LABEL_COLUMN + columns - 1));
			}
		}

		private static Cell set(Row row, int column, String text, CellStyle style) {
			Cell cell = row.createCell(column);
			if (text != null) {
				cell.setCellValue(text);
			}
			cell.setCellStyle(style);
			return cell;
		}

		/** Column A hidden; the others in characters (a CJK character takes two). */
		private static void columns(XSSFSheet sheet, int... widths) {
			sheet.setColumnWidth(CODE_COLUMN, 12 * 256);
			sheet.setColumnHidden(CODE_COLUMN, true);
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(LABEL_COLUMN + i, widths[i] * 256);
			}
		}

		/** Rows are not sized by the file format: a wrapped label needs its height written. */
		private static float heightFor(String text, int columnWidth) {
			int units = 0;
			for (int i = 0; i < text.length(); i++) {
				units += text.charAt(i) < 0x2E80 ? 1 : 2;
			}
			int lines = Math.max(1, (int) Math.ceil(units / (double) Math.max(1, columnWidth - 2)));
			return 6 + 15 * lines;
		}

		/** Protection that guides (no password): select and resize, never retype a label. */
		private static void finish(XSSFSheet sheet, int freezeRow, boolean landscape) {
			sheet.enableLocking();
			sheet.lockSelectLockedCells(false);
			sheet.lockSelectUnlockedCells(false);
			sheet.lockFormatColumns(false);
			sheet.lockFormatRows(false);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.getPrintSetup().setLandscape(landscape);
			sheet.setDisplayGridlines(false);
			if (freezeRow > 0) {
				sheet.createFreezePane(FIRST_VALUE_COLUMN, freezeRow);
			}
		}

	}

	/** The few cell styles of the workbook; a workbook holds at most 64,000, so they are made once. */
	private static final class Styles {

		final CellStyle title;

		final CellStyle caption;

		final CellStyle bold;

		final CellStyle text;

		final CellStyle code;

		final CellStyle header;

		final CellStyle label;

		final CellStyle[] labels = new CellStyle[3];

		final CellStyle[] captions = new CellStyle[3];

		final CellStyle fixedValue;

		final CellStyle input;

		final CellStyle textInput;

		final CellStyle filler;

		Styles(XSSFWorkbook workbook) {
			Font normal = font(workbook, false, 11);
			Font strong = font(workbook, true, 11);
			title = workbook.createCellStyle();
			title.setFont(font(workbook, true, 16));
			title.setAlignment(HorizontalAlignment.CENTER);
			title.setVerticalAlignment(VerticalAlignment.CENTER);
			caption = workbook.createCellStyle();
			caption.setFont(normal);
			caption.setAlignment(HorizontalAlignment.CENTER);
			caption.setVerticalAlignment(VerticalAlignment.CENTER);
			caption.setWrapText(true);
			bold = workbook.createCellStyle();
			bold.setFont(strong);
			bold.setVerticalAlignment(VerticalAlignment.CENTER);
			text = workbook.createCellStyle();
			text.setFont(normal);
			text.setWrapText(true);
			text.setVerticalAlignment(VerticalAlignment.TOP);
			code = workbook.createCellStyle();
			code.setFont(normal);
			header = bordered(workbook, strong);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			for (int i = 0; i < 3; i++) {
				// Excel indents only left-aligned text
				labels[i] = bordered(workbook, normal);
				labels[i].setAlignment(HorizontalAlignment.LEFT);
				labels[i].setIndention((short) (2 * i));
				captions[i] = bordered(workbook, strong);
				captions[i].setAlignment(HorizontalAlignment.LEFT);
				captions[i].setIndention((short) (2 * i));
			}
			label = labels[0];
			fixedValue = bordered(workbook, strong);
			input = bordered(workbook, normal);
			input.setLocked(false);
			input.setAlignment(HorizontalAlignment.RIGHT);
			input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
			input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			textInput = bordered(workbook, normal);
			textInput.setLocked(false);
			textInput.setAlignment(HorizontalAlignment.LEFT);
			textInput.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
			textInput.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			filler = bordered(workbook, normal);
			filler.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			filler.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		}

		/** Labels indent as the official table nests them: 一、 at the margin, （一） once, 1. twice. */
		CellStyle labelOf(String text, boolean isCaption) {
			int level = text.isEmpty() ? 0 : Character.isDigit(text.charAt(0)) ? 2 : text.charAt(0) == '（' ? 1 : 0;
			return isCaption ? captions[level] : labels[level];
		}

		private static Font font(XSSFWorkbook workbook, boolean bold, int points) {
			Font font = workbook.createFont();
			font.setFontName(FONT);
			font.setBold(bold);
			font.setFontHeightInPoints((short) points);
			return font;
		}

		private static CellStyle bordered(XSSFWorkbook workbook, Font font) {
			CellStyle style = workbook.createCellStyle();
			style.setFont(font);
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			style.setWrapText(true);
			return style;
		}

	}

}
