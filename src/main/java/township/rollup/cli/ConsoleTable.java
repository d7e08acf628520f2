package township.rollup.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A table printed on the console, its columns lined up by display width: a terminal gives a Chinese
 * character (East Asian Wide or Fullwidth) two columns and a combining mark none, so padding by
 * {@code String.length()} makes a column of unit names drift. Every console table goes through here.
 */
final class ConsoleTable {

	/** How a column's cells are padded. */
	enum Align {

		LEFT, RIGHT

	}

	private final List<Align> aligns;

	private final List<List<String>> rows = new ArrayList<>();

	ConsoleTable(List<String> header, List<Align> aligns) {
		if (header.size() != aligns.size()) {
			throw new IllegalArgumentException(header.size() + " headings, " + aligns.size() + " alignments");
		}
		this.aligns = List.copyOf(aligns);
		rows.add(List.copyOf(header));
	}

	ConsoleTable row(List<String> cells) {
		if (cells.size() != aligns.size()) {
			throw new IllegalArgumentException(cells.size() + " cells for " + aligns.size() + " columns");
		}
		rows.add(cells.stream().map(c -> c == null ? "" : c).toList());
		return this;
	}

	/** The lines: columns two spaces apart, the last column left unpadded when it is left-aligned. */
	List<String> lines() {
		int[] widths = new int[aligns.size()];
		for (List<String> row : rows) {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], width(row.get(i)));
			}
		}
		List<String> lines = new ArrayList<>(rows.size());
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < widths.length; i++) {
				String cell = row.get(i);
				String pad = " ".repeat(widths[i] - width(cell));
				boolean last = i == widths.length - 1;
				if (i > 0) {
					line.append("  ");
				}
				if (aligns.get(i) == Align.RIGHT) {
					line.append(pad).append(cell);
				}
				else {
					line.append(cell).append(last ? "" : pad);
				}
			}
			lines.add(line.toString());
		}
		return lines;
	}

	/**
	 * The columns a terminal gives a text: two for East Asian Wide and Fullwidth characters (Unicode's
	 * EastAsianWidth W and F: CJK ideographs, kana, hangul, fullwidth forms and CJK punctuation, emoji),
	 * none for combining marks, format and control characters, one for the rest.
	 */
	static int width(String text) {
		int width = 0;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			width += width(c);
		}
		return width;
	}

	static int width(int c) {
		int type = Character.getType(c);
		if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
				|| type == Character.CONTROL || c == 0x200B) {
			return 0;
		}
		return wide(c) ? 2 : 1;
	}

	/** Unicode's East Asian Wide and Fullwidth ranges (UAX #11), the blocks a console table can meet. */
	private static boolean wide(int c) {
		return c >= 0x1100 && c <= 0x115F // Hangul Jamo initials
				|| c >= 0x231A && c <= 0x231B || c >= 0x2329 && c <= 0x232A || c >= 0x23E9 && c <= 0x23EC
				|| c == 0x23F0 || c == 0x23F3 || c >= 0x25FD && c <= 0x25FE || c >= 0x2614 && c <= 0x2615
				|| c >= 0x2648 && c <= 0x2653 || c == 0x267F || c == 0x2693 || c == 0x26A1 || c >= 0x26AA && c <= 0x26AB
				|| c >= 0x26BD && c <= 0x26BE || c >= 0x26C4 && c <= 0x26C5 || c == 0x26CE || c == 0x26D4 || c == 0x26EA
				|| c >= 0x26F2 && c <= 0x26F3 || c == 0x26F5 || c == 0x26FA || c == 0x26FD || c == 0x2705
				|| c >= 0x270A && c <= 0x270B || c == 0x2728 || c == 0x274C || c == 0x274E || c >= 0x2753 && c <= 0x2755
				|| c == 0x2757 || c >= 0x2795 && c <= 0x2797 || c == 0x27B0 || c == 0x27BF || c >= 0x2B1B && c <= 0x2B1C
				|| c == 0x2B50 || c == 0x2B55
				|| c >= 0x2E80 && c <= 0x303E // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
				|| c >= 0x3041 && c <= 0x33FF // kana, bopomofo, hangul compatibility, kanbun, CJK strokes, enclosed, compatibility
				|| c >= 0x3400 && c <= 0x4DBF // CJK extension A
				|| c >= 0x4E00 && c <= 0x9FFF // CJK unified ideographs
				|| c >= 0xA000 && c <= 0xA4CF // Yi
				|| c >= 0xA960 && c <= 0xA97F // Hangul Jamo extended A
				|| c >= 0xAC00 && c <= 0xD7A3 // Hangul syllables
				|| c >= 0xF900 && c <= 0xFAFF // CJK compatibility ideographs
				|| c >= 0xFE10 && c <= 0xFE19 // vertical forms
				|| c >= 0xFE30 && c <= 0xFE6F // CJK compatibility forms, small form variants
				|| c >= 0xFF00 && c <= 0xFF60 // fullwidth ASCII and punctuation
				|| c >= 0xFFE0 && c <= 0xFFE6 // fullwidth signs
				|| c >= 0x16FE0 && c <= 0x18CFF || c >= 0x1B000 && c <= 0x1B2FF // Tangut, kana supplements
				|| c >= 0x1F004 && c <= 0x1F004 || c == 0x1F0CF || c == 0x1F18E || c >= 0x1F191 && c <= 0x1F19A
				|| c >= 0x1F200 && c <= 0x1F251 // enclosed ideographic supplement
				|| c >= 0x1F300 && c <= 0x1F64F && !(c >= 0x1F321 && c <= 0x1F32C) // pictographs, emoticons
				|| c >= 0x1F680 && c <= 0x1F6FF || c >= 0x1F900 && c <= 0x1F9FF || c >= 0x1FA70 && c <= 0x1FAFF
				|| c >= 0x20000 && c <= 0x2FFFD // CJK extensions B to F, compatibility supplement
				|| c >= 0x30000 && c <= 0x3FFFD; // CJK extensions G and H
	}

}
