package township.rollup.submission;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;

/**
 * How long a text that comes from a file (or from the registry) may be once it is kept: in a stored
 * cell, a finding, an explanation, a name. Anything longer is cut, visibly: the first characters, then
 * {@code …} and the original length, so a clerk sees both what was written and that it went on. These
 * are the documented limits of the README; the database columns are wider, so a cut value always fits.
 *
 * <p>
 * Control characters (other than tab) are shown as their visible pictures (U+2400…): a NUL, a stray
 * carriage return or an escape in a file cannot garble a message, a CSV line or a database row. A file
 * name shows a tab as a picture too ({@link #name(String)}).
 */
public final class TextLimits {

	/** A file name as the inbox holds it (file systems allow 255 bytes). */
	public static final int FILE_NAME = 255;

	/** A row or rule code written in a file. */
	public static final int CODE = 40;

	/** A cell as written. */
	public static final int RAW_CELL = 100;

	/** A label or metadata value as written (a row label, a unit name in META). */
	public static final int WRITTEN_LABEL = 150;

	/** An explanation (审核说明) of a warning, after the notes of one rule are joined. */
	public static final int NOTE = 1000;

	/** Any other text put into a finding's message. */
	public static final int ARGUMENT = 200;

	/** A finding's whole message in one language. */
	public static final int MESSAGE = 3000;

	/** A unit name of the registry. */
	public static final int UNIT_NAME = 100;

	private TextLimits() {
	}

	/** Where a cut value is read: the marker says what was cut in the reader's language. */
	public enum Marker {

		/** Stored values read by anyone: both languages. */
		NEUTRAL, ZH, EN

	}

	/**
	 * {@code text} with control characters made visible, cut to at most {@code max} characters
	 * (marker included) when longer. Never splits a surrogate pair.
	 */
	public static String cut(String text, int max, Marker marker) {
		return text == null ? null : shortened(visible(text, true), max, marker);
	}

	/**
	 * A file name, or a text taken from one, as every output shows it (CSV files, pages, the workbook, the
	 * console): every control character, tab included, as its picture, so a name with a line break or a
	 * tab cannot break a CSV record, a table cell or a console line; cut to {@link #FILE_NAME}. The one
	 * place a name is made fit to show.
	 */
	public static String name(String fileName) {
		return name(fileName, FILE_NAME, Marker.NEUTRAL);
	}

	/** {@link #name(String)} cut to {@code max} with the marker of the reader's language. */
	public static String name(String fileName, int max, Marker marker) {
		return fileName == null ? null : shortened(visible(fileName, false), max, marker);
	}

	private static String shortened(String visible, int max, Marker marker) {
		int length = visible.codePointCount(0, visible.length());
		if (visible.length() <= max) {
			return visible;
		}
		String suffix = marker(length, marker);
		int keep = Math.max(1, max - suffix.length());
		if (Character.isHighSurrogate(visible.charAt(keep - 1))) {
			keep--;
		}
		return visible.substring(0, keep) + suffix;
	}

	/** {@link #cut(String, int, Marker)} for stored values. */
	public static String cut(String text, int max) {
		return cut(text, max, Marker.NEUTRAL);
	}

	/** Whether {@link #cut} would change the text (it is too long, or holds control characters). */
	public static boolean fits(String text, int max) {
		return text == null || (text.length() <= max && visible(text, true).equals(text));
	}

	static String marker(int length, Marker marker) {
		return switch (marker) {
			case ZH -> Messages.of(Language.ZH).get("text.cut", length);
			case EN -> Messages.of(Language.EN).get("text.cut", length);
			// stored values are read in either language: one text, the same in both bundles
			case NEUTRAL -> Messages.of(Language.ZH).get("text.cut.both", length);
		};
	}

	/**
	 * Control characters as pictures: C0 as its Unicode control picture (NUL as ␀, LF as ␊, CR as ␍, tab
	 * as ␉ unless {@code keepTab}), DEL as ␡, and a C1 control (U+0080–U+009F, which has no picture) as
	 * the replacement character �.
	 */
	static String visible(String text, boolean keepTab) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = (c < 0x20 && !(keepTab && c == '\t')) || (c >= 0x7F && c <= 0x9F);
			if (control && out == null) {
				out = new StringBuilder(text.length());
				out.append(text, 0, i);
			}
			if (out != null) {
				out.append(!control ? c : c < 0x20 ? (char) (0x2400 + c) : c == 0x7F ? '\u2421' : '\uFFFD');
			}
		}
		return out == null ? text : out.toString();
	}

}
