package township.rollup.importer;

/**
 * One piece of the source in reading order.
 *
 * @param kind what the piece is
 * @param text the text as written (for a label joined from pieces, the pieces run together)
 * @param line the line of the file it is on
 * @param row the index of the source line when that line is a table row, -1 for a line of one cell
 * @param exact whether the row is a grid row whose cells all belong to it (HTML, no carried values)
 * @param carried a label spread down from a row above by {@code rowspan}: context, not part of this row
 */
record Token(Kind kind, String text, int line, int row, boolean exact, boolean carried) {

	enum Kind {

		/** A label, header, caption or prose. */
		TEXT,

		/** A value-like text: a number, a marker, or number-like text ({@code 68余}). */
		VALUE,

		/** An explicit empty cell. */
		EMPTY,

		/** The end of a table row. */
		ROW_END

	}

	boolean isText() {
		return kind == Kind.TEXT;
	}

	boolean isSlot() {
		return kind == Kind.VALUE || kind == Kind.EMPTY;
	}

}
