package township.rollup.output.html;

import java.util.List;

import township.rollup.reportformat.OfficialLayout;

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

	/** A table of the report as the official layout draws it. */
	public record Table(String id, String title, List<Row> head, List<Row> body, String note) {

		public static Table of(OfficialLayout.Grid grid, String note) {
			return of(grid, note, java.util.Set.of(), Tokens.NONE);
		}

		/**
		 * {@code grid} as a page shows it: the cells of {@code flagged} marked; the numbers (and the marks) are
		 * the page's texts, the headers and spans its layout.
		 */
		public static Table of(OfficialLayout.Grid grid, String note, java.util.Set<String> flagged, Tokens tokens) {
			return new Table("table-" + grid.tableCode(), grid.title(), rows(grid.head(), flagged, tokens),
					rows(grid.body(), flagged, tokens), tokens.text(note));
		}

		/**
		 * Every part of the table, as a record's {@code toString()} has it, written out by hand: it is a feedback
		 * page's layout ({@link Html#renderFromSkeleton}), made once per page, and the generated
		 * {@code toString()} of its 600 cells took milliseconds.
		 */
		@Override
		public String toString() {
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

		/** Between the parts in {@link #toString()}: a control character, in no text of a table. */
		private static final char SEPARATOR = '\u001F';

		private static List<Row> rows(List<OfficialLayout.Row> rows, java.util.Set<String> flagged, Tokens tokens) {
			List<Row> out = new java.util.ArrayList<>(rows.size());
			for (OfficialLayout.Row row : rows) {
				List<Cell> cells = new java.util.ArrayList<>(row.cells().size());
				for (OfficialLayout.Cell c : row.cells()) {
					cells.add(c.isHeader()
							? new Cell(true, c.text(), c.rowspanAttr(), c.colspanAttr(), c.id(), c.css(), null, null, null)
							: new Cell(false, null, c.rowspanAttr(), c.colspanAttr(), null,
									tokens.text(flagged.contains(c.code()) ? c.css() + " flag" : c.css()), c.headersAttr(),
									c.code(), tokens.text(c.display())));
				}
				out.add(new Row(cells));
			}
			return out;
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
