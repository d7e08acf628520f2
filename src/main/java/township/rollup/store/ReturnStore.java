package township.rollup.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The office's returns (退回) of a unit's version, each with its comment. A row is only ever added; a
 * return is in force while the version it names is still the unit's current one (the board's line rests
 * on that submission), so the unit's next version ends it without anyone writing anything.
 */
@Repository
public class ReturnStore {

	/** One return: which version of which unit, by whom, when and why. */
	public record Return(int year, String unitCode, long submissionId, int version, String username, String comment,
			Instant returnedAt) {
	}

	/**
	 * The SQL condition, on the board's table as {@code t}, that the line's current version is returned: the
	 * board's reads ({@link StatusStore}, {@link UnitRecordStore}) ask it, so every reader of the board sees
	 * the same answer.
	 */
	static final String IN_FORCE = "EXISTS (SELECT 1 FROM unit_return r WHERE r.report_year = t.report_year "
			+ "AND r.unit_code = t.unit_code AND r.submission_id = t.submission_id)";

	private final JdbcTemplate jdbc;

	public ReturnStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void add(Return r) {
		jdbc.update("INSERT INTO unit_return (report_year, unit_code, submission_id, version, username, comment_text, "
				+ "returned_at) VALUES (?, ?, ?, ?, ?, ?, ?)", r.year(), r.unitCode(), r.submissionId(), r.version(),
				r.username(), r.comment(), Timestamp.from(r.returnedAt()));
	}

	/** The return in force for the unit's current version (the newest, if it was returned twice). */
	public Optional<Return> inForce(int year, String unitCode) {
		return jdbc.query("SELECT r.* FROM unit_return r JOIN township_status t ON t.report_year = r.report_year "
				+ "AND t.unit_code = r.unit_code AND t.submission_id = r.submission_id "
				+ "WHERE r.report_year = ? AND r.unit_code = ? ORDER BY r.id DESC LIMIT 1", ReturnStore::row, year,
				unitCode).stream().findFirst();
	}

	/**
	 * What a run's "nothing changed" check needs of the year's returns: rows are only ever added, so how
	 * many there are and the newest id say which there are.
	 */
	public String fingerprint(int year) {
		return jdbc.queryForObject("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM unit_return WHERE report_year = ?",
				(rs, i) -> "returns:" + rs.getLong(1) + ":" + rs.getLong(2), year);
	}

	/** Every return of a unit's versions in a year, newest first. */
	public List<Return> ofUnit(int year, String unitCode) {
		return jdbc.query("SELECT * FROM unit_return WHERE report_year = ? AND unit_code = ? ORDER BY id DESC",
				ReturnStore::row, year, unitCode);
	}

	private static Return row(ResultSet rs, int i) throws SQLException {
		return new Return(rs.getInt("report_year"), rs.getString("unit_code").strip(), rs.getLong("submission_id"),
				rs.getInt("version"), rs.getString("username"), rs.getString("comment_text"),
				rs.getTimestamp("returned_at").toInstant());
	}

}
