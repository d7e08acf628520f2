package township.rollup.output.html;

import java.util.List;

import township.rollup.reportformat.OfficialLayout;
import township.rollup.reportformat.ReportFormat;

/**
 * What the templates show, as values made from the database before rendering: every text is plain text
 * (the template escapes it), every number already in the form the page prints.
 */
public final class Views {

	private Views() {
	}

	/**
	 * Whether the figures are final. {@code stage} is FINAL, PROVISIONAL or NIGHTLY; {@code runTime} is when
	 * the roll-up ran; {@code ruleSet} the short fingerprint of the rule catalogue; {@code basis} the short
	 * digest of the accepted files summed.
	 */
	public record Banner(String stage, String stageText, String runTime, String ruleSet, String basis,
			String inbox, String counts) {

		public boolean isFinal() {
			return "FINAL".equals(stage);
		}

	}

	/** A 总体情况 figure: the sum of the units that stated it, and how many did. */
	public record NarrativeLine(String code, String label, String value, String contributors) {
	}

	/**
	 * One unit's line on a board. {@code css} is the class of its state (rejected, missing, open, explained,
	 * accepted, level); {@code action} says what has to happen, empty when nothing.
	 */
	public record BoardLine(String code, String name, String kind, String state, String css, String version,
			String received, String encoding, String file, String errors, String warnings, String openWarnings,
			String action, String feedback) {
	}

	/** The board of one level: a line per unit reporting to it, what needs action first. */
	public record Board(String id, String title, String summary, List<BoardLine> lines) {
	}

	/** One finding on a page, in the words of the run's language. */
	public record FindingLine(String severity, String css, String ruleId, String row, String column, String place,
			String expected, String actual, String delta, String message, String explanation) {
	}

	/** The findings of one table (or of the file as a whole), in the order of the form. */
	public record FindingGroup(String title, List<FindingLine> lines) {
	}

	/**
	 * How a unit explains its open warnings, in the way of the file it sent: {@code rules} the rule ids to
	 * explain; {@code copy} the lines a CSV sender copies to the end of the file, empty for a workbook
	 * (whose explanations go in the rows of its 补充信息 sheet).
	 */
	public record Explain(String intro, List<String> rules, String copy) {
	}

	/** A unit's findings on the city report: at most a page's worth, with how many more there are. */
	public record UnitFindings(String code, String name, String state, String css, String file,
			List<FindingGroup> groups, String more, String feedback) {
	}

	/** An input of a final report, with its SHA-256. */
	public record Input(String code, String name, String file, String sha256) {
	}

	/**
	 * A table of the report as the official layout draws it. {@code layout} is its layout in short when it was
	 * filled into a format's {@link OfficialTables} (see {@link #toString()}), null when it was drawn whole.
	 */
	public record Table(String id, String title, List<Row> head, List<Row> body, String note, String layout) {

		public static Table of(OfficialLayout.Grid grid, String note) {
			return of(grid, note, java.util.Set.of(), Tokens.NONE);
		}

		/**
		 * {@code grid} as a page shows it: the cells of {@code flagged} marked; the numbers (and the marks) are
		 * the page's texts, the headers and spans its layout.
		 */
		public static Table of(OfficialLayout.Grid grid, String note, java.util.Set<String> flagged, Tokens tokens) {
			return new Table("table-" + grid.tableCode(), grid.title(), rows(grid.head(), flagged, tokens),
					rows(grid.body(), flagged, tokens), tokens.text(note), null);
		}

		/**
		 * Every part of the table that is not a text, as a feedback page's layout ({@link Html#renderFromSkeleton}):
		 * for a table filled into its format's layout, that layout's number, the first token and which cells are
		 * empty (everything else the page shows of it is a token); for a table drawn whole, every part written out
		 * by hand (the generated {@code toString()} of its 600 cells took milliseconds).
		 */
		@Override
		public String toString() {
			if (layout != null) {
				return "Table[" + layout + SEPARATOR + note + ']';
			}
			return whole(id, title, note, head, body);
		}

		/** Between the parts in {@link #toString()}: a control character, in no text of a table. */
		private static final char SEPARATOR = '\u001F';

		private static String whole(String id, String title, String note, List<Row> head, List<Row> body) {
			StringBuilder b = new StringBuilder(48 * 1024).append("Table[").append(id).append(SEPARATOR).append(title)
				.append(SEPARATOR).append(note);
			for (List<Row> rows : List.of(head, body)) {
				b.append(SEPARATOR).append("rows");
				for (Row row : rows) {
					b.append(SEPARATOR).append("row");
					for (Cell c : row.cells()) {
						b.append(SEPARATOR).append(c.header()).append(SEPARATOR).append(c.text()).append(SEPARATOR)
							.append(c.rowspanAttr()).append(SEPARATOR).append(c.colspanAttr()).append(SEPARATOR)
							.append(c.id()).append(SEPARATOR).append(c.css()).append(SEPARATOR).append(c.headersAttr())
							.append(SEPARATOR).append(c.code()).append(SEPARATOR).append(c.display());
					}
				}
			}
			return b.append(']').toString();
		}

