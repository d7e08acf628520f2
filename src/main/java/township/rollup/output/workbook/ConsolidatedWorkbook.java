package township.rollup.output.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import township.rollup.i18n.Messages;
import township.rollup.reportformat.OfficialLayout;

/**
 * The consolidated report as the workbook a city forwards upward: one sheet per table in the official
 * layout (merged headers, numbers as numbers, amounts with 4 decimals), the 总体情况 figures, the status
 * board and the findings. Streamed (SXSSF: a window of rows in memory), so a nation's findings fit. Every
 * text is written as a text cell: a name or explanation of {@code =HYPERLINK(…)} stays text, never a
 * formula, because nothing here ever sets a formula.
 */
public final class ConsolidatedWorkbook implements AutoCloseable {

	/**
	 * The rows a sheet holds (Excel's limit is 1,048,576): beyond, a last row says where the rest is
	 * (findings.csv, which has every finding). A nation whose every file carries dozens of findings has
	 * more than a sheet holds.
	 */
	static final int MAX_ROWS = 1_000_000;

	/** {@link #MAX_ROWS}, smaller in the test of the cut. */
	private final int maxRows;

	private final SXSSFWorkbook workbook = streamed();

	private final Messages m;

	private final CellStyle title;

	private final CellStyle header;

	private final CellStyle label;

	private final CellStyle count;

	private final CellStyle amount;

	private final CellStyle text;

	private SXSSFSheet findings;

	private int findingsRow;

	private boolean findingsCut;

	private static SXSSFWorkbook streamed() {
		PrivateTempFiles.use();
		return new SXSSFWorkbook(200);
	}

	public ConsolidatedWorkbook(Messages m) {
		this(m, MAX_ROWS);
	}

