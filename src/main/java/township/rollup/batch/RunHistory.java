package township.rollup.batch;

import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import township.rollup.store.JobRunStore;

/** The runs of a report year, read from the job repository (the SQL is in {@link JobRunStore}). */
@Component
public class RunHistory {

	private final JobRunStore store;

	private final JobRepository repository;

	public RunHistory(JobRunStore store, JobRepository repository) {
		this.store = store;
		this.repository = repository;
	}

	/** Every execution whose {@code year} parameter is the given year, newest first. */
	public List<JobRunStore.Run> runs(int year) {
		return store.runs(RunParameters.YEAR, String.valueOf(year));
	}

	public Optional<JobRunStore.Run> lastCompleted(int year) {
		return runs(year).stream().filter(r -> r.status() == BatchStatus.COMPLETED).findFirst();
	}

	public JobParameters parameters(long executionId) {
		JobExecution execution = repository.getJobExecution(executionId);
		return execution == null ? new JobParameters() : execution.getJobParameters();
	}

	public JobExecution execution(long executionId) {
		return repository.getJobExecution(executionId);
	}

}
