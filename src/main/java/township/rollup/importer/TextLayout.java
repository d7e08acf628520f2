package township.rollup.importer;

import java.util.ArrayList;
import java.util.List;

import township.rollup.importer.SourceLine.Field;
import township.rollup.importer.SourceLine.Layout;

/**
 * Splits copied text into lines of cells. A line with a tab is a table row split at tabs (the empty
 * fields kept: they may be merged-cell filler or blank cells). A line with {@code |} between at least two
 * cells is a row split at the bars, a leading and a trailing bar being borders. A line of bars alone is
 * a run of empty cells of a page copied cell by cell. Any other line is one cell.
 */
final class TextLayout {

	private TextLayout() {
	}

	/** The lines of the text, and whether its last line ends with a line break (a page cut off does not). */
	record Text(List<SourceLine> lines, boolean complete) {
	}

	static Text read(String text) {
		List<SourceLine> lines = new ArrayList<>();
		int number = 0;
		int start = 0;
		int length = text.length();
		while (start < length) {
			int end = start;
			while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
				end++;
			}
			number++;
			lines.add(line(number, text.substring(start, end)));
			if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
				end++;
			}
			start = end + 1;
		}
		return new Text(lines, endsWithLineBreak(text));
	}

	/** Spaces after the last line break do not make the text cut off; anything else on the last line does. */
	static boolean endsWithLineBreak(String text) {
		int i = text.length() - 1;
		while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u3000'
				|| text.charAt(i) == '\u00A0')) {
			i--;
		}
		return i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r';
	}

	static SourceLine line(int number, String text) {
		if (text.indexOf('\t') >= 0) {
			return new SourceLine(number, Layout.ROW, fields(number, split(text, '\t')), text);
		}
		if (text.indexOf('|') >= 0 || text.indexOf('｜') >= 0) {
			String bars = text.replace('｜', '|');
			if (bars.strip().chars().allMatch(c -> c == '|' || Character.isWhitespace(c))) {
				// a run of bars: n bars enclose n - 1 empty cells
				long count = bars.chars().filter(c -> c == '|').count();
				List<Field> empties = new ArrayList<>();
				for (long i = 1; i < count; i++) {
					empties.add(new Field("", number));
				}
				return new SourceLine(number, Layout.CELL, empties, text);
			}
			if (bars.strip().chars().allMatch(c -> c == '|' || c == '-' || c == ':' || Character.isWhitespace(c))) {
				return new SourceLine(number, Layout.CELL, List.of(), text); // a Markdown rule |---|---|
			}
			List<String> cells = split(bars, '|');
			if (bars.strip().startsWith("|")) {
				cells.remove(0);
			}
			if (bars.strip().endsWith("|") && !cells.isEmpty()) {
				cells.remove(cells.size() - 1);
			}
			if (cells.size() >= 2) {
				return new SourceLine(number, Layout.ROW, fields(number, cells), text);
			}
			return new SourceLine(number, Layout.CELL, cells.isEmpty() ? List.of() : fields(number, cells), text);
		}
		return new SourceLine(number, Layout.CELL, text.isBlank() ? List.of() : List.of(new Field(text, number)),
				text);
	}

	private static List<Field> fields(int number, List<String> cells) {
		List<Field> fields = new ArrayList<>(cells.size());
		cells.forEach(c -> fields.add(new Field(c, number)));
		return fields;
	}

	/** Every field, empty ones included, unlike {@link String#split}. */
	private static List<String> split(String text, char separator) {
		List<String> cells = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == separator) {
				cells.add(text.substring(from, i));
				from = i + 1;
			}
		}
		cells.add(text.substring(from));
		return cells;
	}

}
