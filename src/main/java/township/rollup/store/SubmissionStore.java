package township.rollup.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import township.rollup.assessment.Assessment;
import township.rollup.assessment.Verdict;

/**
 * Versions of a township's submission for a year. The current version is the one not superseded; a new
 * version supersedes it and both are kept, so {@code history} can show every version with its findings.
 */
@Repository
public class SubmissionStore {

	private static final String SELECT = "SELECT s.id, s.report_year, s.unit_code, s.version, s.received_file_id, "
			+ "s.format_id, s.status, s.error_count, s.warning_count, s.context_fingerprint, s.created_at, "
			+ "s.assessed_at, s.superseded_at, s.job_execution_id, s.open_warning_count, f.file_name, f.sha256, f.size_bytes, "
			+ "f.encoding "
			+ "FROM submission s JOIN received_file f ON f.id = s.received_file_id ";

	private final JdbcTemplate jdbc;

	private final FindingStore findings;

	public SubmissionStore(JdbcTemplate jdbc, FindingStore findings) {
		this.jdbc = jdbc;
		this.findings = findings;
	}

	/** One version, with the file it came from. */
	public record Version(long id, int year, String unitCode, int version, long receivedFileId, String formatId,
			Verdict status, int errorCount, int warningCount, int openWarningCount, String contextFingerprint,
			Instant createdAt, Instant assessedAt, Instant supersededAt, long jobExecutionId, String fileName,
			String sha256, long sizeBytes, String encoding) {

		public boolean isCurrent() {
			return supersededAt == null;
		}

	}

	public Optional<Version> current(int year, String unitCode) {
		return jdbc
			.query(SELECT + "WHERE s.report_year = ? AND s.unit_code = ? AND s.superseded_at IS NULL", SubmissionStore::map,
					year, unitCode)
			.stream()
			.findFirst();
	}

	public Optional<Version> byId(long id) {
		return jdbc.query(SELECT + "WHERE s.id = ?", SubmissionStore::map, id).stream().findFirst();
	}

	/** Every version of a township for a year, oldest first. */
	public List<Version> history(int year, String unitCode) {
		return jdbc.query(SELECT + "WHERE s.report_year = ? AND s.unit_code = ? ORDER BY s.version", SubmissionStore::map,
				year, unitCode);
	}

	/** Adds a version from a received file and makes it current, superseding the previous one. */
	public long addVersion(int year, String unitCode, long receivedFileId, String formatId, Assessment assessment,
			String fingerprint, Instant now, long jobExecutionId) {
		Optional<Version> previous = current(year, unitCode);
		int number = jdbc.queryForObject(
				"SELECT COALESCE(MAX(version), 0) + 1 FROM submission WHERE report_year = ? AND unit_code = ?",
				Integer.class, year, unitCode);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("INSERT INTO submission (report_year, unit_code, version, received_file_id, "
					+ "format_id, status, error_count, warning_count, context_fingerprint, created_at, assessed_at, "
					+ "job_execution_id, open_warning_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			ps.setInt(1, year);
			ps.setString(2, unitCode);
			ps.setInt(3, number);
			ps.setLong(4, receivedFileId);
			ps.setString(5, formatId);
			ps.setString(6, assessment.verdict().name());
			ps.setInt(7, assessment.errorCount());
			ps.setInt(8, assessment.warningCount());
			ps.setString(9, fingerprint);
			ps.setTimestamp(10, Timestamp.from(now));
			ps.setTimestamp(11, Timestamp.from(now));
			ps.setLong(12, jobExecutionId);
			ps.setInt(13, assessment.openWarningCount());
			return ps;
		}, key);
		long id = key.getKey().longValue();
		previous.ifPresent(p -> jdbc.update("UPDATE submission SET superseded_at = ?, superseded_by = ? WHERE id = ?",
				Timestamp.from(now), id, p.id()));
		findings.insert(year, receivedFileId, id, unitCode, FindingStore.Phase.ASSESS, assessment.findings());
		return id;
	}

	/** Replaces the verdict and findings of the current version when what it depends on has changed. */
	public void reassess(Version version, Assessment assessment, String fingerprint, Instant now) {
		findings.deleteOfSubmission(version.id());
		jdbc.update("UPDATE submission SET status = ?, error_count = ?, warning_count = ?, open_warning_count = ?, "
				+ "context_fingerprint = ?, assessed_at = ? WHERE id = ?", assessment.verdict().name(),
				assessment.errorCount(), assessment.warningCount(), assessment.openWarningCount(), fingerprint,
				Timestamp.from(now), version.id());
		findings.insert(version.year(), version.receivedFileId(), version.id(), version.unitCode(),
				FindingStore.Phase.ASSESS, assessment.findings());
	}

	/** The most recent accepted version of a township for a year, current or not. */
	public Optional<Version> latestAccepted(int year, String unitCode) {
		return jdbc
			.query(SELECT + "WHERE s.report_year = ? AND s.unit_code = ? AND s.status = 'ACCEPTED' "
					+ "ORDER BY s.version DESC", SubmissionStore::map, year, unitCode)
			.stream()
			.findFirst();
	}

	/**
	 * Identifies the accepted versions of a year: cross-year rules of the next year depend on them, so a
	 * late correction of last year makes this year be assessed again.
	 */
	public String acceptedFingerprint(int year) {
		StringBuilder text = new StringBuilder();
		jdbc.query("SELECT unit_code, MAX(version) FROM submission WHERE report_year = ? AND status = 'ACCEPTED' "
				+ "GROUP BY unit_code ORDER BY unit_code", rs -> {
					text.append(rs.getString(1)).append(':').append(rs.getInt(2)).append('\n');
				}, year);
		return township.rollup.ingest.Inbox.sha256Hex(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	static Version map(ResultSet rs, int row) throws SQLException {
		return new Version(rs.getLong("id"), rs.getInt("report_year"), rs.getString("unit_code"), rs.getInt("version"),
				rs.getLong("received_file_id"), rs.getString("format_id"), Verdict.valueOf(rs.getString("status")),
				rs.getInt("error_count"), rs.getInt("warning_count"), rs.getInt("open_warning_count"),
				rs.getString("context_fingerprint"),
				instant(rs, "created_at"), instant(rs, "assessed_at"), instant(rs, "superseded_at"),
				rs.getLong("job_execution_id"), rs.getString("file_name"), rs.getString("sha256"),
				rs.getLong("size_bytes"), rs.getString("encoding"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
