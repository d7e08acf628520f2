package township.rollup.importer;

import java.util.Locale;

/**
 * Why a cell has its status: a stable code, written into the import record next to its text in the
 * reader's language (message {@code import.reason.<code>}).
 */
public enum Reason {

	/** The row's values were as many as its columns and were taken in order. */
	IN_ORDER,

	/**
	 * As {@link #IN_ORDER}, the row known by a label printed with characters lost, the only text of the
	 * table it can be ({@code RowIndex.matchShortened}). args: the label as printed.
	 */
	SHORTENED_LABEL,

	/** The cell's position in an HTML table grid, every cell of the row explicit. */
	IN_GRID,

	/** Text in a value's place that is not a number of the column's type; kept as written. */
	NOT_A_NUMBER,

	/** A not-applicable marker where the format has a value. */
	MARKER,

	/** An explicit empty cell of an HTML table grid. */
	CELL_EMPTY,

	/** The row is there with empty cells only. */
	ROW_EMPTY,

	/** The row's label is there with nothing after it. */
	LABEL_ONLY,

	/** The row's label is not in its table. */
	ROW_MISSING,

	/** The table's heading is not in the text. */
	TABLE_MISSING,

	/** The text ends before or inside the row. */
	TEXT_ENDS,

	/** The row has a different number of values than columns: which value is which is unknown. args: found, expected. */
	COUNT_MISMATCH,

	/** The row's label is there more than once. args: lines. */
	DUPLICATE_ROW,

	/** A numbered row's label stands under another group caption than its own. args: caption. */
	OUT_OF_GROUP,

	/** The table shows no label that only one format has, and {@code --format} was not given. */
	FORMAT_UNDECIDED,

	/** The table's labels are of another format than the report's, or of both. args: evidence. */
	FORMAT_CONFLICT,

	/**
	 * The group is printed as one row, as another format has it. args: the label as printed, its values,
	 * the format.
	 */
	ONE_ROW_GROUP,

	/** A number stated in 总体情况. args: the sentence part. */
	NARR_STATED,

	/** 总体情况 states no such number plainly. */
	NARR_NOT_STATED,

	/** 总体情况 states different numbers for it. args: numbers. */
	NARR_CONFLICT;

	/** The message key of the reason. */
	public String key() {
		return "import.reason." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
