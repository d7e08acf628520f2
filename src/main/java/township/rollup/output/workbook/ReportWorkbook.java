package township.rollup.output.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
import township.rollup.output.SubmissionCsvWriter;
import township.rollup.reportformat.BlockDef;
import township.rollup.reportformat.CellType;
import township.rollup.reportformat.ColumnDef;
import township.rollup.reportformat.NarrativeMetric;
import township.rollup.reportformat.OfficialLayout;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.RowDef;
import township.rollup.reportformat.TableDef;
import township.rollup.reportformat.WorkbookFormat;

/**
 * The one workbook writer: the blank template a clerk fills ({@link #template}) and the report a run
 * publishes, which is the same submission filled with the consolidating unit's numbers, plus sheets for
 * people that the reader skips.
 *
 * <p>
 * The submission part: a cover with the unit, one sheet per table (表二, 表三, 表四) drawn by
 * {@link OfficialLayout}, a sheet for the 总体情况 numbers (and, in the template, explanations), and a very
 * hidden metadata sheet. Each table is the CSV grid drawn as the official table: column A (hidden, locked)
 * holds the row code of each data line, column B the official label, the values follow in the official
 * column order ({@link WorkbookFormat}), so the reader reads it with the same row matching as a CSV file.
 * Labels, headings and the unit's details are locked by sheet protection without a password: protection
 * guides a clerk, it secures nothing (pasting bypasses it), and the server types every cell again. The
 * template's input cells are unlocked, carry data validation and an input message in Chinese.
 *
 * <p>
 * The published report's sheets for people (总体情况 with how many units stated each figure, 报送情况,
 * 审核结果) are named in the metadata sheet as read-only, and the reader skips them. They stop short of the
 * reader's limits, so that the report stays a valid submission at every level: at most
 * {@link WorkbookFormat#MAX_ROWS} rows and {@link #TEXT_BUDGET} bytes of text a sheet, then a
 * last line says how many there are and which CSV file has them all. Every text is written as a text cell:
 * a name or explanation of {@code =HYPERLINK(…)} stays text, never a formula.
 */
public final class ReportWorkbook implements AutoCloseable {

	/** A read-only sheet's title, a blank line and its header line come before its rows. */
	static final int LIST_HEAD = 3;

	/** The rows of a read-only sheet: the reader's limit, less the lines above and the last line. */
	static final int MAX_LIST_ROWS = WorkbookFormat.MAX_ROWS - LIST_HEAD - 1;

	/**
	 * The text of one read-only sheet, in UTF-8 bytes, each sheet its own (the findings, written first, never
	 * crowd out the board): with the tables, the cell markup and the compression, the file stays well within
	 * the reader's 1 MiB (measured in {@code XlsxSubmissionTests} with a nation's board and findings, every
	 * text different).
	 */
	static final long TEXT_BUDGET = 256 * 1024;

	private static final String FONT = "宋体";

	/** Largest value a count or amount cell accepts: the reader's 15 integer digits. */
	private static final String MAX_VALUE = "999999999999999";

	private final XSSFWorkbook workbook = new XSSFWorkbook();

	private final Messages m;

	private final Styles styles;

	private final int maxRows;

	private final long textBudget;

	private final List<String> readOnly = new ArrayList<>();

	private SubmissionCsvWriter.Header header;

	private ReportFormat format;

	private ListSheet findings;

	public ReportWorkbook(Messages m) {
		this(m, MAX_LIST_ROWS, TEXT_BUDGET);
	}

	/** With smaller limits, in the test of the cut. */
	ReportWorkbook(Messages m, int maxRows, long textBudget) {
		this.m = m;
		this.maxRows = maxRows;
		this.textBudget = textBudget;
		this.styles = new Styles(workbook);
	}