		private static List<Row> rows(List<OfficialLayout.Row> rows, java.util.Set<String> flagged, Tokens tokens) {
			List<Row> out = new java.util.ArrayList<>(rows.size());
			for (OfficialLayout.Row row : rows) {
				List<Cell> cells = new java.util.ArrayList<>(row.cells().size());
				for (OfficialLayout.Cell c : row.cells()) {
					cells.add(c.isHeader() ? header(c) : value(c, c.display(), flagged, tokens));
				}
				out.add(new Row(cells));
			}
			return out;
		}

		private static Cell header(OfficialLayout.Cell c) {
			return new Cell(true, c.text(), c.rowspanAttr(), c.colspanAttr(), c.id(), c.css(), null, null, null);
		}

		private static Cell value(OfficialLayout.Cell c, String display, java.util.Set<String> flagged, Tokens tokens) {
			return new Cell(false, null, c.rowspanAttr(), c.colspanAttr(), null,
					tokens.text(flagged.contains(c.code()) ? c.css() + " flag" : c.css()), c.headersAttr(), c.code(),
					tokens.text(display));
		}

	}

	/**
	 * A format's official tables expanded once (headers, spans, cell codes: the same for every unit of the
	 * format) and filled per unit with its numbers and flagged cells: the same tables as drawing each unit's
	 * {@link OfficialLayout#grids} whole, for the cost of its numbers. Each table's {@link Table#toString()}
	 * is then short: which expanded layout, its first token, which of its cells are empty (an empty number is
	 * no token but part of the layout); every other part of a filled table is a token.
	 */
	public static final class OfficialTables {

		/** Each layout drawn whole, once, numbered: equal layouts (of two formats) share their number. */
		private static final java.util.Map<String, Integer> LAYOUTS = new java.util.HashMap<>();

		/**
		 * A table of the format expanded: its rows, header rows first ({@code head} of them), each cell made
		 * once ({@code cells}, in the order of the rows: a value cell with its headers and class, without its
		 * number), the number of its layout, and its value cells in that order, flat ({@link ValueCells}).
		 */
		private record Expanded(String id, String title, List<OfficialLayout.Row> rows, int head, List<Cell> cells,
				int layout, ValueCells values) {
		}

		/**
		 * The value cells of a table, in the order of its rows, as arrays: filling a unit's numbers is then one
		 * loop over them (the page threads' hottest loop, compiled small), with no cell or row made per unit.
		 */
		private record ValueCells(String[] codes, int[] positions, township.rollup.reportformat.CellType[] types,
				int[] scales, String[] css, String[] flaggedCss) {

			static ValueCells of(ReportFormat format, List<Cell> made, List<OfficialLayout.Row> rows) {
				List<OfficialLayout.Cell> values = new java.util.ArrayList<>();
				rows.forEach(row -> row.cells().stream().filter(c -> !c.isHeader()).forEach(values::add));
				List<Cell> valueCells = made.stream().filter(c -> !c.header()).toList();
				int n = values.size();
				ValueCells v = new ValueCells(new String[n], new int[n], new township.rollup.reportformat.CellType[n],
						new int[n], new String[n], new String[n]);
				for (int i = 0; i < n; i++) {
					v.codes[i] = values.get(i).code();
					v.positions[i] = format.position(v.codes[i]);
					v.types[i] = values.get(i).type();
					v.scales[i] = values.get(i).scale();
					v.css[i] = valueCells.get(i).css();
					v.flaggedCss[i] = valueCells.get(i).css() + " flag";
				}
				return v;
			}

		}

		private final ReportFormat format;

		private final List<Expanded> tables;

		private OfficialTables(ReportFormat format, List<OfficialLayout.Grid> grids) {
			this.format = format;
			List<Expanded> expanded = new java.util.ArrayList<>();
			for (OfficialLayout.Grid grid : grids) {
				List<OfficialLayout.Row> rows = new java.util.ArrayList<>(grid.head());
				rows.addAll(grid.body());
				List<Cell> cells = new java.util.ArrayList<>();
				rows.forEach(row -> row.cells().forEach(c -> cells.add(c.isHeader() ? Table.header(c)
						: new Cell(false, null, c.rowspanAttr(), c.colspanAttr(), null, c.css(), c.headersAttr(), c.code(),
								null))));
				expanded.add(new Expanded("table-" + grid.tableCode(), grid.title(), rows, grid.head().size(), cells,
						number(Table.of(grid, "").toString()), ValueCells.of(format, cells, rows)));
			}
			this.tables = expanded;
		}

