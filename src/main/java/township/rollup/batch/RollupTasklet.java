package township.rollup.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import township.rollup.output.ReportPublisher;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rollup.Contribution;
import township.rollup.rollup.RollupCalculator;
import township.rollup.rollup.Totals;
import township.rollup.rollup.TotalsCheck;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;
import township.rollup.submission.ParsedSubmission;

/**
 * Sums the current version of every accepted township into the consolidated report, checks that the
 * sums keep every identity, and replaces the stored report, all in one transaction.
 */
class RollupTasklet implements Tasklet {

	private final int year;

	private final Registry registry;

	private final StatusStore status;

	private final SubmissionStore submissions;

	private final ReceivedFileStore files;

	private final ConsolidatedStore consolidated;

	private final TotalsCheck check;

	private final Clock clock;

	private final FaultPoints faults;

	RollupTasklet(int year, Registry registry, StatusStore status, SubmissionStore submissions, ReceivedFileStore files,
			ConsolidatedStore consolidated, TotalsCheck check, Clock clock, FaultPoints faults) {
		this.year = year;
		this.registry = registry;
		this.status = status;
		this.submissions = submissions;
		this.files = files;
		this.consolidated = consolidated;
		this.check = check;
		this.clock = clock;
		this.faults = faults;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		Unit city = registry.consolidating();
		List<StatusStore.Line> board = status.board(year);
		List<Contribution> contributions = new ArrayList<>();
		Set<String> formats = new TreeSet<>();
		MessageDigest basis = MessageDigest.getInstance("SHA-256");
		int rejected = 0;
		int missing = 0;
		for (StatusStore.Line line : board) {
			switch (line.status()) {
				case REJECTED -> rejected++;
				case MISSING -> missing++;
				case ACCEPTED -> {
					SubmissionStore.Version version = submissions.byId(line.submissionId()).orElseThrow();
					ParsedSubmission parsed = files.load(version.receivedFileId()).parsed().orElseThrow();
					contributions.add(new Contribution(line.unitCode(), parsed.formatId(), parsed.numbers(),
							parsed.narrativeNumbers()));
					formats.add(parsed.formatId());
					basis.update((line.unitCode() + ":" + version.version() + ":" + version.sha256() + "\n")
						.getBytes(StandardCharsets.UTF_8));
				}
			}
		}
		if (contributions.isEmpty()) {
			consolidated.delete(year, city.code());
			return RepeatStatus.FINISHED;
		}
		if (formats.size() > 1) {
			throw new IllegalStateException("accepted submissions of " + year + " are in several formats " + formats
					+ "; one consolidation holds one format");
		}
		ReportFormat format = ReportFormats.standard().get(formats.iterator().next());
		Totals totals = RollupCalculator.sum(format, contributions);
		check.verify(totals, city.code(), ReportPublisher.reportFileName(city, year));
		List<ConsolidatedStore.CellTotal> cells = new ArrayList<>();
		totals.cells()
			.forEach((code, value) -> cells.add(new ConsolidatedStore.CellTotal(code, value,
					totals.cellContributors().get(code))));
		totals.narrative()
			.forEach((code, value) -> cells.add(new ConsolidatedStore.CellTotal(code, value,
					totals.narrativeContributors().get(code))));
		faults.reach("rollup.write");
		consolidated.replace(new ConsolidatedStore.Report(year, city.code(), city.name(), format.id(),
				contributions.size(), rejected, missing, HexFormat.of().formatHex(basis.digest()), clock.instant(),
				chunkContext.getStepContext().getStepExecution().getJobExecutionId()), cells);
		contribution.incrementWriteCount(contributions.size());
		return RepeatStatus.FINISHED;
	}

}
