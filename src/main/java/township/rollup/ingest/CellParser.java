package township.rollup.ingest;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import township.rollup.reportformat.CellType;
import township.rollup.rules.FindingFactory;
import township.rollup.submission.CellKind;

/**
 * Types one cell against its template column. The rules (report-format.md §4, §10): a number, a blank, a
 * not-applicable marker, or text. Blanks stay blanks. Counts are non-negative whole numbers; only
 * {@code 本年增/减} is signed. Amounts are in the column's unit with at most its number of decimals, and a
 * unit written into the cell is an error with a suggestion, never a guess.
 */
final class CellParser {

	/** Markers that mean "this cell does not apply"; only allowed where the template has no value. */
	static final Set<String> NOT_APPLICABLE = Set.of("/", "／", "—", "——", "-", "--", "–", "不适用");

	private static final Pattern UNSIGNED_INT = Pattern.compile("\\d+");

	private static final Pattern SIGNED_INT = Pattern.compile("([+-])(\\d+)");

	private static final Pattern DECIMAL = Pattern.compile("([+-]?)(\\d+)(?:\\.(\\d+))?");

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	private static final Pattern WITH_UNIT = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*(万元|元|万|件|条|个|次|项|人次|份)");

	/**
	 * A value of 10^15 or more (16 integer digits) is no count of documents and no amount in 万元, and
	 * would not fit the store's sums; it is CELL-RANGE. Checked on the digits before any number is built,
	 * so a cell of a million digits costs nothing.
	 */
	static final int MAX_INTEGER_DIGITS = 15;

	/** A number with a unit is only turned into a suggestion when it is this short (a long fraction is no amount). */
	private static final int MAX_WRITTEN_NUMBER = 30;

	private CellParser() {
	}

	/** The typed cell, and when the cell breaks a rule, the rule id and the message arguments. */
	record Parsed(CellKind kind, BigDecimal value, String problem, Map<String, Object> args) {

		static Parsed ok(CellKind kind, BigDecimal value) {
			return new Parsed(kind, value, null, Map.of());
		}

		static Parsed problem(CellKind kind, String ruleId, Map<String, Object> args) {
			return new Parsed(kind, null, ruleId, args);
		}

	}

	/** Trims every kind of space Excel and WPS leave, and folds full-width digits and signs. */
	static String normalize(String raw) {
		if (raw == null) {
			return "";
		}
		if (plainAscii(raw)) {
			// the common cell, a number written in ASCII: nothing for NFKC to fold
			return raw;
		}
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		return s.replace('\u00A0', ' ').strip();
	}

	/** Printable ASCII with no space at either end. */
	private static boolean plainAscii(String s) {
		if (s.isEmpty() || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x21 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	static boolean isNotApplicable(String normalized) {
		return NOT_APPLICABLE.contains(normalized);
	}

	/** Types a cell that the template requires. */
	static Parsed parse(String raw, CellType type, String unit, int scale) {
		String s = normalize(raw);
		if (s.isEmpty()) {
			return Parsed.problem(CellKind.BLANK, "CELL-BLANK", Map.of());
		}
		if (isNotApplicable(s)) {
			return Parsed.problem(CellKind.NOT_APPLICABLE, "CELL-NA", Map.of());
		}
		if (GROUPED.matcher(s).matches()) {
			s = s.replace(",", "");
		}
		if (integerDigits(s) > MAX_INTEGER_DIGITS) {
			return Parsed.problem(CellKind.TEXT, "CELL-RANGE", Map.of("maxDigits", MAX_INTEGER_DIGITS, "amount",
					type == CellType.AMOUNT));
		}
		return switch (type) {
			case COUNT -> count(s, false);
			case SIGNED_COUNT -> count(s, true);
			case AMOUNT -> amount(s, unit, scale);
		};
	}

	/**
	 * The significant integer digits of a number as written, with or without a sign, a fraction or a unit
	 * after it ({@code 0012.5万元} has 2); 0 for text that does not start like a number.
	 */
	static int integerDigits(String s) {
		int i = 0;
		if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
			i++;
		}
		while (i < s.length() && s.charAt(i) == '0') {
			i++;
		}
		int start = i;
		while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
			i++;
		}
		return i - start;
	}

