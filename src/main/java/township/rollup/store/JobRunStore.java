package township.rollup.store;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The job executions the job repository holds for a report year (Spring Batch's BATCH_* tables). */
@Repository
public class JobRunStore {

	/** One job execution. */
	public record Run(long executionId, String jobName, BatchStatus status, LocalDateTime startTime,
			LocalDateTime endTime, String exitCode) {
	}

	private final JdbcTemplate jdbc;

	public JobRunStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every execution whose job parameter {@code parameter} is {@code value}, newest first. */
	public List<Run> runs(String parameter, String value) {
		return jdbc.query("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME, e.EXIT_CODE "
				+ "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
				+ "WHERE EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
				+ "AND p.PARAMETER_NAME = ? AND p.PARAMETER_VALUE = ?) ORDER BY e.JOB_EXECUTION_ID DESC",
				(rs, i) -> new Run(rs.getLong(1), rs.getString(2), BatchStatus.valueOf(rs.getString(3)),
						time(rs.getTimestamp(4)), time(rs.getTimestamp(5)), rs.getString(6)),
				parameter, value);
	}

	private static LocalDateTime time(java.sql.Timestamp ts) {
		return ts == null ? null : ts.toLocalDateTime();
	}

}
