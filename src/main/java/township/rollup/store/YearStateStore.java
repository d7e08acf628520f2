package township.rollup.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A report year's state: the inbox last assessed, and whether the year is open or finalized. */
@Repository
public class YearStateStore {

	/** OPEN while submissions may change; FINAL once the annual run froze the year. */
	public enum State {

		OPEN, FINAL

	}

	public record YearState(int year, String inboxDigest, Instant assessedAt, State state, Instant changedAt) {
	}

	private final JdbcTemplate jdbc;

	public YearStateStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<YearState> get(int year) {
		return jdbc.query("SELECT * FROM report_year_state WHERE report_year = ?", (rs, i) -> {
			Timestamp assessed = rs.getTimestamp("assessed_at");
			return new YearState(year, rs.getString("inbox_digest"), assessed == null ? null : assessed.toInstant(),
					State.valueOf(rs.getString("state")), rs.getTimestamp("changed_at").toInstant());
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

}