		private static synchronized int number(String layout) {
			return LAYOUTS.computeIfAbsent(layout, l -> LAYOUTS.size());
		}

		/** The tables of {@code format}, without numbers. */
		public static OfficialTables of(ReportFormat format) {
			return new OfficialTables(format, OfficialLayout.grids(format, java.util.Map.of()));
		}

		/**
		 * The tables with a unit's numbers (cell code → value), the cells of {@code flagged} marked. A filled
		 * table's rows are made only when a page of its layout is first rendered (its skeleton): every other
		 * page takes from it only its texts, which are its tokens, and its layout in short.
		 */
		public List<Table> fill(java.util.Map<String, java.math.BigDecimal> numbers, java.util.Set<String> flagged,
				Tokens tokens) {
			List<Table> filled = new java.util.ArrayList<>(tables.size());
			// a stored vector's numbers are read by their place in the format, any others by code
			township.rollup.reportformat.FormNumbers placed = numbers instanceof township.rollup.reportformat.FormNumbers f
					&& f.format() == format ? f : null;
			boolean noneFlagged = flagged.isEmpty();
			for (Expanded table : tables) {
				ValueCells v = table.values();
				int n = v.codes().length;
				int first = tokens.count();
				String[] css = new String[n];
				String[] display = new String[n];
				// which numbers are empty, 15 cells to a character (never a token's or the separator)
				StringBuilder empty = new StringBuilder(n / 15 + 8);
				int bits = 0;
				for (int i = 0; i < n; i++) {
					String code = v.codes()[i];
					// as Table.value makes it, from the parts made once
					java.math.BigDecimal number = placed != null ? placed.at(v.positions()[i]) : numbers.get(code);
					String shown = OfficialLayout.display(number, v.types()[i], v.scales()[i]);
					css[i] = tokens.text(noneFlagged || !flagged.contains(code) ? v.css()[i] : v.flaggedCss()[i]);
					display[i] = tokens.text(shown);
					bits = bits << 1 | (shown.isEmpty() ? 1 : 0);
					if ((i + 1) % 15 == 0) {
						empty.append((char) ('@' + bits));
						bits = 0;
					}
				}
				empty.append((char) ('@' + bits)).append('/').append(n);
				FilledRows rows = new FilledRows(table, css, display);
				filled.add(new Table(table.id(), table.title(), rows.part(true), rows.part(false), tokens.text(""),
						"layout " + table.layout() + " from " + first + " empty " + empty));
			}
			return filled;
		}

		/** The rows of a filled table, made from its expanded cells and its texts when first asked for. */
		private static final class FilledRows {

			private final Expanded table;

			private final String[] css;

			private final String[] display;

			private List<Row> rows;

			FilledRows(Expanded table, String[] css, String[] display) {
				this.table = table;
				this.css = css;
				this.display = display;
			}

			/** The head rows ({@code head}) or the body rows, as a list that makes the rows when first read. */
			List<Row> part(boolean head) {
				return new java.util.AbstractList<>() {

					@Override
					public Row get(int index) {
						List<Row> all = rows();
						return head ? all.get(index) : all.get(table.head() + index);
					}

					@Override
					public int size() {
						return head ? table.head() : table.rows().size() - table.head();
					}

				};
			}

			private synchronized List<Row> rows() {
				if (rows == null) {
					List<Row> made = new java.util.ArrayList<>(table.rows().size());
					int k = 0;
					int value = 0;
					for (OfficialLayout.Row row : table.rows()) {
						List<Cell> cells = new java.util.ArrayList<>(row.cells().size());
						for (int c = 0; c < row.cells().size(); c++) {
							Cell cell = table.cells().get(k++);
							cells.add(cell.header() ? cell
									: new Cell(false, null, cell.rowspanAttr(), cell.colspanAttr(), null, css[value],
											cell.headersAttr(), cell.code(), display[value]));
							value += cell.header() ? 0 : 1;
						}
						made.add(new Row(cells));
					}
					rows = made;
				}
				return rows;
			}

		}

	}

	/**
	 * A cell of an official table as the page writes it: a header or row label ({@code text}, {@code id}),
	 * or a value ({@code display}, its {@code headers} and cell {@code code}); a span is null when 1.
	 */
	public record Cell(boolean header, String text, Integer rowspanAttr, Integer colspanAttr, String id, String css,
			String headersAttr, String code, String display) {
	}

	/** A row of an official table: its header and label cells come before its values. */
	public record Row(List<Cell> cells) {

		public List<Cell> labels() {
			return cells.stream().filter(Cell::header).toList();
		}

		public List<Cell> values() {
			return cells.stream().filter(c -> !c.header()).toList();
		}

	}

	/** A chart's numbers as a table, for those who cannot read the chart. */
	public record DataTable(List<String> head, List<List<String>> rows) {
	}

}
