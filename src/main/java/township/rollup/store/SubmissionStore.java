package township.rollup.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import township.rollup.assessment.Assessment;
import township.rollup.assessment.Verdict;
import township.rollup.bytes.Sha256;
import township.rollup.rules.FindingCodec;

/**
 * Versions of a unit's submission for a year. The current version is the one not superseded; a new
 * version supersedes it and both are kept, so {@code history} can show every version with its findings.
 * A version's findings are one encoded value in its row.
 */
@Repository
public class SubmissionStore {

	private static final String SELECT = "SELECT s.id, s.report_year, s.unit_code, s.version, s.received_file_id, "
			+ "s.format_id, s.status, s.error_count, s.warning_count, s.context_fingerprint, s.created_at, "
			+ "s.assessed_at, s.superseded_at, s.job_execution_id, s.open_warning_count, f.file_name, f.sha256, f.size_bytes, "
			+ "f.encoding "
			+ "FROM submission s JOIN received_file f ON f.id = s.received_file_id ";

	/** The lookups of a batch of units of one year; {@code %s} is {@link #forEachUnitBatch}'s list of pairs. */
	static final String CURRENT_OF = SELECT + "WHERE (s.report_year, s.unit_code) IN (%s) AND s.superseded_at IS NULL";

	static final String LAST_NUMBERS = "SELECT unit_code, MAX(version) FROM submission "
			+ "WHERE (report_year, unit_code) IN (%s) GROUP BY unit_code";

	static final String LATEST_ACCEPTED_OF = "SELECT s.id, s.unit_code, s.version, s.received_file_id, "
			+ "f.format_id, f.numbers FROM submission s JOIN received_file f ON f.id = s.received_file_id "
			+ "WHERE (s.report_year, s.unit_code) IN (%s) AND s.status = 'ACCEPTED'";

	static final String VERSION_IDS = "SELECT id, unit_code, version FROM submission WHERE (report_year, unit_code) IN (%s)";

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

	/** A new version to add: the unit's current one (superseded by it) and its number. */
	public record NewVersion(String unitCode, long receivedFileId, String formatId, Assessment assessment,
			String fingerprint, Long supersedes, int number) {
	}

	public Optional<Version> current(int year, String unitCode) {
		return jdbc
			.query(SELECT + "WHERE s.report_year = ? AND s.unit_code = ? AND s.superseded_at IS NULL", SubmissionStore::map,
					year, unitCode)
			.stream()
			.findFirst();
	}

	/** The current version of each of these units that has one. */
	public Map<String, Version> currentOf(int year, Collection<String> unitCodes) {
		Map<String, Version> out = new HashMap<>();
		forEachUnitBatch(year, unitCodes, (in, args) -> jdbc.query(
				CURRENT_OF.formatted(in),
				rs -> {
					Version v = map(rs, 0);
					out.put(v.unitCode(), v);
				}, args));
		return out;
	}

	/** The highest version number of each of these units that has one. */
	public Map<String, Integer> lastNumbers(int year, Collection<String> unitCodes) {
		Map<String, Integer> out = new HashMap<>();
		forEachUnitBatch(year, unitCodes, (in, args) -> jdbc.query(LAST_NUMBERS.formatted(in),
				rs -> {
					out.put(rs.getString(1), rs.getInt(2));
				}, args));
		return out;
	}

	/** A unit's most recent accepted version of a year, with the numbers and reading of its file. */
	public record Accepted(long id, String unitCode, int version, long receivedFileId, String formatId, String numbers) {
	}

	/** The most recent accepted version of each of these units (for last year's cross-year rules). */
	public Map<String, Accepted> latestAcceptedOf(int year, Collection<String> unitCodes) {
		Map<String, Accepted> out = new HashMap<>();
		forEachUnitBatch(year, unitCodes, (in, args) -> jdbc.query(LATEST_ACCEPTED_OF.formatted(in), rs -> {
					Accepted a = new Accepted(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
							rs.getString(5), rs.getString(6));
					out.merge(a.unitCode(), a, (x, y) -> x.version() >= y.version() ? x : y);
				}, args));
		return out;
	}

	interface Batch {

		void run(String placeholders, Object[] args);

	}

