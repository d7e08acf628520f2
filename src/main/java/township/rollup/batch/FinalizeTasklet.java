package township.rollup.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import township.rollup.bytes.Sha256;
import township.rollup.ingest.Inbox;
import township.rollup.output.AtomicFiles;
import township.rollup.output.ManifestCsv;
import township.rollup.registry.Registry;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.YearStateStore;

/**
 * Freezes a complete year: the hashes of the submission files it rests on and of the files it produced
 * go into {@code manifest.csv} and the database, and the year becomes FINAL. Later runs for the year
 * refuse to change anything until it is reopened.
 */
class FinalizeTasklet implements Tasklet {

	static final String MANIFEST_FILE = township.rollup.output.ReportPublisher.MANIFEST_FILE;

	private final int year;

	private final String digest;

	private final Registry registry;

	private final Path outputDir;

	private final StatusStore status;

	private final SubmissionStore submissions;

	private final YearStateStore years;

	private final String actor;

	private final Clock clock;

	FinalizeTasklet(int year, String digest, Registry registry, Path outputDir, StatusStore status,
			SubmissionStore submissions, YearStateStore years, String actor, Clock clock) {
		this.year = year;
		this.digest = digest;
		this.registry = registry;
		this.outputDir = outputDir;
		this.status = status;
		this.submissions = submissions;
		this.years = years;
		this.actor = actor;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		var jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
		if (!Boolean.TRUE.equals(jobContext.get(GateTasklet.COMPLETE))) {
			return RepeatStatus.FINISHED;
		}
		List<YearStateStore.ManifestEntry> manifest = new ArrayList<>();
		for (SubmissionStore.Input input : submissions.currentInputs(year)) {
			manifest.add(new YearStateStore.ManifestEntry(YearStateStore.ManifestEntry.INPUT, input.fileName(), input.unitCode(), input.sha256()));
		}
		Path dir = outputDir.resolve(String.valueOf(year));
		for (Path file : Inbox.regularFiles(dir)) {
			if (!file.getFileName().toString().equals(MANIFEST_FILE)) {
				manifest.add(new YearStateStore.ManifestEntry(YearStateStore.ManifestEntry.OUTPUT, file.getFileName().toString(), null,
						Sha256.hexOf(file)));
			}
		}
		manifest.sort(YearStateStore.ManifestEntry.ORDER);
		years.finalizeYear(year, digest, chunkContext.getStepContext().getStepExecution().getJobExecutionId(), actor,
				manifest, clock.instant());
		// the file says what the database holds, so it is written once that is committed; a crash in
		// between leaves the year final without the file, and the next run writes it from the database
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				AtomicFiles.write(dir.resolve(MANIFEST_FILE), ManifestCsv.write(manifest));
			}
		});
		return RepeatStatus.FINISHED;
	}


}
