package township.rollup.validation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What rules look at: one report's numbers by cell code, in one format, with the line of each cell in
 * its file (absent for computed totals), the kind of unit it is (乡, 镇, 街道…), and last year's report of
 * the same unit. A cell that is blank or text is simply absent.
 *
 * @param prior last year's accepted report; {@code null} when cross-year rules are not to be evaluated at
 * all (consolidated totals, a report read on its own), {@link Prior#missing} when there is none
 */
public record Subject(String fileName, String formatId, String unitCode, String unitKind,
		Map<String, BigDecimal> values, Map<String, Integer> lines, Prior prior) {

	/** A report checked on its own: no unit kind, no cross-year rules. */
	public Subject(String fileName, String formatId, String unitCode, Map<String, BigDecimal> values,
			Map<String, Integer> lines) {
		this(fileName, formatId, unitCode, "", values, lines, null);
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
