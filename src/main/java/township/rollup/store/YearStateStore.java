package township.rollup.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A report year's state: the inbox last assessed, and whether the year is open or finalized, with the
 * log of who finalized or reopened it, when and why, and the hashes of a finalized year's files.
 */
@Repository
public class YearStateStore {

	/** OPEN while submissions may change; FINAL once the annual run froze the year. */
	public enum State {

		OPEN, FINAL

	}

	public record YearState(int year, String inboxDigest, Instant assessedAt, State state, Instant changedAt,
			String finalDigest, Long finalJobExecutionId) {
	}

	/** One entry of the year's log. */
	public record Event(int year, String event, String actor, String reason, Instant occurredAt, Long jobExecutionId) {
	}

	/** A file a finalized year rests on (INPUT) or produced (OUTPUT). */
	public record ManifestEntry(String kind, String name, String unitCode, String sha256) {

		/** A submission file the year rests on. */
		public static final String INPUT = "INPUT";

		/** A file the finalizing run wrote. */
		public static final String OUTPUT = "OUTPUT";

		/** The order of the list and of manifest.csv: kind (INPUT, OUTPUT), then name, by code point. */
		public static final java.util.Comparator<ManifestEntry> ORDER = java.util.Comparator
			.comparing(ManifestEntry::kind)
			.thenComparing(ManifestEntry::name);

	}

	private final JdbcTemplate jdbc;

	/** Each change of a year's state and its log entry: both or neither. */
	private final TransactionTemplate atomically;

	public YearStateStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
		this.jdbc = jdbc;
		this.atomically = new TransactionTemplate(tx);
	}

	public Optional<YearState> get(int year) {
		return jdbc.query("SELECT * FROM report_year_state WHERE report_year = ?", (rs, i) -> {
			Timestamp assessed = rs.getTimestamp("assessed_at");
			return new YearState(year, rs.getString("inbox_digest"), assessed == null ? null : assessed.toInstant(),
					State.valueOf(rs.getString("state")), rs.getTimestamp("changed_at").toInstant(),
					rs.getString("final_digest"), (Long) rs.getObject("final_job_execution_id", Long.class));
		}, year).stream().findFirst();
	}

	public boolean isFinal(int year) {
		return get(year).map(s -> s.state() == State.FINAL).orElse(false);
	}

	public void assessed(int year, String inboxDigest, Instant now) {
		int updated = jdbc.update("UPDATE report_year_state SET inbox_digest = ?, assessed_at = ? WHERE report_year = ?",
				inboxDigest, Timestamp.from(now), year);
		if (updated == 0) {
			jdbc.update("INSERT INTO report_year_state (report_year, inbox_digest, assessed_at, state, changed_at) "
					+ "VALUES (?, ?, ?, ?, ?)", year, inboxDigest, Timestamp.from(now), State.OPEN.name(),
					Timestamp.from(now));
		}
	}

	/** Freezes the year on the inputs of {@code digest}, with the files it rests on and produced. */
	public void finalizeYear(int year, String digest, long jobExecutionId, String actor, List<ManifestEntry> manifest,
			Instant now) {
		atomically.executeWithoutResult(status -> finalizeNow(year, digest, jobExecutionId, actor, manifest, now));
	}

	private void finalizeNow(int year, String digest, long jobExecutionId, String actor, List<ManifestEntry> manifest,
			Instant now) {
		jdbc.update("UPDATE report_year_state SET state = ?, changed_at = ?, final_digest = ?, "
				+ "final_job_execution_id = ? WHERE report_year = ?", State.FINAL.name(), Timestamp.from(now), digest,
				jobExecutionId, year);
		jdbc.update("DELETE FROM year_manifest WHERE report_year = ?", year);
		List<Object[]> rows = new ArrayList<>();
		for (ManifestEntry e : manifest) {
			rows.add(new Object[] { year, e.kind(), e.name(), e.unitCode(), e.sha256() });
		}
		jdbc.batchUpdate("INSERT INTO year_manifest (report_year, kind, name, unit_code, sha256) VALUES (?, ?, ?, ?, ?)",
				rows);
		event(year, "FINALIZE", actor, null, jobExecutionId, now);
	}

	/** Opens a finalized year again, recording who did it and why: both or neither. */
	public void reopen(int year, String actor, String reason, Instant now) {
		atomically.executeWithoutResult(status -> reopenNow(year, actor, reason, now));
	}

	private void reopenNow(int year, String actor, String reason, Instant now) {
		jdbc.update("UPDATE report_year_state SET state = ?, changed_at = ? WHERE report_year = ?", State.OPEN.name(),
				Timestamp.from(now), year);
		event(year, "REOPEN", actor, reason, null, now);
	}

	public List<ManifestEntry> manifest(int year) {
		List<ManifestEntry> entries = new ArrayList<>(jdbc.query(
				"SELECT kind, name, unit_code, sha256 FROM year_manifest WHERE report_year = ?",
				(rs, i) -> new ManifestEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), year));
		// in Java, not SQL: the database's collation is not the order the file was written in
		entries.sort(ManifestEntry.ORDER);
		return entries;
	}

	/** The submission files a finalized year rests on: file name to SHA-256 (its manifest's INPUT rows). */
	public java.util.Map<String, String> finalInputs(int year) {
		java.util.Map<String, String> inputs = new java.util.TreeMap<>();
		for (ManifestEntry e : manifest(year)) {
			if (ManifestEntry.INPUT.equals(e.kind())) {
				inputs.put(e.name(), e.sha256());
			}
		}
		return inputs;
	}

	public List<Event> events(int year) {
		return jdbc.query("SELECT * FROM report_year_event WHERE report_year = ? ORDER BY id",
				(rs, i) -> new Event(year, rs.getString("event"), rs.getString("actor"), rs.getString("reason"),
						rs.getTimestamp("occurred_at").toInstant(),
						(Long) rs.getObject("job_execution_id", Long.class)),
				year);
	}

	private void event(int year, String event, String actor, String reason, Long jobExecutionId, Instant now) {
		jdbc.update("INSERT INTO report_year_event (report_year, event, actor, reason, occurred_at, job_execution_id) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", year, event, actor, reason, Timestamp.from(now), jobExecutionId);
	}

}
