package township.rollup.reportformat;

/** One value cell of the template, addressed as {@code row.column}, for example {@code T3.r1.np}. */
public record CellDef(String code, RowDef row, ColumnDef column, int position) {

	public CellType type() {
		return column.type();
	}

	public String tableCode() {
		return row.tableCode();
	}

}