	static void forEachBatch(Collection<String> keys, Batch batch) {
		List<String> list = List.copyOf(keys);
		for (int from = 0; from < list.size(); from += ReceivedFileStore.IN_BATCH) {
			List<String> part = list.subList(from, Math.min(list.size(), from + ReceivedFileStore.IN_BATCH));
			batch.run(String.join(",", Collections.nCopies(part.size(), "?")), part.toArray());
		}
	}

	/**
	 * Like {@link #forEachBatch}, for the units of one year, as {@code (report_year, unit_code) IN ((?, ?), …)}.
	 * Written as {@code report_year = ? AND unit_code IN (…)}, HSQLDB keys its index on the year alone and
	 * filters every submission of the year for each batch (measured: a 40,000-unit assess step went from
	 * linear to quadratic); as pairs, it probes the (report_year, unit_code) index once per unit.
	 */
	static void forEachUnitBatch(int year, Collection<String> unitCodes, Batch batch) {
		forEachBatch(unitCodes, (in, codes) -> {
			Object[] args = new Object[codes.length * 2];
			for (int i = 0; i < codes.length; i++) {
				args[2 * i] = year;
				args[2 * i + 1] = codes[i];
			}
			batch.run(String.join(",", Collections.nCopies(codes.length, "(?, ?)")), args);
		});
	}

	public Optional<Version> byId(long id) {
		return jdbc.query(SELECT + "WHERE s.id = ?", SubmissionStore::map, id).stream().findFirst();
	}

