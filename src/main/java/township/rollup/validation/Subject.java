package township.rollup.validation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What rules look at: one report's numbers by cell code, in one format, with the line of each cell in
 * its file (absent for computed totals), the kind of unit it is (乡, 镇, 街道…), and last year's report of
 * the same unit. A cell that is blank or text is simply absent.
 *
 * The values hold the cells and the numbers stated in 总体情况 ({@code NARR.*}) alike.
 *
 * @param prior last year's accepted report; {@code null} when cross-year rules are not to be evaluated at
 * all (consolidated totals, a report read on its own), {@link Prior#missing} when there is none
 * @param coverage for consolidated totals, how many reports they sum and how many stated each 总体情况
 * figure; {@code null} for a report as a unit sent it
 */
public record Subject(String fileName, String formatId, String unitCode, String unitKind,
		Map<String, BigDecimal> values, Map<String, Integer> lines, Prior prior, Coverage coverage) {

	/** A report as a unit sent it. */
	public Subject(String fileName, String formatId, String unitCode, String unitKind, Map<String, BigDecimal> values,
			Map<String, Integer> lines, Prior prior) {
		this(fileName, formatId, unitCode, unitKind, values, lines, prior, null);
	}

	/** A report checked on its own: no unit kind, no cross-year rules. */
	public Subject(String fileName, String formatId, String unitCode, Map<String, BigDecimal> values,
			Map<String, Integer> lines) {
		this(fileName, formatId, unitCode, "", values, lines, null);
	}

	/**
	 * What consolidated totals rest on: the number of reports summed, and per 总体情况 figure how many of
	 * them stated it (a figure no report stated is absent). A unit's own consolidated file does not say
	 * how many of its units stated a figure: its coverage is {@link #unknown()}.
	 */
	public record Coverage(int reports, Map<String, Integer> stated) {

		private static final Coverage UNKNOWN = new Coverage(-1, Map.of());

		/** A consolidated report whose coverage is not known: a unit's own file. */
		public static Coverage unknown() {
			return UNKNOWN;
		}

		public boolean isKnown() {
			return reports >= 0;
		}

		public int statedOf(String code) {
			return stated.getOrDefault(code, 0);
		}

		/** Whether every report summed stated the figure: only then is its sum a figure of the whole. */
		public boolean complete(String code) {
			return isKnown() && statedOf(code) >= reports;
		}

	}

	/**
	 * Last year's accepted report of the unit, or the fact that there is none. {@code formatId} is the
	 * report's format, or when there is none, the format last year was consolidated in.
	 */
	public record Prior(int year, String formatId, Map<String, BigDecimal> values) {

		public static Prior missing(int year, String formatOfThatYear) {
			return new Prior(year, formatOfThatYear, null);
		}

		public boolean isMissing() {
			return values == null;
		}

	}

	public BigDecimal value(String cellCode) {
		return values.get(cellCode);
	}

	public Integer line(String cellCode) {
		return lines.get(cellCode);
	}

}
