package township.rollup.importer;

import java.util.List;

/**
 * One line of the source as the importer sees it: its number in the file, how its cells are laid out,
 * the cells, and the whole text (for the sentences of 总体情况).
 *
 * @param number the line number in the file, from 1
 * @param layout how the cells of the line relate to the table
 * @param fields the cells, in order; for {@link Layout#CELL} a single one (or none for a bare {@code |})
 * @param text the line as written
 */
record SourceLine(int number, Layout layout, List<Field> fields, String text) {

	enum Layout {

		/**
		 * One cell (or a run of {@code |} separators) per line: the page was copied cell by cell, so rows
		 * exist only in the order of labels and values.
		 */
		CELL,

		/**
		 * A row of a table copied as text, cells separated by tabs or {@code |}. Empty cells may be filler
		 * of merged cells, so their positions prove nothing.
		 */
		ROW,

		/** A row of an HTML table after {@code rowspan}/{@code colspan} are expanded: every cell is explicit. */
		GRID

	}

	/**
	 * A cell as written. {@code carried} marks a cell of an HTML grid that belongs to a row above, spread
	 * down by {@code rowspan}: it gives context (a group caption) but is not part of this row's values.
	 */
	record Field(String text, int line, boolean carried) {

		Field(String text, int line) {
			this(text, line, false);
		}

	}

}
