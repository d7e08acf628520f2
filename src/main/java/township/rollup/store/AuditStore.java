package township.rollup.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The portal's audit log: what people did, with who, for which unit, from which address and when. Rows
 * are only ever added (the table refuses updates and deletes); the sign-in throttle counts its failures
 * from here, so that a restart of the portal does not reset them.
 */
@Repository
public class AuditStore {

	/** What is logged. */
	public enum Kind {

		SIGN_IN, SIGN_IN_FAILED, SIGN_IN_REFUSED, ACCOUNT_LOCKED, SIGN_OUT, PASSWORD_CHANGED, FILE_SENT,
		FILE_REFUSED, ACCOUNT_ADDED, ACCOUNT_DISABLED, ACCOUNT_ENABLED, PASSWORD_RESET, UNIT_RETURNED,
		NIGHTLY_STARTED, YEAR_REOPENED, EXPLAINED, ADDRESS_LOCKED

	}

	public record Event(Instant at, Kind kind, String username, String unitCode, String address, String detail) {
	}

	/** The longest detail kept; a longer one (a file name a person chose) is cut. */
	static final int DETAIL = 1000;

	private final JdbcTemplate jdbc;

	public AuditStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void add(Event e) {
		String detail = e.detail() == null || e.detail().length() <= DETAIL ? e.detail() : e.detail().substring(0, DETAIL);
		jdbc.update("INSERT INTO audit_event (occurred_at, event, username, unit_code, address, detail) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", Timestamp.from(e.at()), e.kind().name(), cut(e.username(), 64),
				e.unitCode(), cut(e.address(), 64), detail);
	}

	/** How many events of a kind an account has had since a time (exclusive). */
	public int count(String username, Kind kind, Instant since) {
		Integer n = jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE username = ? AND event = ? AND occurred_at > ?", Integer.class,
				username, kind.name(), Timestamp.from(since));
		return n == null ? 0 : n;
	}

	/** When an account last had an event of a kind. */
	public Optional<Instant> last(String username, Kind kind) {
		Timestamp t = jdbc.queryForObject("SELECT MAX(occurred_at) FROM audit_event WHERE username = ? AND event = ?",
				Timestamp.class, username, kind.name());
		return Optional.ofNullable(t).map(Timestamp::toInstant);
	}

	/** How many events of a kind came from an address since a time (exclusive). */
	public int countFrom(String address, Kind kind, Instant since) {
		Integer n = jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE address = ? AND event = ? AND occurred_at > ?", Integer.class,
				cut(address, 64), kind.name(), Timestamp.from(since));
		return n == null ? 0 : n;
	}

	/** When an address last had an event of a kind. */
	public Optional<Instant> lastFrom(String address, Kind kind) {
		Timestamp t = jdbc.queryForObject("SELECT MAX(occurred_at) FROM audit_event WHERE address = ? AND event = ?",
				Timestamp.class, cut(address, 64), kind.name());
		return Optional.ofNullable(t).map(Timestamp::toInstant);
	}

	/** An event with its place in the log, which only grows: a page of the log starts below an id. */
	public record Stored(long id, Event event) {
	}

	/**
	 * At most {@code size} events older than the event {@code before} (all when null), newest first: a page
	 * of the log, found by its key, so that a page stays the same while new events arrive.
	 */
	public List<Stored> page(Long before, int size) {
		return jdbc.query("SELECT * FROM audit_event WHERE id < ? ORDER BY id DESC LIMIT ?",
				(rs, i) -> new Stored(rs.getLong("id"), event(rs)), before == null ? Long.MAX_VALUE : before, size);
	}

	private static Event event(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Event(rs.getTimestamp("occurred_at").toInstant(), Kind.valueOf(rs.getString("event")),
				rs.getString("username"), rs.getString("unit_code") == null ? null : rs.getString("unit_code").strip(),
				rs.getString("address"), rs.getString("detail"));
	}

	/** The latest events, newest first. */
	public List<Event> latest(int limit) {
		return jdbc.query("SELECT * FROM audit_event ORDER BY id DESC LIMIT ?", (rs, i) -> event(rs), limit);
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
