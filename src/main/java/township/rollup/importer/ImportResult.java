package township.rollup.importer;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an import found: the format and why, each table's coverage, and one result per cell of the
 * format and per {@code NARR.*} number. When the format could not be decided, {@code formatId} is null
 * and there are no cells: nothing is imported.
 *
 * @param formatId the format the cells are of, or null
 * @param formatForced whether {@code --format} chose it
 * @param evidence every label that shows a format, in text order
 * @param formatProblem why no format was decided, or {@link FormatProblem#NONE}
 * @param tables one result per table of the format
 * @param cells one result per cell of the format, in the format's order
 * @param narrative one result per {@code NARR.*} metric
 * @param cutOff whether the text ends part-way through a line (a page cut off)
 */
public record ImportResult(String formatId, boolean formatForced, List<Evidence> evidence, FormatProblem formatProblem,
		List<TableResult> tables, List<CellImport> cells, List<CellImport> narrative, boolean cutOff) {

	public ImportResult {
		evidence = List.copyOf(evidence);
		tables = List.copyOf(tables);
		cells = List.copyOf(cells);
		narrative = List.copyOf(narrative);
	}

	/** Why the format could not be decided from the labels. */
	public enum FormatProblem {

		NONE,

		/** No table shows a label that only one format has. */
		NO_EVIDENCE,

		/** The tables show labels of different formats. */
		TABLES_DISAGREE

	}

	/** Every cell of the format was found as a number: the submission is complete. */
	public boolean complete() {
		return formatId != null && cells.stream().allMatch(c -> c.status() == ImportStatus.VALUE);
	}

	public long found() {
		return cells.stream().filter(c -> c.status() == ImportStatus.VALUE).count();
	}

	public Map<ImportStatus, Integer> counts() {
		Map<ImportStatus, Integer> counts = new EnumMap<>(ImportStatus.class);
		cells.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
		return counts;
	}

	public CellImport cell(String code) {
		return cells.stream()
			.filter(c -> c.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no cell " + code + " in format " + formatId));
	}

	/** The texts of the submission's cells: what was placed; a cell not in the map is left blank. */
	public Map<String, String> submissionCells() {
		Map<String, String> texts = new LinkedHashMap<>();
		cells.stream().filter(c -> c.status().placesText()).forEach(c -> texts.put(c.code(), c.submissionText()));
		return texts;
	}

	/** The {@code NARR.*} numbers stated plainly. */
	public Map<String, String> narrativeCells() {
		Map<String, String> texts = new LinkedHashMap<>();
		narrative.stream().filter(c -> c.status() == ImportStatus.VALUE).forEach(c -> texts.put(c.code(), c.text()));
		return texts;
	}

}
