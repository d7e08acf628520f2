package township.rollup.importer;

import java.util.List;

import township.rollup.reportformat.RowDef;

/**
 * A row's label seen in the text, with the cells that follow it up to the next label or the end of its
 * table row.
 *
 * @param row the row of the format the label is
 * @param labelLine the line of the label
 * @param labelRow the source row of the label, -1 when the label stands alone on its line
 * @param slots the values and empty cells after the label, in order
 * @param openAtEnd whether the text ended while the row was still being read
 * @param shortenedLabel the label as printed when it matched the row only with characters lost
 *        ({@link RowIndex#matchShortened}), else null
 */
record RowSighting(RowDef row, int labelLine, int labelRow, List<Token> slots, boolean openAtEnd,
		String shortenedLabel) {

	RowSighting {
		slots = List.copyOf(slots);
	}

}
