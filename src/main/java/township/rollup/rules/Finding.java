package township.rollup.rules;

import java.math.BigDecimal;

import township.rollup.submission.TextLimits;

/**
 * What a rule found, addressed to a file, line, table, row and column, with the expected and actual
 * values and their difference ({@code delta = actual − expected}) when the rule compares numbers.
 * A warning may carry the township's explanation (审核说明); an error never counts as explained.
 * Findings are values: checks return them, they never throw them.
 */
public record Finding(String ruleId, Severity severity, Where where, BigDecimal expected, BigDecimal actual,
		BigDecimal delta, String messageZh, String messageEn, String explanation) {

	/** Messages and explanations are bounded however a finding is made (documented in TextLimits). */
	public Finding {
		messageZh = TextLimits.cut(messageZh, TextLimits.MESSAGE, TextLimits.Marker.ZH);
		messageEn = TextLimits.cut(messageEn, TextLimits.MESSAGE, TextLimits.Marker.EN);
		explanation = TextLimits.cut(explanation, TextLimits.NOTE);
	}

	public Finding(String ruleId, Severity severity, Where where, BigDecimal expected, BigDecimal actual,
			BigDecimal delta, String messageZh, String messageEn) {
		this(ruleId, severity, where, expected, actual, delta, messageZh, messageEn, null);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	/** A warning the township has not explained; it keeps the year open. */
	public boolean isOpenWarning() {
		return severity == Severity.WARNING && explanation == null;
	}

	/** The message in a language: a rule's messages live with the rule, in both; this is where one is chosen. */
	public String message(township.rollup.i18n.Language language) {
		return language.english() ? messageEn : messageZh;
	}

	public Finding explained(String text) {
		return new Finding(ruleId, severity, where, expected, actual, delta, messageZh, messageEn, text);
	}

}
