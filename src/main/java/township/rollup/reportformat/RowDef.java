package township.rollup.reportformat;

import java.util.List;

/** One data row of a table: its stable code, its exact official label and its value columns. */
public record RowDef(String code, String label, String tableCode, String blockTitle, List<ColumnDef> columns) {

	public String cellCode(ColumnDef column) {
		return code + "." + column.code();
	}

	public String normalizedLabel() {
		return Labels.normalize(label);
	}

}