	ConsolidatedWorkbook(Messages m, int maxRows) {
		this.m = m;
		this.maxRows = maxRows;
		Font bold = workbook.createFont();
		bold.setBold(true);
		Font big = workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 13);
		this.title = workbook.createCellStyle();
		this.title.setFont(big);
		this.header = bordered();
		this.header.setFont(bold);
		this.header.setAlignment(HorizontalAlignment.CENTER);
		this.header.setVerticalAlignment(VerticalAlignment.CENTER);
		this.header.setWrapText(true);
		this.label = bordered();
		this.label.setWrapText(true);
		this.label.setVerticalAlignment(VerticalAlignment.CENTER);
		this.count = bordered();
		this.count.setDataFormat(workbook.createDataFormat().getFormat("0"));
		this.amount = bordered();
		this.amount.setDataFormat(workbook.createDataFormat().getFormat("0.0000"));
		this.text = workbook.createCellStyle();
		this.text.setVerticalAlignment(VerticalAlignment.TOP);
	}

	private CellStyle bordered() {
		CellStyle style = workbook.createCellStyle();
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}

	/** A table's sheet: the title lines, then the grid with its merged cells. */
	public void table(String sheetName, List<String> titleLines, OfficialLayout.Grid grid) {
		SXSSFSheet sheet = workbook.createSheet(sheetName);
		int r = 0;
		for (String line : titleLines) {
			textCell(sheet.createRow(r++), 0, line, title);
		}
		r++;
		int first = r;
		int rows = grid.rows().size();
		boolean[][] taken = new boolean[rows][grid.width()];
		// a streamed sheet takes its rows in order: all of the grid's first, then their cells
		Row[] sheetRows = new Row[rows];
		for (int i = 0; i < rows; i++) {
			sheetRows[i] = sheet.createRow(first + i);
		}
		for (int i = 0; i < rows; i++) {
			Row row = sheetRows[i];
			int c = 0;
			for (OfficialLayout.Cell cell : grid.rows().get(i).cells()) {
				while (c < grid.width() && taken[i][c]) {
					c++;
				}
				for (int dr = 0; dr < cell.rowspan(); dr++) {
					for (int dc = 0; dc < cell.colspan(); dc++) {
						taken[i + dr][c + dc] = true;
					}
				}
				CellStyle style = cell.isHeader() ? (cell.kind() == OfficialLayout.Kind.ROW ? label : header)
						: cell.isAmount() ? amount : count;
				if (cell.isHeader()) {
					textCell(row, c, cell.text(), style);
				}
				else if (cell.value() != null) {
					Cell out = row.createCell(c);
					out.setCellValue(cell.value().doubleValue());
					out.setCellStyle(style);
				}
				else {
					row.createCell(c).setCellStyle(style);
				}
				// merged cells keep their borders only if every cell of the range has the style
				for (int dr = 0; dr < cell.rowspan(); dr++) {
					Row target = sheetRows[i + dr];
					for (int dc = 0; dc < cell.colspan(); dc++) {
						if (dr > 0 || dc > 0) {
							target.createCell(c + dc).setCellStyle(style);
						}
					}
				}
				if (cell.rowspan() > 1 || cell.colspan() > 1) {
					sheet.addMergedRegion(new CellRangeAddress(first + i, first + i + cell.rowspan() - 1, c,
							c + cell.colspan() - 1));
				}
				c += cell.colspan();
			}
		}
		int labelColumns = grid.tableCode().equals("T4") ? 0 : grid.tableCode().equals("T3") ? 3 : 1;
		for (int c = 0; c < grid.width(); c++) {
			sheet.setColumnWidth(c, (c < labelColumns ? (grid.tableCode().equals("T3") ? 16 : 28) : 12) * 256);
		}
		if (grid.tableCode().equals("T3")) {
			sheet.setColumnWidth(2, 40 * 256);
		}
	}

	/** A sheet of text and numbers: a title, a header line, then rows (a BigDecimal is a number cell). */
	public void list(String sheetName, String heading, List<String> head, List<List<Object>> rows, int[] widths) {
		SXSSFSheet sheet = workbook.createSheet(sheetName);
		textCell(sheet.createRow(0), 0, heading, title);
		Row h = sheet.createRow(2);
		for (int c = 0; c < head.size(); c++) {
			textCell(h, c, head.get(c), header);
		}
		int r = 3;
		for (List<Object> values : rows) {
			if (r - 3 >= maxRows) {
				textCell(sheet.createRow(r), 0, m.get("workbook.rows_cut", maxRows), text);
				break;
			}
			write(sheet.createRow(r++), values);
		}
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		sheet.createFreezePane(0, 3);
	}

	/** Starts the findings sheet; its rows follow one at a time ({@link #finding}). */
	public void startFindings(String sheetName, String heading, List<String> head, int[] widths) {
		findings = workbook.createSheet(sheetName);
		textCell(findings.createRow(0), 0, heading, title);
		Row h = findings.createRow(2);
		for (int c = 0; c < head.size(); c++) {
			textCell(h, c, head.get(c), header);
		}
		for (int c = 0; c < widths.length; c++) {
			findings.setColumnWidth(c, widths[c] * 256);
		}
		findings.createFreezePane(0, 3);
		findingsRow = 3;
	}

	public void finding(List<Object> values) {
		if (findings == null || findingsCut) {
			return;
		}
		if (findingsRow - 3 >= maxRows) {
			textCell(findings.createRow(findingsRow), 0, m.get("workbook.rows_cut", maxRows), text);
			findingsCut = true;
			return;
		}
		write(findings.createRow(findingsRow++), values);
	}

	private void write(Row row, List<Object> values) {
		for (int c = 0; c < values.size(); c++) {
			Object v = values.get(c);
			if (v instanceof BigDecimal d) {
				Cell cell = row.createCell(c);
				cell.setCellValue(d.doubleValue());
				cell.setCellStyle(d.scale() > 0 ? amount : count);
			}
			else if (v instanceof Integer i) {
				Cell cell = row.createCell(c);
				cell.setCellValue(i);
			}
			else if (v != null) {
				textCell(row, c, v.toString(), text);
			}
		}
	}

	/** A text cell: set as a string, so that Excel shows it and never evaluates it. */
	private static void textCell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column, org.apache.poi.ss.usermodel.CellType.STRING);
		cell.setCellValue(value == null ? "" : value);
		cell.setCellStyle(style);
	}

	/** Moves a sheet to a position (the findings sheet is started early but shown last). */
	public void order(List<String> sheetNames) {
		for (int i = 0; i < sheetNames.size(); i++) {
			workbook.setSheetOrder(sheetNames.get(i), i);
		}
		workbook.setActiveSheet(0);
		workbook.setSelectedTab(0);
	}

	public void writeTo(OutputStream out) {
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
		workbook.dispose();
	}

}
