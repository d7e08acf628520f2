package township.rollup.store;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The consolidated report of a year: one header row and its cells, replaced as a whole. */
@Repository
public class ConsolidatedStore {

	/**
	 * The report's header. {@code basisSha256} identifies the set of versions it was summed from;
	 * {@code stage} is NIGHTLY, PROVISIONAL (the annual run found the year incomplete) or FINAL.
	 */
	public record Report(int year, String unitCode, String unitName, String formatId, int acceptedCount,
			int rejectedCount, int missingCount, String basisSha256, Instant createdAt, long jobExecutionId,
			String stage) {

		public Report(int year, String unitCode, String unitName, String formatId, int acceptedCount,
				int rejectedCount, int missingCount, String basisSha256, Instant createdAt, long jobExecutionId) {
			this(year, unitCode, unitName, formatId, acceptedCount, rejectedCount, missingCount, basisSha256, createdAt,
					jobExecutionId, "NIGHTLY");
		}

	}

	/** One consolidated cell: the sum, and how many submissions contributed a number to it. */
	public record CellTotal(String cellCode, BigDecimal value, int contributors) {
	}

	private final JdbcTemplate jdbc;

	public ConsolidatedStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void replace(Report report, List<CellTotal> cells) {
		delete(report.year(), report.unitCode());
		jdbc.update("INSERT INTO consolidated_report (report_year, unit_code, unit_name, format_id, accepted_count, "
				+ "rejected_count, missing_count, basis_sha256, created_at, job_execution_id, stage) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", report.year(), report.unitCode(), report.unitName(),
				report.formatId(), report.acceptedCount(), report.rejectedCount(), report.missingCount(),
				report.basisSha256(), Timestamp.from(report.createdAt()), report.jobExecutionId(), report.stage());
		List<Object[]> rows = new ArrayList<>();
		for (CellTotal cell : cells) {
			rows.add(new Object[] { report.year(), report.unitCode(), cell.cellCode(), cell.value(), cell.contributors() });
		}
		jdbc.batchUpdate("INSERT INTO consolidated_cell (report_year, unit_code, cell_code, num_value, contributors) "
				+ "VALUES (?, ?, ?, ?, ?)", rows);
	}

	public void delete(int year, String unitCode) {
		jdbc.update("DELETE FROM consolidated_cell WHERE report_year = ? AND unit_code = ?", year, unitCode);
		jdbc.update("DELETE FROM consolidated_report WHERE report_year = ? AND unit_code = ?", year, unitCode);
	}

	public Optional<Report> report(int year, String unitCode) {
		return jdbc.query("SELECT * FROM consolidated_report WHERE report_year = ? AND unit_code = ?",
				(rs, i) -> new Report(rs.getInt("report_year"), rs.getString("unit_code"), rs.getString("unit_name"),
						rs.getString("format_id"), rs.getInt("accepted_count"), rs.getInt("rejected_count"),
						rs.getInt("missing_count"), rs.getString("basis_sha256"),
						rs.getTimestamp("created_at").toInstant(), rs.getLong("job_execution_id"), rs.getString("stage")),
				year, unitCode).stream().findFirst();
	}

	public void setStage(int year, String unitCode, String stage) {
		jdbc.update("UPDATE consolidated_report SET stage = ? WHERE report_year = ? AND unit_code = ?", stage, year,
				unitCode);
	}

	public Map<String, BigDecimal> cells(int year, String unitCode) {
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		jdbc.query("SELECT cell_code, num_value FROM consolidated_cell WHERE report_year = ? AND unit_code = ? "
				+ "ORDER BY cell_code", rs -> {
					cells.put(rs.getString(1), FindingStore.decimal(rs, "num_value"));
				}, year, unitCode);
		return cells;
	}

}
