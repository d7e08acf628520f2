package township.rollup.batch;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import township.rollup.board.Board;
import township.rollup.board.BoardLine;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rollup.Basis;
import township.rollup.rollup.Consolidation;
import township.rollup.rollup.NumberVector;
import township.rollup.rollup.TotalsCheck;
import township.rollup.rollup.Tree;
import township.rollup.output.ReportPublisher;
import township.rollup.rules.Finding;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;

/**
 * Sums every level of the tree from the current versions of the accepted units, checks that each
 * level's sums keep every identity, and replaces the stored reports and the levels' own findings (a
 * 总体情况 figure against the tables), all in one transaction. The
 * accepted versions are read a page at a time, so a nation is summed in the memory of its counties: per
 * run, the sums of every level above the units and one digest per level (bounded by the registry's levels).
 */
class RollupTasklet implements Tasklet {

	private final int year;

	private final String yearFormat;

	private final Registry registry;

	private final StatusStore status;

	private final ReceivedFileStore files;

	private final ConsolidatedStore consolidated;

	private final ReportFormats formats;

	private final TotalsCheck check;

	private final SubmissionStore submissions;

	private final Clock clock;

	private final FaultPoints faults;

	private final FindingStore findings;

	private final String digest;

	RollupTasklet(int year, String yearFormat, Registry registry, StatusStore status, ReceivedFileStore files,
			ConsolidatedStore consolidated, ReportFormats formats, TotalsCheck check, SubmissionStore submissions, Clock clock,
			FaultPoints faults, FindingStore findings, String digest) {
		this.findings = findings;
		this.digest = digest;
		this.year = year;
		this.yearFormat = yearFormat;
		this.registry = registry;
		this.status = status;
		this.files = files;
		this.consolidated = consolidated;
		this.formats = formats;
		this.check = check;
		this.submissions = submissions;
		this.clock = clock;
		this.faults = faults;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		List<BoardLine> board = status.board(year);
		Tree tree = Board.of(registry, board).tree();
		// a version the office returned is left out of the sums, as a rejected one is, until the unit sends
		// the next one (its verdict stays accepted: the submission is read as accepted)
		java.util.Set<String> returned = new java.util.HashSet<>();
		board.stream().filter(BoardLine::returned).forEach(l -> returned.add(l.unitCode().strip()));
		ReportFormat format = formats.get(yearFormat);
		Consolidation sums = new Consolidation(format, registry, tree);
		Basis bases = new Basis(registry);
		int[] added = { 0 };
		submissions.forEachAccepted(year, accepted -> {
			Unit unit = registry.member(accepted.unitCode()).orElse(null);
			if (unit == null || returned.contains(unit.code())) {
				return;
			}
			String formatId = accepted.formatId();
			if (!format.id().equals(formatId)) {
				throw new IllegalStateException("the accepted submission of " + unit.code() + " is in format " + formatId
						+ "; " + year + " is consolidated in " + format.id());
			}
			String vector = accepted.numbers();
			Map<String, BigDecimal> numbers = NumberVector.fits(format, vector) ? NumberVector.decode(format, vector)
					: withNarrative(files.load(accepted.receivedFileId()).parsed().orElseThrow());
			sums.add(unit, numbers);
			added[0]++;
			bases.add(unit, accepted.version(), accepted.sha256());
		});
		List<ConsolidatedStore.Stored> reports = new ArrayList<>();
		List<FindingStore.InboxFinding> levelFindings = new ArrayList<>();
		long execution = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
		sums.forEachLevel(result -> {
			if (result.totals() == null) {
				return;
			}
			Unit unit = result.level().unit();
			List<Finding> own = check.verify(result.totals(), unit.code(), ReportPublisher.reportFileName(unit, year));
			if (!own.isEmpty()) {
				levelFindings.add(new FindingStore.InboxFinding(null, unit.code(), own));
			}
			ConsolidatedStore.Report report = new ConsolidatedStore.Report(year, unit.code(), unit.name(), format.id(),
					result.accepted(), result.rejected(), result.missing(), bases.of(unit.code()),
					clock.instant(), execution, "NIGHTLY", unit == registry.consolidating() ? null : unit.parentCode(),
					result.level().source().name(), result.level().units(), result.level().completeUnits());
			reports.add(new ConsolidatedStore.Stored(report,
					NumberVector.encode(format, result.totals().cells(), result.totals().narrative())));
		});
		faults.reach("rollup.write");
		consolidated.replaceAll(year, reports);
		findings.replaceInboxKind(year, digest, FindingStore.InboxKind.LEVEL, levelFindings);
		contribution.incrementWriteCount(added[0]);
		return RepeatStatus.FINISHED;
	}

	private static Map<String, BigDecimal> withNarrative(township.rollup.submission.ParsedSubmission parsed) {
		Map<String, BigDecimal> numbers = new java.util.LinkedHashMap<>(parsed.numbers());
		numbers.putAll(parsed.narrativeNumbers());
		return numbers;
	}

}