	/** A blank template: every input cell empty, to be filled in. */
	public static byte[] template(ReportFormat format, SubmissionCsvWriter.Header header) {
		try (ReportWorkbook writer = new ReportWorkbook(Messages.of(Language.ZH))) {
			writer.submission(format, header, Map.of(), Map.of(), null);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			writer.writeTo(out);
			return out.toByteArray();
		}
	}

	/**
	 * The submission part of the published report: the unit's numbers (cell code → value) and 总体情况
	 * numbers, with {@code stageLines} (what the figures are: stage, run time, rule set, format) on the cover.
	 */
	public void report(ReportFormat format, SubmissionCsvWriter.Header header, Map<String, BigDecimal> values,
			Map<String, BigDecimal> narrative, List<String> stageLines) {
		submission(format, header, values, narrative, stageLines);
	}

	private void submission(ReportFormat format, SubmissionCsvWriter.Header header, Map<String, BigDecimal> values,
			Map<String, BigDecimal> narrative, List<String> stageLines) {
		this.format = format;
		this.header = header;
		Tables tables = new Tables(values, narrative, stageLines);
		tables.cover();
		for (TableDef table : format.tables()) {
			tables.table(table);
		}
		tables.extra();
	}

	/** A read-only sheet of text and numbers: a title, a header line, then rows (a BigDecimal is a number). */
	public void list(String sheetName, String heading, List<String> head, List<List<Object>> rows, int[] widths,
			String allIn) {
		ListSheet sheet = new ListSheet(sheetName, heading, head, widths, allIn);
		rows.forEach(sheet::add);
		sheet.finish();
	}

	/** Starts the read-only findings sheet; its rows follow one at a time ({@link #finding}). */
	public void startFindings(String sheetName, String heading, List<String> head, int[] widths, String allIn) {
		findings = new ListSheet(sheetName, heading, head, widths, allIn);
	}

	public void finding(List<Object> values) {
		if (findings != null) {
			findings.add(values);
		}
	}

	/** Puts the sheets in this order (the findings sheet is started early but shown last). */
	public void order(List<String> sheetNames) {
		for (int i = 0; i < sheetNames.size(); i++) {
			workbook.setSheetOrder(sheetNames.get(i), i);
		}
		workbook.setActiveSheet(0);
		workbook.setSelectedTab(0);
	}

