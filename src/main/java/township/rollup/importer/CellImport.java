package township.rollup.importer;

import java.util.List;

/**
 * What the import found for one cell of the format (or one {@code NARR.*} number).
 *
 * @param code the cell code, for example {@code T3.r1.np}
 * @param tableName the table's name ({@code 表三}), or {@code 总体情况}
 * @param rowLabel the official row label
 * @param columnLabel the official column label, with its group ({@code 法人或其他组织·商业企业})
 * @param status what was found
 * @param text the text as found (for a placed value, exactly as it stands at its line)
 * @param lines the source lines the status rests on, ascending
 * @param reason why, as a stable code
 * @param args the reason's particulars, for its message
 */
public record CellImport(String code, String tableName, String rowLabel, String columnLabel, ImportStatus status,
		String text, List<Integer> lines, Reason reason, List<String> args) {

	public CellImport {
		lines = List.copyOf(lines);
		args = List.copyOf(args);
	}

	/** The text for the submission: the number, a marker or unreadable text as written, else blank. */
	public String submissionText() {
		return status.placesText() ? ValueText.submissionText(text, status) : "";
	}

}
