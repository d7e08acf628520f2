package township.rollup.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The status board: one line per registered township and year, rewritten by every assessment. */
@Repository
public class StatusStore {

	/** A township's standing. */
	public enum Status {

		ACCEPTED("已采纳", "accepted"), REJECTED("已退回", "rejected"), MISSING("未报送", "missing");

		private final String zh;

		private final String en;

		Status(String zh, String en) {
			this.zh = zh;
			this.en = en;
		}

		public String zh() {
			return zh;
		}

		public String en() {
			return en;
		}

	}

	/** One line of the board. {@code reason} is {@code CONFLICT} when several files claim the township. */
	public record Line(int year, String unitCode, String unitName, Status status, String reason, Long submissionId,
			int errorCount, int warningCount, int openWarningCount) {
	}

	private final JdbcTemplate jdbc;

	public StatusStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void put(Line line, Instant now) {
		int updated = jdbc.update("UPDATE township_status SET unit_name = ?, status = ?, reason = ?, submission_id = ?, "
				+ "error_count = ?, warning_count = ?, open_warning_count = ?, updated_at = ? "
				+ "WHERE report_year = ? AND unit_code = ?", line.unitName(), line.status().name(), line.reason(),
				line.submissionId(), line.errorCount(), line.warningCount(), line.openWarningCount(),
				Timestamp.from(now), line.year(), line.unitCode());
		if (updated == 0) {
			jdbc.update("INSERT INTO township_status (report_year, unit_code, unit_name, status, reason, submission_id, "
					+ "error_count, warning_count, open_warning_count, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					line.year(), line.unitCode(), line.unitName(), line.status().name(), line.reason(),
					line.submissionId(), line.errorCount(), line.warningCount(), line.openWarningCount(),
					Timestamp.from(now));
		}
	}

	/** The board in unit-code order. */
	public List<Line> board(int year) {
		return jdbc.query("SELECT * FROM township_status WHERE report_year = ? ORDER BY unit_code",
				(rs, i) -> new Line(rs.getInt("report_year"), rs.getString("unit_code"), rs.getString("unit_name"),
						Status.valueOf(rs.getString("status")), rs.getString("reason"),
						(Long) rs.getObject("submission_id", Long.class), rs.getInt("error_count"),
						rs.getInt("warning_count"), rs.getInt("open_warning_count")),
				year);
	}

	/** Townships no longer in the registry leave the board. */
	public void retainOnly(int year, List<String> unitCodes) {
		for (Line line : board(year)) {
			if (!unitCodes.contains(line.unitCode())) {
				jdbc.update("DELETE FROM township_status WHERE report_year = ? AND unit_code = ?", year, line.unitCode());
			}
		}
	}

}
