package township.rollup.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import township.rollup.batch.JobNames;
import township.rollup.batch.RunHistory;
import township.rollup.batch.RunParameters;
import township.rollup.batch.Progress;
import township.rollup.batch.RunInputsHolder;
import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.ingest.Inbox;
import township.rollup.ingest.InboxChanges;
import township.rollup.output.ReportPublisher;
import township.rollup.ingest.ReaderFingerprint;
import township.rollup.reportformat.ReportFormats;
import township.rollup.run.ConfigurationException;
import township.rollup.run.RunInputs;
import township.rollup.registry.Registry;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.YearSettings;
import township.rollup.store.ExplanationStore;
import township.rollup.store.JobRunStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.YearStateStore;

/**
 * Starts a job for a year the way cron needs it: recover what a crash left behind, do nothing when
 * nothing changed, resume an interrupted run when its inputs are the same, and otherwise start afresh
 * on the current inputs, abandoning a failed run whose inputs changed, with a message saying so.
 */
@Component
public class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final RollupProperties settings;

	private final JobOperator operator;

	private final JobRepository repository;

	private final Map<String, Job> jobs;

	private final RunHistory history;

	private final YearStateStore years;

	private final RuleCatalogue catalogue;

	private final ReportFormats formats;

	private final RunInputsHolder holder;

	private final SubmissionStore submissions;

	private final township.rollup.store.ReturnStore returns;

	private final ExplanationStore explanations;

	private final RunSummary summary;

	private final ReportPublisher publisher;

	private final Progress progress;

	private final Clock clock;

	public JobRunner(RollupProperties settings, JobOperator operator, JobRepository repository, Map<String, Job> jobs,
			RunHistory history, YearStateStore years, RuleCatalogue catalogue, ReportFormats formats,
			RunInputsHolder holder, SubmissionStore submissions, ExplanationStore explanations, RunSummary summary,
			ReportPublisher publisher, Progress progress, Clock clock, township.rollup.store.ReturnStore returns) {
		this.settings = settings;
		this.operator = operator;
		this.repository = repository;
		this.jobs = jobs;
		this.history = history;
		this.years = years;
		this.catalogue = catalogue;
		this.formats = formats;
		this.holder = holder;
		this.submissions = submissions;
		this.returns = returns;
		this.explanations = explanations;
		this.summary = summary;
		this.publisher = publisher;
		this.progress = progress;
		this.clock = clock;
	}

	public int run(String jobName, int year, boolean force) {
		return run(jobName, year, force, null);
	}

	public int run(String jobName, int year, boolean force, String unit) {
		return run(jobName, year, force, unit, settings.messages());
	}

	/** A run printing in {@code texts}' language: a run handed over to the portal prints in the caller's. */
	public int run(String jobName, int year, boolean force, String unit, Messages texts) {
		Path inbox = settings.inbox(year);
		boolean readsInbox = !jobName.equals(JobNames.ROLLUP);
		if (readsInbox && !Files.isDirectory(inbox)) {
			throw new CommandException(ExitCodes.USAGE, texts.get("cli.run.no-inbox", inbox, year));
		}
		// everything the run reads from outside the database, loaded and checked once, before any launch
		RunInputs inputs;
		try {
			inputs = RunInputs.load(year, new RunInputs.Locations(inbox, settings.registry(), settings.settingsDir(),
					settings.outputDir(), unit), readsInbox, catalogue, formats);
		}
		catch (ConfigurationException ex) {
			throw new CommandException(ExitCodes.USAGE, ex.getMessage());
		}
		recoverInterrupted(texts);
		Registry registry = inputs.registry();
		YearSettings yearSettings = inputs.settings();
		List<Inbox.Entry> entries = inputs.inbox().entries();
		// everything the outcome depends on: files, registry, rules, the reader, this and last year's
		// settings, last year's accepted reports, the office's returns (a version returned is summed no more),
		// the explanations written in the portal; and the deadline, set and whether it has passed (the pages
		// say who is late: the first run after it publishes that, though no file changed)
		township.rollup.board.Deadline deadline = township.rollup.board.Deadline.of(yearSettings.deadline(),
				settings.times().zone(), clock.instant());
		String context = catalogue.fingerprint() + "/" + ReaderFingerprint.value() + "/" + yearSettings.fingerprint()
				+ "/" + inputs.priorSettings().fingerprint() + "/" + submissions.acceptedFingerprint(year - 1) + "/"
				+ returns.fingerprint(year) + "/explained=" + explanations.fingerprint(year) + "/deadline="
				+ yearSettings.deadlineText() + (deadline.passed() ? ",passed" : "");
		String digest = Inbox.digest(year, registry.sha256(), context, entries);
		holder.put(digest, inputs);
		Optional<JobRunStore.Run> last = history.lastCompleted(year);
		long started = clock.millis();
		Optional<YearStateStore.YearState> state = years.get(year);
		if (state.isPresent() && state.get().state() == YearStateStore.State.FINAL) {
			return finalYear(texts, jobName, year, registry, state.get(), readsInbox ? inputs.inbox()
					: Inbox.scan(inbox, township.rollup.ingest.SubmissionParser.MAX_BYTES), started);
		}
		// a reopened year is run again even on the same inputs: its files still say what the year was before
		boolean reopenedSince = state.isPresent() && last.isPresent() && last.get().endTime() != null
				&& state.get().changedAt().isAfter(OfficeTime.instant(last.get().endTime()));
		if (!force && !reopenedSince && last.isPresent() && last.get().jobName().equals(jobName)
				&& digest.equals(history.parameters(last.get().executionId()).getString(RunParameters.INPUT_DIGEST))) {
			summary.printUnchanged(texts, jobName, year, registry, last.get(), settings.outputDir());
			int code = jobName.equals(JobNames.ANNUAL) ? ExitCodes.INCOMPLETE : ExitCodes.OK;
			if (code == ExitCodes.INCOMPLETE) {
				summary.printGate(texts, year, registry, false);
			}
			logRun(jobName, year, code, "UNCHANGED", last.get().executionId(), started);
			return code;
		}
		JobParametersBuilder builder = new JobParametersBuilder()
			.addLong(RunParameters.YEAR, (long) year)
			.addString(RunParameters.INPUT_DIGEST, digest)
			.addLong(RunParameters.BASED_ON, last.map(JobRunStore.Run::executionId).orElse(0L))
			.addString(RunParameters.INBOX, inbox.toAbsolutePath().toString(), false)
			.addString(RunParameters.OUTPUT_DIR, settings.outputDir().toAbsolutePath().toString(), false)
			.addString(RunParameters.REGISTRY, settings.registry().toAbsolutePath().toString(), false)
			.addString(RunParameters.SETTINGS, settings.settingsDir().toAbsolutePath().toString(), false)
			.addString(RunParameters.RELEASE, Release.version(), false);
		if (unit != null) {
			builder.addString(RunParameters.UNIT, unit.strip(), false);
		}
		if (force) {
			builder.addString("forcedAt", clock.instant().toString());
		}
		JobParameters parameters = builder.toJobParameters();
		log.info("{} {}: format {}, rule overrides {}", jobName, year, yearSettings.formatId(),
				yearSettings.overrides().byRule().values());
		abandonSuperseded(texts, year, jobName, parameters);
		JobExecution execution;
		progress.start(entries.size(), registry.members().size());
		try {
			execution = operator.start(jobs.get(jobName), parameters);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot start " + jobName + ": " + ex.getMessage(), ex);
		}
		progress.finish();
		int code = execution.getStatus() == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.FAILED;
		summary.print(texts, execution, year, registry, yearSettings, inputs.inbox(),
				Duration.ofMillis(clock.millis() - started));
		if (code == ExitCodes.OK && jobName.equals(JobNames.ANNUAL)) {
			boolean complete = years.isFinal(year);
			summary.printGate(texts, year, registry, complete);
			code = complete ? ExitCodes.OK : ExitCodes.INCOMPLETE;
		}
		logRun(jobName, year, code, execution.getStatus().name(), execution.getId(), started);
		return code;
	}

	/**
	 * A finalized year takes no run, whatever {@code --force} says: only {@code reopen} opens it. What the
	 * answer depends on is the submission files alone (name and SHA-256 against the manifest's INPUT rows):
	 * new rules, a corrected registry, other settings or a new release do not make anyone decide anything,
	 * so they leave the year quiet (exit 0) instead of making cron mail an error every night until the
	 * year is over. A file added, changed or removed is a question for a person (exit 4, each file named).
	 */
	private int finalYear(Messages texts, String jobName, int year, Registry registry, YearStateStore.YearState state,
			Inbox.Scan inbox, long started) {
		InboxChanges changes = InboxChanges.between(years.finalInputs(year), inbox);
		if (!changes.none()) {
			OfficeTime times = settings.times();
			Console.ERR.println(texts.get("cli.run.final.changed", year, times.format(state.changedAt()),
					String.valueOf(state.finalJobExecutionId()), changeList(texts, changes), times.note(texts)));
			logRun(jobName, year, ExitCodes.FINAL_CHANGED, "FINAL-CHANGED", state.finalJobExecutionId(), started);
			return ExitCodes.FINAL_CHANGED;
		}
		// manifest.csv says what the database holds: written again if the finalizing run stopped between
		// its commit and the file, or if someone edited or deleted it
		if (publisher.restoreManifest(year, years.manifest(year), settings.outputDir())) {
			log.warn("manifest.csv of {} was missing or stale and was written again from the database", year);
		}
		if (jobName.equals(JobNames.ANNUAL)) {
			summary.printFinal(texts, year, registry, state);
		}
		else {
			Console.OUT.println(texts.get("cli.run.final.unchanged", year));
		}
		logRun(jobName, year, ExitCodes.OK, "FINAL-UNCHANGED", state.finalJobExecutionId(), started);
		return ExitCodes.OK;
	}

	/** The files added, changed and removed, each kind with its names (the first few of a long list). */
	static String changeList(Messages t, InboxChanges changes) {
		List<String> parts = new java.util.ArrayList<>();
		if (!changes.added().isEmpty()) {
			parts.add(t.get("cli.run.final.added", RunSummary.listed(t, changes.added(), "cli.run.final.more")));
		}
		if (!changes.changed().isEmpty()) {
			parts.add(t.get("cli.run.final.modified", RunSummary.listed(t, changes.changed(), "cli.run.final.more")));
		}
		if (!changes.removed().isEmpty()) {
			parts.add(t.get("cli.run.final.removed", RunSummary.listed(t, changes.removed(), "cli.run.final.more")));
		}
		return String.join(t.get("cli.run.final.separator"), parts);
	}

	/**
	 * A run still marked as running was killed: we hold the run lock, so nothing else can be running it.
	 * Marking it failed makes it restartable.
	 */
	private void recoverInterrupted(Messages texts) {
		for (String name : jobs.keySet()) {
			for (JobExecution execution : repository.findRunningJobExecutions(name)) {
				operator.recover(execution);
				log.warn("recovered interrupted execution {} of {}", execution.getId(), name);
				OfficeTime times = settings.times();
				Console.OUT.println(texts.get("cli.run.recovered", execution.getId(), name,
						times.format(execution.getStartTime()), times.note(texts)));
			}
		}
	}

	/**
	 * A failed run of the year that worked from other inputs is not resumed: its committed files stay
	 * received (they are keyed by content), and the new run reprocesses whatever changed.
	 */
	private void abandonSuperseded(Messages texts, int year, String jobName, JobParameters next) {
		for (JobRunStore.Run run : history.runs(year)) {
			if (run.status() != BatchStatus.FAILED && run.status() != BatchStatus.STOPPED) {
				continue;
			}
			JobExecution execution = history.execution(run.executionId());
			JobExecution lastOfInstance = repository.getLastJobExecution(execution.getJobInstance());
			if (lastOfInstance == null || lastOfInstance.getId() != execution.getId()) {
				continue;
			}
			JobParameters previous = execution.getJobParameters();
			boolean same = run.jobName().equals(jobName) && identifying(previous).equals(identifying(next));
			if (same) {
				Console.OUT.println(texts.get("cli.run.resuming", run.executionId()));
				continue;
			}
			try {
				operator.abandon(execution);
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot abandon execution " + run.executionId(), ex);
			}
			boolean inputsChanged = !Objects.equals(previous.getString(RunParameters.INPUT_DIGEST),
					next.getString(RunParameters.INPUT_DIGEST));
			Console.OUT.println(texts.get(inputsChanged ? "cli.run.abandoned.inputs-changed" : "cli.run.abandoned.superseded",
					run.executionId(), run.jobName()));
		}
	}

	/** Identifying parameters by name and value (a JobParameter equals another of the same name). */
	static Map<String, Object> identifying(JobParameters parameters) {
		Map<String, Object> values = new java.util.TreeMap<>();
		parameters.getIdentifyingParameters().forEach(p -> values.put(p.name(), p.value()));
		return values;
	}

	private void logRun(String jobName, int year, int code, String status, long executionId, long started) {
		RunRecord.write(commandOf(jobName), year, code, "status=" + status + " execution=" + executionId + " seconds="
				+ String.format(java.util.Locale.ROOT, "%.1f", (clock.millis() - started) / 1000.0));
	}

	static String commandOf(String jobName) {
		return jobName.replace("Job", "");
	}

}
