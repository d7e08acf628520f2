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
