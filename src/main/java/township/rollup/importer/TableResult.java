package township.rollup.importer;

import java.util.List;

/**
 * How one table was read, and how much of it was found.
 *
 * @param code {@code T2}, {@code T3}, {@code T4}
 * @param name {@code 表二}…
 * @param decision whether its rows were read
 * @param evidence the labels that show its format
 * @param rows the rows of the table in the format
 * @param rowsFound rows whose every cell is a value
 * @param missingFrom the position (from 1) of the first row of the run of rows not found that ends the
 * table, when the table is cut off part-way; 0 when there is none
 */
public record TableResult(String code, String name, Decision decision, List<Evidence> evidence, int rows,
		int rowsFound, int missingFrom) {

	public TableResult {
		evidence = List.copyOf(evidence);
	}

	/** What was done with a table. */
	public enum Decision {

		/** Its rows were read in the report's format. */
		READ,

		/**
		 * It shows no label of either format and {@code --format} was not given: only the rows that are the
		 * same in every format were read.
		 */
		SAME_ROWS_ONLY,

		/** Its labels are of the other format, or of both: nothing was read from it. */
		REFUSED,

		/** Its heading is not in the text. */
		MISSING

	}

}
