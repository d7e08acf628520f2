package township.rollup.rules;

import township.rollup.submission.TextLimits;

/**
 * The address of a finding: file, physical line, and when it concerns a cell, the table, row and
 * column with their official labels. Unknown parts are null.
 */
public record Where(String fileName, Integer line, String tableCode, String tableName, String rowCode,
		String rowLabel, String columnCode, String columnLabel, String address) {

	/**
	 * Every part is bounded here, once: a file name, or a row code written in a file (ROW-UNKNOWN), can
	 * be anything.
	 */
	public Where {
		fileName = TextLimits.name(fileName);
		rowCode = TextLimits.cut(rowCode, TextLimits.CODE);
		rowLabel = TextLimits.cut(rowLabel, TextLimits.WRITTEN_LABEL);
		columnCode = TextLimits.cut(columnCode, TextLimits.CODE);
		columnLabel = TextLimits.cut(columnLabel, TextLimits.WRITTEN_LABEL);
		address = TextLimits.cut(address, TextLimits.CODE);
	}

	/** An address in a CSV file: the line is the address. */
	public Where(String fileName, Integer line, String tableCode, String tableName, String rowCode, String rowLabel,
			String columnCode, String columnLabel) {
		this(fileName, line, tableCode, tableName, rowCode, rowLabel, columnCode, columnLabel, null);
	}

	public static Where file(String fileName) {
		return new Where(fileName, null, null, null, null, null, null, null, null);
	}

	public Where atLine(Integer lineNumber) {
		return new Where(fileName, lineNumber, tableCode, tableName, rowCode, rowLabel, columnCode, columnLabel, address);
	}

	public Where row(String tableCode, String tableName, String rowCode, String rowLabel) {
		return new Where(fileName, line, tableCode, tableName, rowCode, rowLabel, null, null, address);
	}

	public Where column(String columnCode, String columnLabel) {
		return new Where(fileName, line, tableCode, tableName, rowCode, rowLabel, columnCode, columnLabel, address);
	}

	/**
	 * The cell's address where the file has one beside its line: a workbook's sheet and cell, such as
	 * {@code 表三!D12}.
	 */
	public Where at(String cellAddress) {
		return new Where(fileName, line, tableCode, tableName, rowCode, rowLabel, columnCode, columnLabel, cellAddress);
	}

	public String cellCode() {
		if (rowCode == null) {
			return null;
		}
		return columnCode == null ? rowCode : rowCode + "." + columnCode;
	}

}
