package township.rollup.rules;

import java.math.BigDecimal;

/**
 * What a rule found, addressed to a file, line, table, row and column, with the expected and actual
 * values and their difference ({@code delta = actual − expected}) when the rule compares numbers.
 * Findings are values: checks return them, they never throw them.
 */
public record Finding(String ruleId, Severity severity, Where where, BigDecimal expected, BigDecimal actual,
		BigDecimal delta, String messageZh, String messageEn) {

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	/** The same finding found in another file, for example a city total traced back to its source. */
	public Finding withWhere(Where other) {
		return new Finding(ruleId, severity, other, expected, actual, delta, messageZh, messageEn);
	}

}