	public void writeTo(OutputStream out) {
		if (findings != null) {
			findings.finish();
			findings = null;
		}
		metadata();
		try {
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			workbook.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Very hidden: a clerk cannot unhide it from the menus, and a copy of the visible cells leaves it behind. */
	private void metadata() {
		if (workbook.getSheet(WorkbookFormat.METADATA_SHEET) != null || header == null) {
			return;
		}
		XSSFSheet sheet = workbook.createSheet(WorkbookFormat.METADATA_SHEET);
		List<String[]> lines = new ArrayList<>();
		metaLines().forEach(lines::add);
		lines.add(new String[] { WorkbookFormat.VERSION_CODE, m.get("template.xlsx.meta.version"),
				"township-rollup xlsx " + WorkbookFormat.VERSION });
		for (String name : readOnly) {
			lines.add(new String[] { WorkbookFormat.READ_ONLY_CODE, m.get("workbook.meta.readonly"), name });
		}
		int r = 0;
		for (String[] line : lines) {
			Row row = sheet.createRow(r++);
			for (int c = 0; c < 3; c++) {
				row.createCell(c).setCellValue(line[c]);
			}
		}
		sheet.enableLocking();
		workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
		if (workbook.getNumberOfSheets() > 1) {
			workbook.setActiveSheet(0);
		}
	}

	private List<String[]> metaLines() {
		String[] meta = { header.unitName(), header.unitCode(), String.valueOf(header.year()), format.id() };
		List<String[]> lines = new ArrayList<>();
		int i = 0;
		for (Map.Entry<String, String> label : WorkbookFormat.META_LABELS.entrySet()) {
			lines.add(new String[] { label.getKey(), label.getValue(), meta[i++] });
		}
		return lines;
	}

	/** A read-only sheet, written a row at a time up to the limits, then one line saying where the rest are. */
	private final class ListSheet {

		private final XSSFSheet sheet;

		private final String allIn;

		private final int columns;

		private int written;

		private long total;

		private long textBytes;

		ListSheet(String name, String heading, List<String> head, int[] widths, String allIn) {
			this.sheet = workbook.createSheet(name);
			this.allIn = allIn;
			this.columns = head.size();
			readOnly.add(name);
			textCell(sheet.createRow(0), 0, heading, styles.bold);
			Row h = sheet.createRow(LIST_HEAD - 1);
			for (int c = 0; c < head.size(); c++) {
				textCell(h, c, head.get(c), styles.header);
			}
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			sheet.createFreezePane(0, LIST_HEAD);
		}

		void add(List<Object> values) {
			total++;
			if (written < 0) {
				return;
			}
			long bytes = 0;
			for (Object v : values) {
				if (v != null && !(v instanceof BigDecimal) && !(v instanceof Integer)) {
					bytes += v.toString().getBytes(StandardCharsets.UTF_8).length;
				}
			}
			if (written >= maxRows || textBytes + bytes > textBudget) {
				// the rest are counted, not written: the last line says how many and where they all are
				written = -written - 1;
				return;
			}
			textBytes += bytes;
			write(sheet.createRow(LIST_HEAD + written++), values);
		}

		void finish() {
			int shown = written < 0 ? -written - 1 : written;
			if (shown < total) {
				textCell(sheet.createRow(LIST_HEAD + shown), 0, m.get("workbook.cut", shown, total, allIn), styles.text);
			}
			int lastRow = LIST_HEAD + shown - (shown < total ? 0 : 1);
			protect(sheet);
			print(sheet, true, 0, Math.max(columns - 1, 0), Math.max(lastRow, LIST_HEAD - 1), LIST_HEAD - 1,
					LIST_HEAD - 1);
		}

		private void write(Row row, List<Object> values) {
			for (int c = 0; c < values.size(); c++) {
				Object v = values.get(c);
				if (v instanceof BigDecimal d) {
					Cell cell = row.createCell(c);
					cell.setCellValue(d.doubleValue());
					cell.setCellStyle(d.scale() > 0 ? styles.amount : styles.count);
				}
				else if (v instanceof Integer i) {
					row.createCell(c).setCellValue(i);
				}
				else if (v != null) {
					textCell(row, c, v.toString(), styles.text);
				}
			}
		}

	}

	/** The submission's sheets: the cover, the tables, the 总体情况 numbers. */
	private final class Tables {

		private final Map<String, BigDecimal> values;

		private final Map<String, BigDecimal> narrative;

		/** Null for the template: then the cover says how to fill it in, and every value cell is an input. */
		private final List<String> stageLines;

		Tables(Map<String, BigDecimal> values, Map<String, BigDecimal> narrative, List<String> stageLines) {
			this.values = values;
			this.narrative = narrative;
			this.stageLines = stageLines;
		}

		private boolean template() {
			return stageLines == null;
		}

		void cover() {
			XSSFSheet sheet = workbook.createSheet(m.get("template.xlsx.sheet.cover"));
			columns(sheet, 14, 72);
			int r = 0;
			merged(sheet, r++, m.get("template.xlsx.title"), styles.title, 2, 30);
			merged(sheet, r++, m.get("template.xlsx.format", format.title(), format.basis()), styles.caption, 2, 18);
			if (header.remark() != null) {
				merged(sheet, r++, header.remark(), styles.caption, 2, 18);
			}
			r++;
			for (String[] line : metaLines()) {
				Row row = sheet.createRow(r++);
				row.setHeightInPoints(20);
				set(row, WorkbookFormat.CODE_COLUMN, line[0], styles.code);
				set(row, WorkbookFormat.LABEL_COLUMN, line[1], styles.label);
				set(row, WorkbookFormat.FIRST_VALUE_COLUMN, line[2], styles.fixedValue);
			}
			r++;
			List<String> notes = new ArrayList<>();
			if (template()) {
				merged(sheet, r++, m.get("template.xlsx.howto.title"), styles.bold, 2, 20);
				notes.addAll(List.of(m.get("template.xlsx.howto.1"), m.get("template.xlsx.howto.2")));
				if (format.cells().stream().anyMatch(c -> c.type() == CellType.SIGNED_COUNT)) {
					notes.add(m.get("template.xlsx.howto.signed"));
				}
				format.cells()
					.stream()
					.filter(c -> c.type() == CellType.AMOUNT)
					.map(c -> c.column())
					.findFirst()
					.ifPresent(c -> notes.add(m.get("template.xlsx.howto.amount", c.unit(), c.scale())));
				notes.addAll(List.of(m.get("template.xlsx.howto.3"), m.get("template.xlsx.howto.4"),
						m.get("template.xlsx.howto.5"), m.get("template.xlsx.howto.6")));
				for (int i = 0; i < notes.size(); i++) {
					String text = (i + 1) + ". " + notes.get(i);
					merged(sheet, r++, text, styles.text, 2, heightFor(text, 86));
				}
			}
			else {
				notes.addAll(stageLines);
				notes.add(m.get("workbook.cover.note"));
				for (String text : notes) {
					merged(sheet, r++, text, styles.text, 2, heightFor(text, 86));
				}
			}
			finish(sheet, -1);
			print(sheet, false, WorkbookFormat.LABEL_COLUMN, WorkbookFormat.FIRST_VALUE_COLUMN, r - 1, -1, -1);
		}

		void table(TableDef table) {
			XSSFSheet sheet = workbook.createSheet(table.name());
			int width = OfficialLayout.valueColumns(table);
			int labelWidth = switch (table.code()) {
				case "T3" -> 40;
				case "T4" -> 22;
				default -> 24;
			};
			int valueWidth = table.code().equals("T4") ? 9 : 12;
			int[] widths = new int[1 + width];
			widths[0] = labelWidth;
			Arrays.fill(widths, 1, widths.length, valueWidth);
			columns(sheet, widths);
			int r = 0;
			String title = template() ? table.title()
					: m.get("workbook.table.title", header.unitName(), header.year(), table.title());
			merged(sheet, r++, title, styles.title, 1 + width, 26);
			merged(sheet, r++, unitLine(), styles.caption, 1 + width, heightFor(unitLine(), labelWidth + valueWidth * width));
			int freezeAt = -1;
			int headerEnd = r - 1;
			for (BlockDef block : table.blocks()) {
				if (table.code().equals("T2")) {
					merged(sheet, r++, block.title(), styles.bold, 1 + width, 20);
				}
				int depth = OfficialLayout.depth(table, block);
				int top = r;
				for (int i = 0; i < depth; i++) {
					Row row = sheet.createRow(r + i);
					row.setHeightInPoints(table.code().equals("T3") && depth > 1 ? 24 : 30);
					for (int c = WorkbookFormat.LABEL_COLUMN; c < WorkbookFormat.FIRST_VALUE_COLUMN + width; c++) {
						set(row, c, null, styles.header);
					}
				}
				sheet.getRow(top).getCell(WorkbookFormat.LABEL_COLUMN).setCellValue(OfficialLayout.corner(table, block));
				if (depth > 1) {
					sheet.addMergedRegion(new CellRangeAddress(top, top + depth - 1, WorkbookFormat.LABEL_COLUMN,
							WorkbookFormat.LABEL_COLUMN));
				}
				for (OfficialLayout.Placed cell : OfficialLayout.header(table, block)) {
					int firstColumn = WorkbookFormat.FIRST_VALUE_COLUMN + cell.firstColumn();
					int lastColumn = WorkbookFormat.FIRST_VALUE_COLUMN + cell.lastColumn();
					sheet.getRow(top + cell.firstRow()).getCell(firstColumn).setCellValue(cell.text());
					if (cell.firstRow() != cell.lastRow() || firstColumn != lastColumn) {
						sheet.addMergedRegion(
								new CellRangeAddress(top + cell.firstRow(), top + cell.lastRow(), firstColumn, lastColumn));
					}
				}
				r += depth;
				if (freezeAt < 0 && !table.code().equals("T2")) {
					freezeAt = r;
					headerEnd = r - 1;
				}
				List<Integer> levels = OfficialLayout.levels(table, block);
				List<BlockDef.Line> lines = block.lines();
				for (int l = 0; l < lines.size(); l++) {
					BlockDef.Line line = lines.get(l);
					Row row = sheet.createRow(r);
					if (line.isCaption()) {
						set(row, WorkbookFormat.LABEL_COLUMN, line.caption(), styles.captions[levels.get(l)]);
						for (int c = 0; c < width; c++) {
							set(row, WorkbookFormat.FIRST_VALUE_COLUMN + c, null, styles.filler);
						}
						row.setHeightInPoints(heightFor(line.caption(), labelWidth));
						r++;
						continue;
					}
					RowDef def = line.row();
					set(row, WorkbookFormat.CODE_COLUMN, def.code(), styles.code);
					set(row, WorkbookFormat.LABEL_COLUMN, def.label(), styles.labels[levels.get(l)]);
					row.setHeightInPoints(heightFor(def.label(), labelWidth));
					for (int c = 0; c < width; c++) {
						if (c >= def.columns().size()) {
							set(row, WorkbookFormat.FIRST_VALUE_COLUMN + c, null, styles.filler);
							continue;
						}
						ColumnDef column = def.columns().get(c);
						valueCell(sheet, row, WorkbookFormat.FIRST_VALUE_COLUMN + c, column, values.get(def.cellCode(column)));
					}
					r++;
				}
			}
			finish(sheet, freezeAt);
			// 表三's labels and its seven columns on one page width, across A4; its header on every page
			print(sheet, !table.code().equals("T2"), WorkbookFormat.LABEL_COLUMN, WorkbookFormat.FIRST_VALUE_COLUMN + width - 1,
					r - 1, 0, headerEnd);
		}

		/** An input cell of the template, with its validation; a locked number of the report. */
		private void valueCell(XSSFSheet sheet, Row row, int c, ColumnDef column, BigDecimal value) {
			Cell cell = set(row, c, null, template() ? styles.input : column.type() == CellType.AMOUNT ? styles.amount
					: styles.count);
			if (value != null) {
				cell.setCellValue(value.doubleValue());
			}
			if (template()) {
				validate(sheet, row.getRowNum(), c, column);
			}
		}

		void extra() {
			XSSFSheet sheet = workbook.createSheet(m.get("template.xlsx.sheet.extra"));
			columns(sheet, 30, 70);
			int r = 0;
			merged(sheet, r++, unitLine(), styles.caption, 2, 18);
			r++;
			List<NarrativeMetric> metrics = format.narrativeMetrics()
				.stream()
				.filter(metric -> template() || narrative.containsKey(metric.code()))
				.toList();
			if (!metrics.isEmpty()) {
				merged(sheet, r++, m.get("template.xlsx.narrative.caption"), styles.bold, 2, 20);
				for (NarrativeMetric metric : metrics) {
					Row row = sheet.createRow(r);
					row.setHeightInPoints(18);
					set(row, WorkbookFormat.CODE_COLUMN, metric.code(), styles.code);
					set(row, WorkbookFormat.LABEL_COLUMN, metric.label(), styles.label);
					Cell cell = set(row, WorkbookFormat.FIRST_VALUE_COLUMN, null, template() ? styles.input : styles.count);
					BigDecimal value = narrative.get(metric.code());
					if (value != null) {
						cell.setCellValue(value.doubleValue());
					}
					if (template()) {
						addValidation(sheet,
								sheet.getDataValidationHelper().createIntegerConstraint(OperatorType.BETWEEN, "0", MAX_VALUE),
								range(r, r, WorkbookFormat.FIRST_VALUE_COLUMN), metric.label(),
								m.get("template.xlsx.narrative.prompt"), m.get("template.xlsx.error.count"));
					}
					r++;
				}
				r++;
			}
			if (template()) {
				merged(sheet, r++, m.get("template.xlsx.note.caption"), styles.text, 2,
						heightFor(m.get("template.xlsx.note.caption"), 100));
				Row head = sheet.createRow(r++);
				head.setHeightInPoints(20);
				set(head, WorkbookFormat.LABEL_COLUMN, m.get("template.xlsx.note.rule"), styles.header);
				set(head, WorkbookFormat.FIRST_VALUE_COLUMN, m.get("template.xlsx.note.text"), styles.header);
				int firstNote = r;
				for (int i = 0; i < 10; i++) {
					Row row = sheet.createRow(r++);
					row.setHeightInPoints(30);
					set(row, WorkbookFormat.CODE_COLUMN, "NOTE", styles.code);
					set(row, WorkbookFormat.LABEL_COLUMN, null, styles.textInput);
					set(row, WorkbookFormat.FIRST_VALUE_COLUMN, null, styles.textInput);
				}
				DataValidationHelper helper = sheet.getDataValidationHelper();
				addValidation(sheet, helper.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, "40", null),
						range(firstNote, r - 1, WorkbookFormat.LABEL_COLUMN), m.get("template.xlsx.note.rule"),
						m.get("template.xlsx.note.promptRule"), null);
				addValidation(sheet, helper.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, "1000", null),
						range(firstNote, r - 1, WorkbookFormat.FIRST_VALUE_COLUMN), m.get("template.xlsx.note.text"),
						m.get("template.xlsx.note.promptText"), null);
			}
			finish(sheet, -1);
			print(sheet, false, WorkbookFormat.LABEL_COLUMN, WorkbookFormat.FIRST_VALUE_COLUMN, Math.max(r - 1, 0), -1, -1);
		}

		private String unitLine() {
			return m.get("template.xlsx.unit", header.unitName(), header.unitCode(), header.year(), format.id());
		}

		/** One validation per input cell: its type's rule, the column as the title of its input message. */
		private void validate(XSSFSheet sheet, int row, int column, ColumnDef def) {
			DataValidationHelper helper = sheet.getDataValidationHelper();
			CellRangeAddressList cell = range(row, row, column);
			switch (def.type()) {
				case COUNT -> addValidation(sheet, helper.createIntegerConstraint(OperatorType.BETWEEN, "0", MAX_VALUE),
						cell, def.displayLabel(), m.get("template.xlsx.prompt.count"), m.get("template.xlsx.error.count"));
				case SIGNED_COUNT -> addValidation(sheet,
						helper.createIntegerConstraint(OperatorType.BETWEEN, "-" + MAX_VALUE, MAX_VALUE), cell,
						def.displayLabel(), m.get("template.xlsx.prompt.signed"), m.get("template.xlsx.error.signed"));
				case AMOUNT -> {
					// Excel has no "at most 4 decimals" rule: a formula relative to the cell says it
					String ref = new CellReference(row, column).formatAsString();
					String formula = "AND(ISNUMBER(" + ref + ")," + ref + ">=0," + ref + "<=" + MAX_VALUE + ",ROUND("
							+ ref + "," + def.scale() + ")=" + ref + ")";
					addValidation(sheet, helper.createCustomConstraint(formula), cell, def.displayLabel(),
							m.get("template.xlsx.prompt.amount", def.unit(), def.scale()),
							m.get("template.xlsx.error.amount", def.unit(), def.scale()));
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
				validation.createErrorBox(m.get("template.xlsx.error.title"), cut(errorText, 255));
			}
			sheet.addValidationData(validation);
		}

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
		for (int c = WorkbookFormat.LABEL_COLUMN; c < WorkbookFormat.LABEL_COLUMN + columns; c++) {
			set(row, c, c == WorkbookFormat.LABEL_COLUMN ? text : null, style);
		}
		if (columns > 1) {
			sheet.addMergedRegion(
					new CellRangeAddress(r, r, WorkbookFormat.LABEL_COLUMN, WorkbookFormat.LABEL_COLUMN + columns - 1));
		}
	}

	/** A text cell is set as a string, so that Excel shows it and never evaluates it. */
	private static Cell set(Row row, int column, String text, CellStyle style) {
		Cell cell = row.createCell(column);
		if (text != null) {
			cell.setCellValue(text);
		}
		cell.setCellStyle(style);
		return cell;
	}

	private static void textCell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column, org.apache.poi.ss.usermodel.CellType.STRING);
		cell.setCellValue(value == null ? "" : value);
		cell.setCellStyle(style);
	}

	/** Column A hidden; the others in characters (a CJK character takes two). */
	private static void columns(XSSFSheet sheet, int... widths) {
		sheet.setColumnWidth(WorkbookFormat.CODE_COLUMN, 12 * 256);
		sheet.setColumnHidden(WorkbookFormat.CODE_COLUMN, true);
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(WorkbookFormat.LABEL_COLUMN + i, widths[i] * 256);
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
	private static void protect(XSSFSheet sheet) {
		sheet.enableLocking();
		sheet.lockSelectLockedCells(false);
		sheet.lockSelectUnlockedCells(false);
		sheet.lockFormatColumns(false);
		sheet.lockFormatRows(false);
		sheet.setDisplayGridlines(false);
	}

	private static void finish(XSSFSheet sheet, int freezeRow) {
		protect(sheet);
		if (freezeRow > 0) {
			sheet.createFreezePane(WorkbookFormat.FIRST_VALUE_COLUMN, freezeRow);
		}
	}

	/**
	 * What printing gives: the sheet's cells from {@code firstColumn} (the hidden code column left out) to
	 * {@code lastColumn} and its last row, on A4, every column on one page width (labels and numbers on the
	 * same page), as many pages down as needed, rows {@code repeatFirst}–{@code repeatLast} (the titles and
	 * the header) at the top of every page (none when negative).
	 */
	private void print(XSSFSheet sheet, boolean landscape, int firstColumn, int lastColumn, int lastRow, int repeatFirst,
			int repeatLast) {
		workbook.setPrintArea(workbook.getSheetIndex(sheet), firstColumn, lastColumn, 0, lastRow);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		PrintSetup setup = sheet.getPrintSetup();
		setup.setFitWidth((short) 1);
		setup.setFitHeight((short) 0);
		setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
		setup.setLandscape(landscape);
		sheet.setHorizontallyCenter(true);
		if (repeatFirst >= 0) {
			sheet.setRepeatingRows(new CellRangeAddress(repeatFirst, repeatLast, -1, -1));
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

		final CellStyle count;

		final CellStyle amount;

		Styles(XSSFWorkbook workbook) {
			Font normal = font(workbook, false, 11);
			Font strong = font(workbook, true, 11);
			title = workbook.createCellStyle();
			title.setFont(font(workbook, true, 16));
			title.setAlignment(HorizontalAlignment.CENTER);
			title.setVerticalAlignment(VerticalAlignment.CENTER);
			title.setWrapText(true);
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
			count = bordered(workbook, normal);
			count.setAlignment(HorizontalAlignment.RIGHT);
			count.setDataFormat(workbook.createDataFormat().getFormat("0"));
			amount = bordered(workbook, normal);
			amount.setAlignment(HorizontalAlignment.RIGHT);
			amount.setDataFormat(workbook.createDataFormat().getFormat("0.0000"));
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
