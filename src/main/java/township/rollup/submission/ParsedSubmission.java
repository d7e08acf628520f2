package township.rollup.submission;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ingest room read from one file: the encoding it decoded with, the metadata, the format it
 * was read against (null when none could be determined), every value cell and narrative metric by code,
 * the explanations, and the line where each row was found.
 */
public record ParsedSubmission(String fileName, String encoding, Meta meta, String formatId, Map<String, Cell> cells,
		Map<String, Cell> narrative, List<Note> notes, Map<String, Integer> metaLines) {

	public ParsedSubmission {
		cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
		narrative = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(narrative));
		notes = List.copyOf(notes);
		metaLines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metaLines));
	}

	/**
	 * Whether another file says exactly what this one says: the same metadata, read against the same format,
	 * the same value in every cell and 总体情况 figure (numbers compared as numbers, so 10.25 in a workbook is
	 * 10.2500 in a CSV file; anything else as written), the same explanations. A unit's CSV report and its
	 * workbook, both sent, say the same.
	 */
	public boolean saysTheSameAs(ParsedSubmission other) {
		return formatId != null && formatId.equals(other.formatId) && meta.equals(other.meta)
				&& same(cells, other.cells) && same(narrative, other.narrative)
				&& Note.pairs(notes).equals(Note.pairs(other.notes));
	}

	private static boolean same(Map<String, Cell> mine, Map<String, Cell> theirs) {
		if (!mine.keySet().equals(theirs.keySet())) {
			return false;
		}
		for (Map.Entry<String, Cell> entry : mine.entrySet()) {
			Cell a = entry.getValue();
			Cell b = theirs.get(entry.getKey());
			boolean equal = a.isNumber() ? b.isNumber() && a.value().compareTo(b.value()) == 0
					: !b.isNumber() && a.kind() == b.kind() && a.raw().equals(b.raw());
			if (!equal) {
				return false;
			}
		}
		return true;
	}

	/** The numeric values of the cells that hold numbers; blanks and text are absent, never 0. */
	public Map<String, BigDecimal> numbers() {
		return numbersOf(cells);
	}

	/** The narrative metrics the file states as numbers. */
	public Map<String, BigDecimal> narrativeNumbers() {
		return numbersOf(narrative);
	}

	private static Map<String, BigDecimal> numbersOf(Map<String, Cell> cells) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		cells.forEach((code, cell) -> {
			if (cell.isNumber()) {
				values.put(code, cell.value());
			}
		});
		return values;
	}

}