	/** A number from digits checked by {@link #integerDigits}: leading zeros dropped before it is built. */
	private static BigDecimal number(String s) {
		int i = 0;
		boolean negative = s.startsWith("-");
		if (s.startsWith("+") || negative) {
			i++;
		}
		while (i < s.length() - 1 && s.charAt(i) == '0' && s.charAt(i + 1) != '.') {
			i++;
		}
		BigDecimal value = new BigDecimal(s.substring(i));
		return negative ? value.negate() : value;
	}

	private static Parsed count(String s, boolean signed) {
		if (UNSIGNED_INT.matcher(s).matches()) {
			return Parsed.ok(CellKind.NUMBER, number(s));
		}
		Matcher signedInt = SIGNED_INT.matcher(s);
		if (signedInt.matches()) {
			if (signed) {
				return Parsed.ok(CellKind.NUMBER, number(s));
			}
			return Parsed.problem(CellKind.TEXT, s.startsWith("-") ? "CELL-NEGATIVE" : "CELL-SIGN", Map.of());
		}
		if (DECIMAL.matcher(s).matches()) {
			return Parsed.problem(CellKind.TEXT, "CELL-NOT-INTEGER", Map.of());
		}
		Matcher unit = WITH_UNIT.matcher(s);
		if (unit.matches()) {
			Map<String, Object> args = new LinkedHashMap<>();
			args.put("amount", false);
			String suggestion = "";
			if (unit.group(1).length() <= MAX_WRITTEN_NUMBER) {
				BigDecimal number = number(unit.group(1));
				if (unit.group(2).startsWith("万")) {
					number = number.movePointRight(4); // 3万 is 30000
				}
				boolean whole = number.signum() >= 0 && number.stripTrailingZeros().scale() <= 0;
				suggestion = whole && !unit.group(2).equals("元") ? FindingFactory.plain(number) : "";
			}
			args.put("suggestion", suggestion);
			return Parsed.problem(CellKind.TEXT, "CELL-UNIT", args);
		}
		return Parsed.problem(CellKind.TEXT, "CELL-TEXT", Map.of());
	}

	private static Parsed amount(String s, String unit, int scale) {
		Matcher m = DECIMAL.matcher(s);
		if (m.matches()) {
			if ("-".equals(m.group(1))) {
				return Parsed.problem(CellKind.TEXT, "CELL-NEGATIVE", Map.of());
			}
			if ("+".equals(m.group(1))) {
				return Parsed.problem(CellKind.TEXT, "CELL-SIGN", Map.of());
			}
			String fraction = m.group(3);
			if (fraction != null && fraction.length() > scale) {
				return Parsed.problem(CellKind.TEXT, "CELL-DECIMALS", Map.of("scale", scale, "unit", unit));
			}
			return Parsed.ok(CellKind.NUMBER, number(s));
		}
		Matcher withUnit = WITH_UNIT.matcher(s);
		if (withUnit.matches()) {
			BigDecimal number = withUnit.group(1).length() <= MAX_WRITTEN_NUMBER ? number(withUnit.group(1)) : null;
			String written = withUnit.group(2);
			BigDecimal inWan = number == null ? null : switch (written) {
				case "元" -> number.movePointLeft(4);
				case "万元", "万" -> number;
				default -> null;
			};
			Map<String, Object> args = new LinkedHashMap<>();
			args.put("amount", true);
			args.put("unit", unit);
			args.put("scale", scale);
			String suggestion = "";
			if (inWan != null && inWan.signum() >= 0 && inWan.stripTrailingZeros().scale() <= scale) {
				suggestion = FindingFactory.plain(inWan);
			}
			args.put("suggestion", suggestion);
			return Parsed.problem(CellKind.TEXT, "CELL-UNIT", args);
		}
		return Parsed.problem(CellKind.TEXT, "CELL-TEXT", Map.of());
	}

}
