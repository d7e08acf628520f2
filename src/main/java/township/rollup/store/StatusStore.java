package township.rollup.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import township.rollup.board.BoardLine;
import township.rollup.board.FiledLine;
import township.rollup.board.LevelLine;
import township.rollup.board.UnitStatus;

/**
 * The status board's SQL: one line per unit below the consolidating one and year, rewritten by every
 * assessment. A unit with units below it has a line too: consolidated from them, or standing on a file of
 * its own, with how many of its units are complete. What the lines mean is the board room's
 * ({@link township.rollup.board.Board}).
 */
@Repository
public class StatusStore {

	private final JdbcTemplate jdbc;

	public StatusStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void put(BoardLine line, Instant now) {
		putAll(List.of(line), now, 0);
	}

	/** Writes lines in two batches: updates, then inserts of the lines that were not there yet. */
	public void putAll(List<BoardLine> lines, Instant now, long jobExecutionId) {
		if (lines.isEmpty()) {
			return;
		}
		Timestamp at = Timestamp.from(now);
		int[][] updated = jdbc.batchUpdate("UPDATE township_status SET unit_name = ?, status = ?, reason = ?, "
				+ "submission_id = ?, error_count = ?, warning_count = ?, open_warning_count = ?, updated_at = ?, "
				+ "parent_code = ?, kind = ?, job_execution_id = ? WHERE report_year = ? AND unit_code = ?", lines,
				lines.size(), (ps, l) -> {
					ps.setString(1, l.unitName());
					ps.setString(2, l.status().name());
					ps.setString(3, l.reason());
					ps.setObject(4, l.submissionId(), java.sql.Types.BIGINT);
					ps.setInt(5, l.errorCount());
					ps.setInt(6, l.warningCount());
					ps.setInt(7, l.openWarningCount());
					ps.setTimestamp(8, at);
					ps.setString(9, l.parentCode());
					ps.setString(10, l.kind());
					ps.setLong(11, jobExecutionId);
					ps.setInt(12, l.year());
					ps.setString(13, l.unitCode());
				});
		List<BoardLine> missing = new ArrayList<>();
		int i = 0;
		for (int[] batch : updated) {
			for (int count : batch) {
				if (count == 0) {
					missing.add(lines.get(i));
				}
				i++;
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("INSERT INTO township_status (report_year, unit_code, unit_name, status, reason, submission_id, "
				+ "error_count, warning_count, open_warning_count, updated_at, parent_code, kind, job_execution_id) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", missing, missing.size(), (ps, l) -> {
					ps.setInt(1, l.year());
					ps.setString(2, l.unitCode());
					ps.setString(3, l.unitName());
					ps.setString(4, l.status().name());
					ps.setString(5, l.reason());
					ps.setObject(6, l.submissionId(), java.sql.Types.BIGINT);
					ps.setInt(7, l.errorCount());
					ps.setInt(8, l.warningCount());
					ps.setInt(9, l.openWarningCount());
					ps.setTimestamp(10, at);
					ps.setString(11, l.parentCode());
					ps.setString(12, l.kind());
					ps.setLong(13, jobExecutionId);
				});
	}

	public void putLevels(int year, List<LevelLine> levels) {
		if (levels.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("UPDATE township_status SET status = ?, source = ?, children_count = ?, complete_count = ? "
				+ "WHERE report_year = ? AND unit_code = ?", levels, levels.size(), (ps, l) -> {
					ps.setString(1, l.status().name());
					ps.setString(2, l.source());
					ps.setInt(3, l.childrenCount());
					ps.setInt(4, l.completeCount());
					ps.setInt(5, year);
					ps.setString(6, l.unitCode());
				});
	}

	/** Rows per page of the board's walks ({@link Keyset}); smaller in tests of the page edges. */
	private int pageSize = Keyset.PAGE_SIZE;

	void pageSize(int size) {
		this.pageSize = size;
	}

	/**
	 * The board in unit-code order, read a page at a time ({@link Keyset}). The list holds one line per
	 * registered unit: bounded by the registry, which a run holds anyway.
	 */
	public List<BoardLine> board(int year) {
		List<BoardLine> lines = new ArrayList<>();
		Keyset.forEachPage(pageSize, (after, size) -> jdbc.query(BOARD_PAGE,
				(rs, i) -> new Keyed<>(rs.getString("unit_code"), line(rs)), year, after == null ? "" : after, size),
				Keyed::key, page -> page.forEach(k -> lines.add(k.value())));
		return lines;
	}

	/** A page of the board (ordered as the primary key, so that HSQLDB reads the page alone from it). */
	static final String BOARD_PAGE = "SELECT t.*, " + ReturnStore.IN_FORCE + " AS returned FROM township_status t "
			+ "WHERE t.report_year = ? AND t.unit_code > ? ORDER BY t.report_year, t.unit_code LIMIT ?";

	/** A page of the board with each line's version and file. */
	static final String BOARD_WITH_FILES_PAGE = "SELECT t.*, s.version AS v_number, f.file_name AS f_name, "
			+ "f.sha256 AS f_sha, f.encoding AS f_encoding, f.received_at AS f_received, " + ReturnStore.IN_FORCE + " AS returned FROM township_status t "
			+ "LEFT JOIN submission s ON s.id = t.submission_id LEFT JOIN received_file f ON f.id = s.received_file_id "
			+ "WHERE t.report_year = ? AND t.unit_code > ? ORDER BY t.report_year, t.unit_code LIMIT ?";

	/** A row of a page with its key as stored. */
	private record Keyed<T>(String key, T value) {
	}

	private static BoardLine line(ResultSet rs) throws SQLException {
		return new BoardLine(rs.getInt("report_year"), rs.getString("unit_code"), rs.getString("unit_name"),
				UnitStatus.valueOf(rs.getString("status")), rs.getString("reason"),
				(Long) rs.getObject("submission_id", Long.class), rs.getInt("error_count"), rs.getInt("warning_count"),
				rs.getInt("open_warning_count"), trim(rs.getString("parent_code")), rs.getString("kind"),
				rs.getString("source"), rs.getInt("children_count"), rs.getInt("complete_count"),
				rs.getBoolean("returned"));
	}

	/**
	 * The board with every line's version and file, read a page at a time ({@link Keyset}); one entry
	 * per registered unit, bounded by the registry.
	 */
	public List<FiledLine> boardWithFiles(int year) {
		List<FiledLine> lines = new ArrayList<>();
		forEachWithFiles(year, lines::add);
		return lines;
	}

	/**
	 * Each line of the board with its version and file, in unit-code order, to {@code sink}, a page at a
	 * time ({@link Keyset}): what writes a line and lets it go (status.csv) holds a page, not the board.
	 */
	public void forEachWithFiles(int year, java.util.function.Consumer<FiledLine> sink) {
		Keyset.forEachPage(pageSize, (after, size) -> jdbc.query(BOARD_WITH_FILES_PAGE,
				(rs, i) -> new Keyed<>(rs.getString("unit_code"),
						new FiledLine(line(rs), (Integer) rs.getObject("v_number", Integer.class), rs.getString("f_name"),
								rs.getString("f_sha"), rs.getString("f_encoding"),
								received(rs.getTimestamp("f_received")))),
				year, after == null ? "" : after, size), Keyed::key, page -> page.forEach(k -> sink.accept(k.value())));
	}

	private static Instant received(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	private static String trim(String s) {
		return s == null ? null : s.strip();
	}

	/** Units no longer in the registry leave the board. */
	public void retainOnly(int year, Collection<String> unitCodes) {
		Set<String> keep = new HashSet<>(unitCodes);
		List<Object[]> gone = new ArrayList<>();
		jdbc.query("SELECT unit_code FROM township_status WHERE report_year = ?", rs -> {
			String code = rs.getString(1).strip();
			if (!keep.contains(code)) {
				gone.add(new Object[] { year, code });
			}
		}, year);
		if (!gone.isEmpty()) {
			jdbc.batchUpdate("DELETE FROM township_status WHERE report_year = ? AND unit_code = ?", gone);
		}
	}

}
