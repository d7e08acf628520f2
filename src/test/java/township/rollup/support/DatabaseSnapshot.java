package township.rollup.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The business content of the database with surrogate ids, times and run numbers replaced by natural
 * keys, so that two databases that went through different histories (a crash and a restart, or a
 * rerun) compare equal exactly when they hold the same submissions, versions, findings and totals.
 */
public final class DatabaseSnapshot {

	private static final String FILE_KEY = "f.report_year || ':' || f.file_name || ':' || f.sha256";

	private static final Map<String, String> QUERIES = new LinkedHashMap<>();

	static {
		// content_ref is left out: where bytes sit in the packs depends on the run that wrote them
		QUERIES.put("received_file", "SELECT " + FILE_KEY + ", f.size_bytes, f.readable, f.encoding, f.format_id, "
				+ "f.meta_unit_name, f.meta_unit_code, f.meta_year, f.meta_format, f.meta_lines, f.reading, f.numbers, "
				+ "f.read_findings, f.reader_fingerprint FROM received_file f");
		QUERIES.put("received_cell", "SELECT " + FILE_KEY + ", c.cell_code, c.line_no, c.raw_text, c.kind, c.num_value "
				+ "FROM received_cell c JOIN received_file f ON f.id = c.received_file_id");
		QUERIES.put("received_note", "SELECT " + FILE_KEY + ", n.seq, n.line_no, n.rule_id, n.note_text "
				+ "FROM received_note n JOIN received_file f ON f.id = n.received_file_id");
		QUERIES.put("submission", "SELECT s.report_year, s.unit_code, s.version, " + FILE_KEY + ", s.format_id, s.status, "
				+ "s.error_count, s.warning_count, s.context_fingerprint, s.superseded_at IS NULL, n.version, s.findings "
				+ "FROM submission s JOIN received_file f ON f.id = s.received_file_id "
				+ "LEFT JOIN submission n ON n.id = s.superseded_by");
		QUERIES.put("finding", "SELECT x.report_year, " + FILE_KEY + ", s.unit_code, s.version, x.unit_code, x.phase, "
				+ "x.seq, x.rule_id, x.severity, x.file_name, x.line_no, x.table_code, x.table_name, x.row_code, "
				+ "x.row_label, x.column_code, x.column_label, x.expected, x.actual, x.delta, x.message_zh, x.message_en "
				+ "FROM finding x LEFT JOIN received_file f ON f.id = x.received_file_id "
				+ "LEFT JOIN submission s ON s.id = x.submission_id");
		QUERIES.put("inbox_finding", "SELECT i.report_year, i.inbox_digest, " + FILE_KEY + ", i.unit_code, i.kind, "
				+ "i.findings FROM inbox_finding i LEFT JOIN received_file f ON f.id = i.received_file_id");
		QUERIES.put("township_status", "SELECT t.report_year, t.unit_code, t.unit_name, t.status, t.reason, s.version, "
				+ "t.error_count, t.warning_count, t.parent_code, t.kind, t.source, t.children_count, t.complete_count "
				+ "FROM township_status t LEFT JOIN submission s ON s.id = t.submission_id");
		QUERIES.put("consolidated_report", "SELECT report_year, unit_code, unit_name, format_id, accepted_count, "
				+ "rejected_count, missing_count, basis_sha256, numbers, source, children_count, complete_count "
				+ "FROM consolidated_report");
		QUERIES.put("consolidated_cell", "SELECT report_year, unit_code, cell_code, num_value, contributors "
				+ "FROM consolidated_cell");
		QUERIES.put("report_year_state", "SELECT report_year, inbox_digest, state FROM report_year_state");
	}

	private DatabaseSnapshot() {
	}

	/** Table name to its rows, each row rendered as text, sorted. */
	public static Map<String, List<String>> of(JdbcTemplate jdbc) {
		Map<String, List<String>> snapshot = new LinkedHashMap<>();
		QUERIES.forEach((table, sql) -> {
			List<String> rows = new ArrayList<>(jdbc.query(sql, (rs, i) -> {
				StringBuilder row = new StringBuilder();
				int columns = rs.getMetaData().getColumnCount();
				for (int c = 1; c <= columns; c++) {
					Object value = rs.getObject(c);
					if (value instanceof BigDecimal d) {
						value = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
					}
					row.append(c == 1 ? "" : " | ").append(value);
				}
				return row.toString();
			}));
			rows.sort(null);
			snapshot.put(table, rows);
		});
		return snapshot;
	}

	/** Empties every table, the job repository's included, children first. */
	public static void clean(JdbcTemplate jdbc) {
		for (String table : List.of("portal_explanation", "finding", "inbox_finding", "received_cell", "received_note", "township_status",
				"consolidated_cell", "consolidated_report", "submission", "received_file", "report_year_event",
				"report_year_state", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
				"BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION",
				"BATCH_JOB_INSTANCE")) {
			jdbc.update("DELETE FROM " + table);
		}
	}

}
