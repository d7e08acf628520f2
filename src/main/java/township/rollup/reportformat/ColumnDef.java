package township.rollup.reportformat;

/**
 * One value column of a block. {@code group} is the merged header above the column, for example
 * {@code 法人或其他组织} or {@code 行政诉讼·复议后起诉}; it is empty when the column has none.
 */
public record ColumnDef(String code, String label, String group, CellType type, String unit, int scale) {

	/** The label a clerk sees in a message: the group and the column label. */
	public String displayLabel() {
		return group.isEmpty() ? label : group + "·" + label;
	}

}
