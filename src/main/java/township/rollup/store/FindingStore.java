package township.rollup.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;

/** Findings, owned by a received file (phases READ and INBOX) or by a version (phase ASSESS). */
@Repository
public class FindingStore {

	/** Why a finding exists: reading a file, assessing a version, or the state of the inbox. */
	public enum Phase {

		READ, ASSESS, INBOX

	}

	static final String COLUMNS = "rule_id, severity, file_name, line_no, table_code, table_name, row_code, row_label, "
			+ "column_code, column_label, expected, actual, delta, message_zh, message_en, explanation";

	/** The same columns of the finding table aliased {@code f}, for joins. */
	static final String F_COLUMNS = "f." + COLUMNS.replace(", ", ", f.");

	private final JdbcTemplate jdbc;

	public FindingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(int year, Long receivedFileId, Long submissionId, String unitCode, Phase phase,
			List<Finding> findings) {
		if (findings.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		int seq = 0;
		for (Finding f : findings) {
			Where w = f.where();
			rows.add(new Object[] { year, receivedFileId, submissionId, unitCode, phase.name(), seq++, f.ruleId(),
					f.severity().name(), w.fileName(), w.line(), w.tableCode(), w.tableName(), w.rowCode(),
					w.rowLabel(), w.columnCode(), w.columnLabel(), f.expected(), f.actual(), f.delta(), f.messageZh(),
					f.messageEn(), f.explanation() });
		}
		jdbc.batchUpdate("INSERT INTO finding (report_year, received_file_id, submission_id, unit_code, phase, seq, "
				+ COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	public List<Finding> ofFile(long receivedFileId, Phase phase) {
		return jdbc.query("SELECT " + COLUMNS + " FROM finding WHERE received_file_id = ? AND phase = ? "
				+ "AND submission_id IS NULL ORDER BY seq", FindingStore::map, receivedFileId, phase.name());
	}

	public List<Finding> ofSubmission(long submissionId) {
		return jdbc.query("SELECT " + COLUMNS + " FROM finding WHERE submission_id = ? ORDER BY seq", FindingStore::map,
				submissionId);
	}

	public void deleteOfSubmission(long submissionId) {
		jdbc.update("DELETE FROM finding WHERE submission_id = ?", submissionId);
	}

	public void deleteOfFile(long receivedFileId, Phase phase) {
		jdbc.update("DELETE FROM finding WHERE received_file_id = ? AND phase = ? AND submission_id IS NULL",
				receivedFileId, phase.name());
	}

	/** A finding and the unit it concerns (null for a file no unit could be found for). */
	public record Owned(String unitCode, Finding finding) {
	}

	/**
	 * The findings that stand for a year now: those of every township's current version (reading its file,
	 * then assessing it), then those about the inbox last assessed (conflicts, files of no known unit, with
	 * the reading findings of the latter), in unit-code order.
	 */
	public List<Owned> standing(int year) {
		List<Owned> out = new ArrayList<>();
		String prefix = "SELECT t.unit_code AS owner, f.phase, f.seq, " + F_COLUMNS + " FROM township_status t "
				+ "JOIN submission s ON s.id = t.submission_id ";
		jdbc.query(prefix + "JOIN finding f ON f.received_file_id = s.received_file_id AND f.phase = 'READ' "
				+ "AND f.submission_id IS NULL WHERE t.report_year = ? AND t.reason IS NULL "
				+ "UNION ALL " + prefix + "JOIN finding f ON f.submission_id = s.id "
				+ "WHERE t.report_year = ? AND t.reason IS NULL ORDER BY owner, phase DESC, seq", rs -> {
					out.add(new Owned(rs.getString("owner"), map(rs, 0)));
				}, year, year);
		String inbox = "FROM finding f JOIN received_file r ON r.id = f.received_file_id "
				+ "JOIN report_year_state y ON y.report_year = r.report_year AND y.inbox_digest = r.last_seen_digest "
				+ "WHERE f.report_year = ? ";
		jdbc.query("SELECT f.unit_code AS owner, f.received_file_id, f.phase, f.seq, " + F_COLUMNS + " " + inbox
				+ "AND (f.phase = 'INBOX' OR (f.phase = 'READ' AND f.received_file_id IN (SELECT u.received_file_id "
				+ "FROM finding u WHERE u.phase = 'INBOX' AND u.rule_id = 'FILE-UNATTRIBUTED'))) "
				+ "ORDER BY CASE WHEN f.unit_code IS NULL THEN 1 ELSE 0 END, owner, r.file_name, f.phase, f.seq", rs -> {
					out.add(new Owned(rs.getString("owner"), map(rs, 0)));
				}, year);
		return out;
	}

	static Finding map(ResultSet rs, int row) throws SQLException {
		Where where = new Where(rs.getString("file_name"), (Integer) rs.getObject("line_no", Integer.class),
				rs.getString("table_code"), rs.getString("table_name"), rs.getString("row_code"),
				rs.getString("row_label"), rs.getString("column_code"), rs.getString("column_label"));
		return new Finding(rs.getString("rule_id"), Severity.valueOf(rs.getString("severity")), where,
				decimal(rs, "expected"), decimal(rs, "actual"), decimal(rs, "delta"), rs.getString("message_zh"),
				rs.getString("message_en"), rs.getString("explanation"));
	}

	static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		if (value == null) {
			return null;
		}
		// 40.0000 → 40, never 4E+1
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}
