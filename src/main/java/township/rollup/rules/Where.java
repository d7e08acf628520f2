package township.rollup.rules;

/**
 * The address of a finding: file, physical line, and when it concerns a cell, the table, row and
 * column with their official labels. Unknown parts are null.
 */
public record Where(String fileName, Integer line, String tableCode, String tableName, String rowCode,
		String rowLabel, String columnCode, String columnLabel) {

	public static Where file(String fileName) {
		return new Where(fileName, null, null, null, null, null, null, null);
	}

	public Where atLine(Integer lineNumber) {
		return new Where(fileName, lineNumber, tableCode, tableName, rowCode, rowLabel, columnCode, columnLabel);
	}

	public Where row(String tableCode, String tableName, String rowCode, String rowLabel) {
		return new Where(fileName, line, tableCode, tableName, rowCode, rowLabel, null, null);
	}

	public Where column(String columnCode, String columnLabel) {
		return new Where(fileName, line, tableCode, tableName, rowCode, rowLabel, columnCode, columnLabel);
	}

	public String cellCode() {
		if (rowCode == null) {
			return null;
		}
		return columnCode == null ? rowCode : rowCode + "." + columnCode;
	}

}
