package township.rollup.reportformat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tables 2, 3 and 4 as the published 年报 draws them: the one definition of their headers, merges and
 * column paths, used by the HTML pages (the {@link Grid}) and by the workbook, template and published
 * report alike ({@link #header}, {@link #depth}). As a grid of merged cells: the header rows with their merged group captions (申请人情况 over 自然人 and
 * 法人或其他组织, 总计 beside them; 行政复议, and 行政诉讼 over 未经复议直接起诉 and 复议后起诉), Table 3's nested
 * row captions (三、本年度办理结果 over （三）不予公开 over its eight rows), and Table 2's blocks, each with its
 * title and its own header line. Every value cell names the header cells it sits under, so that a reader
 * (a screen reader, a test) finds a number by its labels.
 */
public final class OfficialLayout {

	/** The caption Table 3 draws over the applicant columns (all but 总计); it is not a column group of its own. */
	static final String APPLICANTS = "申请人情况";

	/** Table 2's header of the row labels. */
	static final String T2_CONTENT = "信息内容";

	private static final Pattern TOP_ROW = Pattern.compile("^[一二三四五六七八九十]+、.*");

	private static final Pattern SUB_ROW = Pattern.compile("^（.*");

	private OfficialLayout() {
	}

	/** What a grid cell is. */
	public enum Kind {

		/** Table 3's corner (the identity note) and Table 2's 信息内容 header. */
		CORNER,
		/** A merged caption over several columns. */
		GROUP,
		/** A column's own label. */
		COLUMN,
		/** Table 2's block title, across the whole table. */
		BLOCK,
		/** A row label, or a caption over several rows. */
		ROW,
		/** A number. */
		VALUE

	}

	/**
	 * One cell of the grid, with its spans. {@code id} is set on header and row cells; {@code headers} on value
	 * cells lists the ids of every header and row cell above and beside it. {@code code}, {@code value} and
	 * {@code type} are set on value cells ({@code value} null where the report has no number).
	 */
	public record Cell(Kind kind, String text, int rowspan, int colspan, String id, List<String> headers, String code,
			BigDecimal value, CellType type, int scale) {

		static Cell header(Kind kind, String text, int rowspan, int colspan, String id) {
			return new Cell(kind, text, rowspan, colspan, id, List.of(), null, null, null, 0);
		}

		public boolean isHeader() {
			return kind != Kind.VALUE;
		}

		/** The value as the report prints it: a whole number, or an amount with its scale's decimals. */
		public String display() {
			return OfficialLayout.display(value, type, scale);
		}

		public boolean isAmount() {
			return type == CellType.AMOUNT;
		}

		/** The span attributes as a page writes them: absent (null) when 1. */
		public Integer rowspanAttr() {
			return rowspan > 1 ? rowspan : null;
		}

		public Integer colspanAttr() {
			return colspan > 1 ? colspan : null;
		}

		/** The {@code headers} attribute of a value cell: the ids of its header cells. */
		public String headersAttr() {
			return String.join(" ", headers);
		}

		/** The CSS class of the cell: its kind for a header, {@code num} (and {@code amount}) for a value. */
		public String css() {
			return kind == Kind.VALUE ? (isAmount() ? "num amount" : "num") : kind.name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** A row of the grid: header rows come first ({@code head}), then the body. */
	public record Row(List<Cell> cells, boolean head) {

		/** The header and label cells of the row; in every row they come before its values. */
		public List<Cell> labels() {
			return cells.stream().filter(Cell::isHeader).toList();
		}

		public List<Cell> values() {
			return cells.stream().filter(c -> !c.isHeader()).toList();
		}

	}

	/** A table as a grid {@code width} columns wide. */
	public record Grid(String tableCode, String name, String title, int width, List<Row> rows) {

		public List<Row> head() {
			return rows.stream().filter(Row::head).toList();
		}

		public List<Row> body() {
			return rows.stream().filter(r -> !r.head()).toList();
		}

	}

	/**
	 * A header cell placed over a block's value columns: header rows and value columns counted from 0, first
	 * and last inclusive (merged when it covers more than one cell).
	 */
	public record Placed(Kind kind, String text, int firstRow, int lastRow, int firstColumn, int lastColumn) {
	}

	/** The value columns of a table: the widest of its blocks. */
	public static int valueColumns(TableDef table) {
		return table.blocks().stream().mapToInt(b -> b.columns().size()).max().orElse(1);
	}

	/** How many header rows a block's columns have. */
	public static int depth(TableDef table, BlockDef block) {
		if (table.code().equals("T2")) {
			return 1;
		}
		return columnPaths(table, block.columns()).stream().mapToInt(List::size).max().orElse(1);
	}

	/**
	 * The header cells over a block's value columns, exactly as the page's grid draws them: merged group
	 * captions, the column labels reaching down to the last header row, a narrow Table 2 block's last column
	 * spanning the rest of the table.
	 */
	public static List<Placed> header(TableDef table, BlockDef block) {
		List<ColumnDef> columns = block.columns();
		List<Placed> placed = new ArrayList<>();
		if (table.code().equals("T2")) {
			int valueColumns = valueColumns(table);
			for (int i = 0; i < columns.size(); i++) {
				placed.add(new Placed(Kind.COLUMN, columnLabel(columns.get(i)), 0, 0, i,
						i + t2Span(i, columns.size(), valueColumns) - 1));
			}
			return placed;
		}
		List<List<String>> paths = columnPaths(table, columns);
		headerRows(table.code(), paths, depth(table, block), new ArrayList<>(), placed);
		return placed;
	}

	/** The caption of a block's row labels, in the header's corner: 信息内容, Table 3's note, none for Table 4. */
	public static String corner(TableDef table, BlockDef block) {
		return switch (table.code()) {
			case "T2" -> T2_CONTENT;
			case "T4" -> "";
			default -> block.title();
		};
	}

	/**
	 * The depth of each of a block's lines (captions and rows, in order) in the nesting of Table 3's row
	 * captions, which the page draws as merged cells and a workbook's single label column as indentation.
	 */
	public static List<Integer> levels(TableDef table, BlockDef block) {
		if (!table.code().equals("T3")) {
			return block.lines().stream().map(l -> 0).toList();
		}
		return Nesting.of(block).lineLevels();
	}

	/** A number as the report prints it; {@code ""} where there is none. */
	public static String display(BigDecimal value, CellType type, int scale) {
		if (value == null) {
			return "";
		}
		if (type == CellType.AMOUNT) {
			return value.setScale(Math.max(scale, 0), RoundingMode.UNNECESSARY).toPlainString();
		}
		if (value.scale() == 0) {
			// a whole number as stored (most of a report's): already plain, and a small one is one text for
			// every page (a nation's pages print some 24 million numbers, most of them 0)
			return value.signum() >= 0 && value.precision() <= 3 ? SMALL[value.intValue()] : value.toPlainString();
		}
		BigDecimal plain = value.stripTrailingZeros();
		return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
	}

	/** The texts of the whole numbers 0 to 999, made once. */
	private static final String[] SMALL = java.util.stream.IntStream.range(0, 1000)
		.mapToObj(Integer::toString)
		.toArray(String[]::new);

	/** The three tables of a format with these numbers (cell code → value). */
	public static List<Grid> grids(ReportFormat format, Map<String, BigDecimal> values) {
		List<Grid> grids = new ArrayList<>();
		for (TableDef table : format.tables()) {
			grids.add(switch (table.code()) {
				case "T2" -> table2(table, values);
				case "T4" -> table4(table, values);
				default -> table3(table, values);
			});
		}
		return grids;
	}

	/** A column's header label, with its unit where the official label does not say it. */
	static String columnLabel(ColumnDef column) {
		if (column.unit() != null && !column.unit().isEmpty() && !column.label().contains(column.unit())) {
			return column.label() + "（" + column.unit() + "）";
		}
		return column.label();
	}

	private static Grid table2(TableDef table, Map<String, BigDecimal> values) {
		int valueColumns = table.blocks().stream().mapToInt(b -> b.columns().size()).max().orElse(1);
		int width = 1 + valueColumns;
		List<Row> rows = new ArrayList<>();
		int blockNo = 0;
		for (BlockDef block : table.blocks()) {
			blockNo++;
			String prefix = table.code() + "-b" + blockNo;
			String blockId = prefix;
			rows.add(new Row(List.of(Cell.header(Kind.BLOCK, block.title(), 1, width, blockId)), false));
			List<Cell> header = new ArrayList<>();
			String contentId = prefix + "-h0";
			header.add(Cell.header(Kind.CORNER, T2_CONTENT, 1, 1, contentId));
			List<ColumnDef> columns = block.columns();
			for (int i = 0; i < columns.size(); i++) {
				int span = t2Span(i, columns.size(), valueColumns);
				header.add(Cell.header(Kind.COLUMN, columnLabel(columns.get(i)), 1, span, prefix + "-h" + (i + 1)));
			}
			rows.add(new Row(header, false));
			int rowNo = 0;
			for (BlockDef.Line line : block.lines()) {
				if (line.isCaption()) {
					continue;
				}
				RowDef row = line.row();
				rowNo++;
				String rowId = prefix + "-r" + rowNo;
				List<Cell> cells = new ArrayList<>();
				cells.add(Cell.header(Kind.ROW, row.label(), 1, 1, rowId));
				for (int i = 0; i < columns.size(); i++) {
					int span = t2Span(i, columns.size(), valueColumns);
					ColumnDef column = columns.get(i);
					cells.add(value(row, column, values, 1, span,
							List.of(blockId, contentId, prefix + "-h" + (i + 1), rowId)));
				}
				rows.add(new Row(cells, false));
			}
		}
		return new Grid(table.code(), table.name(), table.title(), width, rows);
	}

	/**
	 * A Table 2 block narrower than the table: its last column's header and cells span the rest (2021's
	 * 本年处理决定数量 over three columns, as the official table draws it).
	 */
	private static int t2Span(int column, int columns, int valueColumns) {
		return column == columns - 1 ? valueColumns - columns + 1 : 1;
	}

	private static Cell value(RowDef row, ColumnDef column, Map<String, BigDecimal> values, int rowspan, int colspan,
			List<String> headers) {
		String code = row.cellCode(column);
		return new Cell(Kind.VALUE, null, rowspan, colspan, null, headers, code, values.get(code), column.type(),
				column.scale());
	}

	/** Column header paths: Table 3's applicant columns under 申请人情况; groups split at {@code ·}. */
	private static List<List<String>> columnPaths(TableDef table, List<ColumnDef> columns) {
		List<List<String>> paths = new ArrayList<>();
		for (ColumnDef column : columns) {
			List<String> path = new ArrayList<>();
			if (table.code().equals("T3") && !column.code().equals("tot")) {
				path.add(APPLICANTS);
			}
			if (!column.group().isEmpty()) {
				path.addAll(Arrays.asList(column.group().split("·")));
			}
			path.add(columnLabel(column));
			paths.add(path);
		}
		return paths;
	}

	/**
	 * Header rows from column paths: a caption shared by neighbouring columns is merged across them; a
	 * column whose path is shorter than the deepest reaches down to the last header row. Returns the rows,
	 * and fills {@code columnHeaders} with the ids over each column.
	 */
	private static List<List<Cell>> headerRows(String prefix, List<List<String>> paths, int depth,
			List<List<String>> columnHeaders) {
		return headerRows(prefix, paths, depth, columnHeaders, new ArrayList<>());
	}

	private static List<List<Cell>> headerRows(String prefix, List<List<String>> paths, int depth,
			List<List<String>> columnHeaders, List<Placed> placed) {
		List<List<Cell>> rows = new ArrayList<>();
		for (int i = 0; i < depth; i++) {
			rows.add(new ArrayList<>());
		}
		paths.forEach(p -> columnHeaders.add(new ArrayList<>()));
		int counter = 0;
		for (int level = 0; level < depth; level++) {
			int c = 0;
			while (c < paths.size()) {
				List<String> path = paths.get(c);
				if (level >= path.size()) {
					c++;
					continue;
				}
				boolean last = level == path.size() - 1;
				int end = c + 1;
				if (!last) {
					while (end < paths.size() && paths.get(end).size() > level + 1
							&& paths.get(end).subList(0, level + 1).equals(path.subList(0, level + 1))) {
						end++;
					}
				}
				String id = prefix + "-c" + (++counter);
				Kind kind = last ? Kind.COLUMN : Kind.GROUP;
				int rowspan = last ? depth - level : 1;
				rows.get(level).add(Cell.header(kind, path.get(level), rowspan, end - c, id));
				placed.add(new Placed(kind, path.get(level), level, level + rowspan - 1, c, end - 1));
				for (int k = c; k < end; k++) {
					columnHeaders.get(k).add(id);
				}
				c = end;
			}
		}
		return rows;
	}

	/**
	 * The nesting of a block's lines: for each data row, its path of captions down to its label (一、… alone;
	 * （一）… under the 三、 caption; 1.… under the （三） caption too); for every line, caption or row, its
	 * depth in that nesting (0 at the margin).
	 */
	private record Nesting(List<RowDef> rows, List<List<String>> paths, List<Integer> lineLevels) {

		static Nesting of(BlockDef block) {
			List<RowDef> dataRows = new ArrayList<>();
			List<List<String>> rowPaths = new ArrayList<>();
			List<Integer> levels = new ArrayList<>();
			String top = null;
			String sub = null;
			for (BlockDef.Line line : block.lines()) {
				if (line.isCaption()) {
					if (TOP_ROW.matcher(line.caption()).matches()) {
						top = line.caption();
						sub = null;
						levels.add(0);
					}
					else {
						sub = line.caption();
						levels.add(top == null ? 0 : 1);
					}
					continue;
				}
				String label = line.row().label();
				List<String> path = new ArrayList<>();
				if (TOP_ROW.matcher(label).matches()) {
					top = null;
					sub = null;
				}
				else if (SUB_ROW.matcher(label).matches()) {
					sub = null;
					if (top != null) {
						path.add(top);
					}
				}
				else {
					if (top != null) {
						path.add(top);
					}
					if (sub != null) {
						path.add(sub);
					}
				}
				path.add(label);
				dataRows.add(line.row());
				rowPaths.add(path);
				levels.add(path.size() - 1);
			}
			return new Nesting(dataRows, rowPaths, levels);
		}

	}

	private static Grid table3(TableDef table, Map<String, BigDecimal> values) {
		BlockDef block = table.blocks().get(0);
		List<ColumnDef> columns = block.columns();
		List<List<String>> paths = columnPaths(table, columns);
		int depth = paths.stream().mapToInt(List::size).max().orElse(1);
		Nesting nesting = Nesting.of(block);
		List<RowDef> dataRows = nesting.rows();
		List<List<String>> rowPaths = nesting.paths();
		int labelColumns = rowPaths.stream().mapToInt(List::size).max().orElse(1);
		String prefix = table.code();
		List<List<String>> columnHeaders = new ArrayList<>();
		List<List<Cell>> head = headerRows(prefix, paths, depth, columnHeaders);
		String cornerId = prefix + "-corner";
		head.get(0).add(0, Cell.header(Kind.CORNER, block.title(), depth, labelColumns, cornerId));
		List<Row> rows = new ArrayList<>();
		head.forEach(r -> rows.add(new Row(r, true)));
		String[] levelIds = new String[labelColumns];
		int counter = 0;
		for (int r = 0; r < dataRows.size(); r++) {
			List<String> path = rowPaths.get(r);
			List<Cell> cells = new ArrayList<>();
			List<String> rowHeaders = new ArrayList<>();
			for (int level = 0; level < path.size(); level++) {
				boolean last = level == path.size() - 1;
				if (!last && r > 0 && prefixEquals(rowPaths.get(r - 1), path, level)) {
					// under the caption the row before opened: merged into it
					rowHeaders.add(levelIds[level]);
					continue;
				}
				String id = prefix + "-r" + (++counter);
				int rowspan = 1;
				if (!last) {
					while (r + rowspan < dataRows.size() && prefixEquals(rowPaths.get(r + rowspan), path, level)) {
						rowspan++;
					}
					levelIds[level] = id;
				}
				cells.add(Cell.header(Kind.ROW, path.get(level), rowspan, last ? labelColumns - level : 1, id));
				rowHeaders.add(id);
			}
			RowDef row = dataRows.get(r);
			for (int i = 0; i < columns.size(); i++) {
				List<String> headers = new ArrayList<>(columnHeaders.get(i));
				headers.addAll(rowHeaders);
				cells.add(value(row, columns.get(i), values, 1, 1, headers));
			}
			rows.add(new Row(cells, false));
		}
		return new Grid(table.code(), table.name(), table.title(), labelColumns + columns.size(), rows);
	}

	private static boolean prefixEquals(List<String> previous, List<String> path, int level) {
		return previous.size() > level + 1 && previous.subList(0, level + 1).equals(path.subList(0, level + 1));
	}

	/** Table 4 is one line of fifteen numbers under three header rows, as published: no row label. */
	private static Grid table4(TableDef table, Map<String, BigDecimal> values) {
		BlockDef block = table.blocks().get(0);
		List<ColumnDef> columns = block.columns();
		List<List<String>> paths = columnPaths(table, columns);
		int depth = paths.stream().mapToInt(List::size).max().orElse(1);
		List<List<String>> columnHeaders = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		headerRows(table.code(), paths, depth, columnHeaders).forEach(r -> rows.add(new Row(r, true)));
		for (BlockDef.Line line : block.lines()) {
			if (line.isCaption()) {
				continue;
			}
			List<Cell> cells = new ArrayList<>();
			for (int i = 0; i < columns.size(); i++) {
				cells.add(value(line.row(), columns.get(i), values, 1, 1, columnHeaders.get(i)));
			}
			rows.add(new Row(cells, false));
		}
		return new Grid(table.code(), table.name(), table.title(), columns.size(), rows);
	}

}
