package township.rollup.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import township.rollup.reportformat.ReportFormats;
import township.rollup.rollup.NumberVector;

/**
 * The consolidated reports of a year: one for every level of the tree, each a header and its numbers
 * (one encoded value), replaced as a whole by each roll-up.
 */
@Repository
public class ConsolidatedStore {

	/**
	 * A report's header. {@code basisSha256} identifies the set of versions it was summed from;
	 * {@code stage} is NIGHTLY, PROVISIONAL (the annual run found the year incomplete) or FINAL;
	 * {@code source} is UNITS (summed from the units below) or OWN_FILE (a county's own file).
	 */
	public record Report(int year, String unitCode, String unitName, String formatId, int acceptedCount,
			int rejectedCount, int missingCount, String basisSha256, Instant createdAt, long jobExecutionId,
			String stage, String parentCode, String source, int childrenCount, int completeCount) {

		public Report(int year, String unitCode, String unitName, String formatId, int acceptedCount,
				int rejectedCount, int missingCount, String basisSha256, Instant createdAt, long jobExecutionId) {
			this(year, unitCode, unitName, formatId, acceptedCount, rejectedCount, missingCount, basisSha256, createdAt,
					jobExecutionId, "NIGHTLY", null, "UNITS", 0, 0);
		}

	}

	/** A report with its numbers in its format's order ({@link NumberVector}). */
	public record Stored(Report report, String numbers) {
	}

	private final JdbcTemplate jdbc;

	public ConsolidatedStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces every report of the year by these. */
	public void replaceAll(int year, List<Stored> reports) {
		jdbc.update("DELETE FROM consolidated_cell WHERE report_year = ?", year);
		jdbc.update("DELETE FROM consolidated_report WHERE report_year = ?", year);
		jdbc.batchUpdate("INSERT INTO consolidated_report (report_year, unit_code, unit_name, format_id, accepted_count, "
				+ "rejected_count, missing_count, basis_sha256, created_at, job_execution_id, stage, parent_code, source, "
				+ "children_count, complete_count, numbers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				reports, 500, (ps, s) -> {
					Report r = s.report();
					ps.setInt(1, r.year());
					ps.setString(2, r.unitCode());
					ps.setString(3, r.unitName());
					ps.setString(4, r.formatId());
					ps.setInt(5, r.acceptedCount());
					ps.setInt(6, r.rejectedCount());
					ps.setInt(7, r.missingCount());
					ps.setString(8, r.basisSha256());
					ps.setTimestamp(9, Timestamp.from(r.createdAt()));
					ps.setLong(10, r.jobExecutionId());
					ps.setString(11, r.stage());
					ps.setString(12, r.parentCode());
					ps.setString(13, r.source());
					ps.setInt(14, r.childrenCount());
					ps.setInt(15, r.completeCount());
					ps.setString(16, s.numbers());
				});
	}

	public void deleteYear(int year) {
		replaceAll(year, List.of());
	}

	private static Report map(ResultSet rs) throws SQLException {
		return new Report(rs.getInt("report_year"), rs.getString("unit_code"), rs.getString("unit_name"),
				rs.getString("format_id"), rs.getInt("accepted_count"), rs.getInt("rejected_count"),
				rs.getInt("missing_count"), rs.getString("basis_sha256"), rs.getTimestamp("created_at").toInstant(),
				rs.getLong("job_execution_id"), rs.getString("stage"),
				rs.getString("parent_code") == null ? null : rs.getString("parent_code").strip(), rs.getString("source"),
				rs.getInt("children_count"), rs.getInt("complete_count"));
	}

	public Optional<Report> report(int year, String unitCode) {
		return jdbc.query("SELECT * FROM consolidated_report WHERE report_year = ? AND unit_code = ?",
				(rs, i) -> map(rs), year, unitCode).stream().findFirst();
	}

	/** A page of the year's reports, ordered as the primary key (HSQLDB reads the page alone from it). */
	static final String REPORTS_PAGE = "SELECT * FROM consolidated_report WHERE report_year = ? AND unit_code > ? "
			+ "ORDER BY report_year, unit_code LIMIT ?";

	/** Rows per page of {@link #forEach} ({@link Keyset}). */
	private int pageSize = Keyset.PAGE_SIZE;

	void pageSize(int size) {
		this.pageSize = size;
	}

	/**
	 * Every report of the year, one at a time, in unit-code order, read a page at a time ({@link Keyset}):
	 * a page of levels' numbers in memory at most.
	 */
	public void forEach(int year, java.util.function.Consumer<Stored> sink) {
		Keyset.forEachPage(pageSize, (after, size) -> jdbc.query(REPORTS_PAGE,
				(rs, i) -> new Stored(map(rs), rs.getString("numbers")), year, after == null ? "" : after, size),
				stored -> stored.report().unitCode(), page -> page.forEach(sink));
	}

	/** Every report of a year at every level of the tree. */
	public List<Report> reports(int year) {
		return jdbc.query("SELECT * FROM consolidated_report WHERE report_year = ? ORDER BY unit_code",
				(rs, i) -> map(rs), year);
	}

	public void setStage(int year, String unitCode, String stage) {
		jdbc.update("UPDATE consolidated_report SET stage = ? WHERE report_year = ? AND unit_code = ?", stage, year,
				unitCode);
	}

	/** All reports of a year take the stage of the year (nightly, provisional, final). */
	public void setStage(int year, String stage) {
		jdbc.update("UPDATE consolidated_report SET stage = ? WHERE report_year = ?", stage, year);
	}

	/** A report's numbers by cell code, in the format's order. */
	public Map<String, BigDecimal> cells(int year, String unitCode) {
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		List<String[]> row = jdbc.query("SELECT format_id, numbers FROM consolidated_report WHERE report_year = ? "
				+ "AND unit_code = ?", (rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, year, unitCode);
		if (row.isEmpty()) {
			return cells;
		}
		if (row.get(0)[1] != null) {
			return NumberVector.decode(ReportFormats.standard().get(row.get(0)[0]), row.get(0)[1]);
		}
		jdbc.query("SELECT cell_code, num_value FROM consolidated_cell WHERE report_year = ? AND unit_code = ? "
				+ "ORDER BY cell_code", rs -> {
					cells.put(rs.getString(1), FindingStore.decimal(rs, "num_value"));
				}, year, unitCode);
		return cells;
	}

}
