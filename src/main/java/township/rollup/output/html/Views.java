package township.rollup.output.html;

import java.util.List;

import township.rollup.output.OfficialLayout;

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
	public record Table(String id, String title, List<OfficialLayout.Row> head, List<OfficialLayout.Row> body,
			String note) {

		public static Table of(OfficialLayout.Grid grid, String note) {
			return new Table("table-" + grid.tableCode(), grid.title(), grid.head(), grid.body(), note);
		}

	}

	/** A chart's numbers as a table, for those who cannot read the chart. */
	public record DataTable(List<String> head, List<List<String>> rows) {
	}

}
