package township.rollup.batch;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The runs of a report year, read from the job repository. */
@Component
public class RunHistory {

	/** One job execution for a year. */
	public record Run(long executionId, String jobName, BatchStatus status, LocalDateTime startTime,
			LocalDateTime endTime, String exitCode) {
	}

	private final JdbcTemplate jdbc;

	private final JobRepository repository;

	public RunHistory(JdbcTemplate jdbc, JobRepository repository) {
		this.jdbc = jdbc;
		this.repository = repository;
	}

	/** Every execution whose {@code year} parameter is the given year, newest first. */
	public List<Run> runs(int year) {
		return jdbc.query("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME, e.EXIT_CODE "
				+ "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
				+ "WHERE EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
				+ "AND p.PARAMETER_NAME = ? AND p.PARAMETER_VALUE = ?) ORDER BY e.JOB_EXECUTION_ID DESC",
				(rs, i) -> new Run(rs.getLong(1), rs.getString(2), BatchStatus.valueOf(rs.getString(3)),
						time(rs.getTimestamp(4)), time(rs.getTimestamp(5)), rs.getString(6)),
				RunParameters.YEAR, String.valueOf(year));
	}

	public Optional<Run> lastCompleted(int year) {
		return runs(year).stream().filter(r -> r.status() == BatchStatus.COMPLETED).findFirst();
	}

	public JobParameters parameters(long executionId) {
		JobExecution execution = repository.getJobExecution(executionId);
		return execution == null ? new JobParameters() : execution.getJobParameters();
	}

	public JobExecution execution(long executionId) {
		return repository.getJobExecution(executionId);
	}

	private static LocalDateTime time(java.sql.Timestamp ts) {
		return ts == null ? null : ts.toLocalDateTime();
	}

}
