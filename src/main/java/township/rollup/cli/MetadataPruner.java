package township.rollup.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import township.rollup.batch.RunParameters;
import township.rollup.i18n.Messages;

/**
 * Retention of job metadata, which otherwise grows by a few rows every night. Deletes whole job
 * instances of old report years with {@code JobRepository.deleteJobInstance}, which removes their
 * executions, steps and contexts; instances with a run still marked running are left alone.
 */
@Component
class MetadataPruner {

	private final JobRepository repository;

	private final RollupProperties settings;

	MetadataPruner(JobRepository repository, RollupProperties settings) {
		this.repository = repository;
		this.settings = settings;
	}

	int prune(int keepYears, boolean dryRun) {
		Messages t = settings.messages();
		List<JobInstance> instances = new ArrayList<>();
		TreeSet<Long> years = new TreeSet<>();
		for (String name : repository.getJobNames()) {
			for (JobInstance instance : repository.findJobInstances(name)) {
				Long year = yearOf(instance);
				if (year != null) {
					instances.add(instance);
					years.add(year);
				}
			}
		}
		if (years.size() <= keepYears) {
			Console.OUT.println(t.get("cli.prune.nothing", years.size(), keepYears));
			return ExitCodes.OK;
		}
		long cutoff = years.descendingSet().stream().skip(keepYears - 1L).findFirst().orElseThrow();
		int deleted = 0;
		int executions = 0;
		for (JobInstance instance : instances) {
			Long year = yearOf(instance);
			List<JobExecution> runs = repository.getJobExecutions(instance);
			if (year >= cutoff || runs.stream().anyMatch(e -> e.getStatus().isRunning()
					|| e.getStatus() == BatchStatus.STARTING)) {
				continue;
			}
			executions += runs.size();
			deleted++;
			if (!dryRun) {
				repository.deleteJobInstance(instance);
			}
		}
		Console.OUT.println(t.get(dryRun ? "cli.prune.would-delete" : "cli.prune.deleted", deleted, executions, cutoff));
		return ExitCodes.OK;
	}

	private Long yearOf(JobInstance instance) {
		JobExecution last = repository.getLastJobExecution(instance);
		return last == null ? null : last.getJobParameters().getLong(RunParameters.YEAR);
	}

}
