package township.rollup.ingest;

import org.apache.poi.ss.util.CellReference;

/**
 * Where a grid cell of a workbook came from and what Excel made of it: its sheet, row and column (the
 * address {@code 表三!D12}), the kind of cell, the formula when there is one, and the merged range it
 * lies in. A CSV cell has no origin: its text is all there is.
 *
 * @param row the row, counted from 0 as POI does (the address shows it from 1)
 * @param column the column, counted from 0
 * @param detail the formula (without {@code =}) of a formula cell, else null
 * @param merged the merged range the cell lies in ({@code 表三!D12:E12}), else null
 */
record CellOrigin(String sheet, int row, int column, Kind kind, String detail, String merged) {

	/** What the cell is in the workbook. The grid's text is the value as the CSV path would see it. */
	enum Kind {

		/** Nothing in it. */
		BLANK,

		/** A number in a cell formatted as a number (General included). */
		NUMBER,

		/** Text; a number stored as text is text here, and the parser says so. */
		TEXT,

		/** TRUE or FALSE. */
		BOOLEAN,

		/** A formula whose result the file saved: the text is that result. */
		FORMULA,

		/** A formula whose result the file did not save (WPS, generators): there is no value. */
		FORMULA_UNCACHED,

		/** A number formatted as a date, what Excel makes of {@code 1-2}: the text is the date as shown. */
		DATE,

		/** An error value ({@code #REF!}), typed or the result of a formula: the text is the error. */
		ERROR

	}

	/** The address as Excel writes it, the sheet quoted only when its name needs it: {@code 表三!D12}. */
	String address() {
		return new CellReference(sheet, row, column, false, false).formatAsString();
	}

	/** The blank cell {@code offset} columns to the right, for positions beyond a row's last cell. */
	CellOrigin blankRight(int offset) {
		return new CellOrigin(sheet, row, column + offset, Kind.BLANK, null, null);
	}

	CellOrigin withMerged(String range) {
		return new CellOrigin(sheet, row, column, kind, detail, range);
	}

}
