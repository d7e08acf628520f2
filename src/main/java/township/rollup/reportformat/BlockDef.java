package township.rollup.reportformat;

import java.util.List;

/**
 * A block of a table as the official template draws it: a title, a column set, and lines that are
 * either data rows or group captions (rows that carry no numbers, such as {@code （三）不予公开}).
 */
public record BlockDef(String title, String columnSet, List<ColumnDef> columns, List<Line> lines) {

	/** A line of the block: a data row, or a caption when {@code row} is null. */
	public record Line(RowDef row, String caption) {

		public boolean isCaption() {
			return row == null;
		}

	}

}
