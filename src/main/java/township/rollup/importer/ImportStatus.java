package township.rollup.importer;

/** What the import found for one cell of the format. */
public enum ImportStatus {

	/** A number of the column's type, at the recorded line. */
	VALUE,

	/** A not-applicable marker ({@code /}, {@code —}) where the format wants a value. */
	NA,

	/** The cell is there and empty. */
	BLANK,

	/** The row is not in the text, has no cells, or the text ends before its values. */
	NOT_FOUND,

	/** The row is there, but its values cannot be placed in its columns without guessing. */
	AMBIGUOUS,

	/** Text that is not a number of the column's type ({@code 68余}, {@code 251000元}): kept as written. */
	UNREADABLE,

	/**
	 * Found, but with no place in this format: a 2021-format report printing （六）其他处理 as one row, as
	 * the 2019 format has it, is not divided among the three 2021 rows, which stay unfilled.
	 */
	NO_PLACE;

	/** A status that puts the text of the page into the submission. */
	public boolean placesText() {
		return this == VALUE || this == NA || this == UNREADABLE;
	}

}
