package township.rollup.importer;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;

import township.rollup.reportformat.ColumnDef;

/**
 * What a cell's text is: a value-like text (a number, a not-applicable marker, or a number written with
 * a unit or an approximation such as {@code 68余}, {@code 251000元}) or anything else, which is a label
 * or prose. A label that holds a digit ({@code 1.属于国家秘密}, {@code 保留4位小数}) is never a value.
 */
final class ValueText {

	/** The markers the submission format reads as "not applicable" (ingest's CellParser). */
	static final Set<String> NOT_APPLICABLE = Set.of("/", "—", "——", "-", "--", "–", "不适用");

	private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	/** A number with a unit, an approximation or a sign: kept as written when placed, never converted. */
	private static final Pattern NUMBER_LIKE = Pattern
		.compile("(约|近|超|逾|超过)?[+-]?\\d+([.,]\\d+)*\\s*(余|多)?\\s*(万元|元|万|件|条|个|次|项|人次|份|篇)?\\s*(余|多)?");

	private ValueText() {
	}

	/** The text with full-width forms folded and every kind of space trimmed. */
	static String normalize(String raw) {
		if (raw == null) {
			return "";
		}
		return Normalizer.normalize(raw, Normalizer.Form.NFKC).replace('\u00A0', ' ').strip();
	}

	static boolean isBlank(String raw) {
		return normalize(raw).isEmpty();
	}

	static boolean isNotApplicable(String raw) {
		return NOT_APPLICABLE.contains(normalize(raw));
	}

	/** A text that stands where a value stands: a number, a marker, or number-like text. */
	static boolean isValueLike(String raw) {
		String s = normalize(raw);
		if (s.isEmpty() || s.length() > 16) {
			return false;
		}
		return NOT_APPLICABLE.contains(s) || NUMBER_LIKE.matcher(s).matches();
	}

	/** The status a value-like text gets in a column: a number of the column's type, a marker, or unreadable. */
	static ImportStatus status(String raw, ColumnDef column) {
		String s = normalize(raw);
		if (NOT_APPLICABLE.contains(s)) {
			return ImportStatus.NA;
		}
		if (GROUPED.matcher(s).matches()) {
			s = s.replace(",", "");
		}
		boolean number = switch (column.type()) {
			case COUNT -> s.matches("\\d+");
			case SIGNED_COUNT -> s.matches("[+-]?\\d+");
			case AMOUNT -> NUMBER.matcher(s).matches() && !s.startsWith("-") && !s.startsWith("+")
					&& decimals(s) <= column.scale();
		};
		return number ? ImportStatus.VALUE : ImportStatus.UNREADABLE;
	}

	/** What goes into the submission: a number in plain digits, anything else exactly as written. */
	static String submissionText(String raw, ImportStatus status) {
		if (status == ImportStatus.VALUE) {
			String s = normalize(raw);
			return GROUPED.matcher(s).matches() ? s.replace(",", "") : s;
		}
		return raw.strip();
	}

	private static int decimals(String s) {
		int dot = s.indexOf('.');
		return dot < 0 ? 0 : s.length() - dot - 1;
	}

}
