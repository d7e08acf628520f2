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
		Texts t = new Texts(settings.english());
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
			Console.OUT.println(t.t("共有 " + years.size() + " 个年度的运行记录，不超过保留的 " + keepYears + " 个年度，无需清理。",
					years.size() + " report years have runs, not more than the " + keepYears + " to keep: nothing to prune."));
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
		Console.OUT.println(t.t((dryRun ? "将删除 " : "已删除 ") + deleted + " 个作业实例（" + executions + " 次运行），保留 " + cutoff
				+ " 年度及以后的运行记录。", (dryRun ? "would delete " : "deleted ") + deleted + " job instances (" + executions
						+ " executions), keeping the runs of report years " + cutoff + " and later."));
		return ExitCodes.OK;
	}

	private Long yearOf(JobInstance instance) {
		JobExecution last = repository.getLastJobExecution(instance);
		return last == null ? null : last.getJobParameters().getLong(RunParameters.YEAR);
	}

}