	/** Every version of a unit for a year, oldest first. */
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
			var ps = con.prepareStatement(INSERT, new String[] { "id" });
			bind(ps, year, new NewVersion(unitCode, receivedFileId, formatId, assessment, fingerprint, null, number), now,
					jobExecutionId);
			return ps;
		}, key);
		long id = key.getKey().longValue();
		previous.ifPresent(p -> jdbc.update("UPDATE submission SET superseded_at = ?, superseded_by = ? WHERE id = ?",
				Timestamp.from(now), id, p.id()));
		return id;
	}

	private static final String INSERT = "INSERT INTO submission (report_year, unit_code, version, received_file_id, "
			+ "format_id, status, error_count, warning_count, context_fingerprint, created_at, assessed_at, "
			+ "job_execution_id, open_warning_count, findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static void bind(java.sql.PreparedStatement ps, int year, NewVersion v, Instant now, long jobExecutionId)
			throws SQLException {
		ps.setInt(1, year);
		ps.setString(2, v.unitCode());
		ps.setInt(3, v.number());
		ps.setLong(4, v.receivedFileId());
		ps.setString(5, v.formatId());
		ps.setString(6, v.assessment().verdict().name());
		ps.setInt(7, v.assessment().errorCount());
		ps.setInt(8, v.assessment().warningCount());
		ps.setString(9, v.fingerprint());
		ps.setTimestamp(10, Timestamp.from(now));
		ps.setTimestamp(11, Timestamp.from(now));
		ps.setLong(12, jobExecutionId);
		ps.setInt(13, v.assessment().openWarningCount());
		ps.setString(14, FindingCodec.encode(v.assessment().findings()));
	}

	/**
	 * Adds new versions in one batch, each superseding its unit's current one, and returns their ids by
	 * unit code.
	 */
	public Map<String, Long> addVersions(int year, List<NewVersion> versions, Instant now, long jobExecutionId) {
		Map<String, Long> ids = new HashMap<>();
		if (versions.isEmpty()) {
			return ids;
		}
		jdbc.batchUpdate(INSERT, versions, versions.size(), (ps, v) -> bind(ps, year, v, now, jobExecutionId));
		Map<String, Integer> numbers = new HashMap<>();
		versions.forEach(v -> numbers.put(v.unitCode(), v.number()));
		forEachUnitBatch(year, numbers.keySet(), (in, args) -> jdbc.query(VERSION_IDS.formatted(in), rs -> {
					if (numbers.get(rs.getString(2)) == rs.getInt(3)) {
						ids.put(rs.getString(2), rs.getLong(1));
					}
				}, args));
		List<Object[]> superseded = new ArrayList<>();
		for (NewVersion v : versions) {
			if (v.supersedes() != null) {
				superseded.add(new Object[] { Timestamp.from(now), ids.get(v.unitCode()), v.supersedes() });
			}
		}
		if (!superseded.isEmpty()) {
			jdbc.batchUpdate("UPDATE submission SET superseded_at = ?, superseded_by = ? WHERE id = ?", superseded);
		}
		return ids;
	}

	/** Replaces the verdict and findings of the current version when what it depends on has changed. */
	public void reassess(Version version, Assessment assessment, String fingerprint, Instant now) {
		findings.deleteLegacyOfSubmission(version.id());
		jdbc.update("UPDATE submission SET status = ?, error_count = ?, warning_count = ?, open_warning_count = ?, "
				+ "context_fingerprint = ?, assessed_at = ?, findings = ? WHERE id = ?", assessment.verdict().name(),
				assessment.errorCount(), assessment.warningCount(), assessment.openWarningCount(), fingerprint,
				Timestamp.from(now), FindingCodec.encode(assessment.findings()), version.id());
	}

	/** A file a year's board rests on. */
	public record Input(String unitCode, String fileName, String sha256) {
	}

	/** The file of every unit's current version on the year's board, in one query. */
	public List<Input> currentInputs(int year) {
		return jdbc.query("SELECT t.unit_code, f.file_name, f.sha256 FROM township_status t JOIN submission s "
				+ "ON s.id = t.submission_id JOIN received_file f ON f.id = s.received_file_id WHERE t.report_year = ? "
				+ "ORDER BY t.unit_code", (rs, i) -> new Input(rs.getString(1).strip(), rs.getString(2), rs.getString(3)),
				year);
	}

	/** An accepted current version as the rollup sums it: the unit, the version, its file and numbers. */
	public record Summed(String unitCode, int version, String sha256, String formatId, String numbers,
			long receivedFileId) {
	}

	/** Rows per page of {@link #forEachAccepted} ({@link Keyset}); smaller in tests of the page edges. */
	private int pageSize = Keyset.PAGE_SIZE;

	void pageSize(int size) {
		this.pageSize = size;
	}

	/** A page of the board's accepted units: each with its version and file, without the numbers. */
	static final String ACCEPTED_PAGE = "SELECT t.unit_code, s.version, f.sha256, f.format_id, f.id FROM township_status t "
			+ "JOIN submission s ON s.id = t.submission_id JOIN received_file f ON f.id = s.received_file_id "
			+ "WHERE t.report_year = ? AND t.status = 'ACCEPTED' AND t.reason IS NULL AND t.unit_code > ? "
			+ "ORDER BY t.report_year, t.unit_code LIMIT ?";

	/**
	 * The accepted current version of every unit on the year's board, in unit-code order, read a page of
	 * units at a time ({@link Keyset}): a nation is summed with a page of numbers in memory.
	 */
	public void forEachAccepted(int year, java.util.function.Consumer<Summed> sink) {
		Keyset.forEachPage(pageSize, (after, size) -> jdbc.query(ACCEPTED_PAGE,
				(rs, i) -> new Summed(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), null,
						rs.getLong(5)),
				year, after == null ? "" : after, size), Summed::unitCode, page -> {
					Map<Long, String> numbers = new HashMap<>();
					jdbc.query("SELECT id, numbers FROM received_file WHERE id IN (" + Keyset.marks(page.size()) + ")",
							rs -> {
							numbers.put(rs.getLong(1), rs.getString(2));
						},
							page.stream().map(Summed::receivedFileId).toArray());
					page.forEach(a -> sink.accept(new Summed(a.unitCode().strip(), a.version(), a.sha256(),
							a.formatId(), numbers.get(a.receivedFileId()), a.receivedFileId())));
				});
	}

	/** The most recent accepted version of a unit for a year, current or not. */
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
		Sha256 digest = Sha256.start();
		jdbc.query("SELECT unit_code, MAX(version) FROM submission WHERE report_year = ? AND status = 'ACCEPTED' "
				+ "GROUP BY unit_code ORDER BY unit_code", rs -> {
					digest.add(rs.getString(1) + ':' + rs.getInt(2) + '\n');
				}, year);
		return digest.hex();
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
