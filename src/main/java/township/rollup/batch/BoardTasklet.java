package township.rollup.batch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import township.rollup.board.Board;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.Where;
import township.rollup.store.FindingStore;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.YearStateStore;

/**
 * Once every unit is assessed: each level of the tree gets what it stands on and how many of its units
 * are complete, a unit's own file beside its units' files is reported, units no longer registered leave
 * the board, and the board is marked as belonging to this inbox. One transaction.
 */
class BoardTasklet implements Tasklet {

	private final int year;

	private final String digest;

	private final Registry registry;

	private final StatusStore status;

	private final SubmissionStore submissions;

	private final FindingStore findings;

	private final YearStateStore years;

	private final FindingFactory factory;

	private final Clock clock;

	BoardTasklet(int year, String digest, Registry registry, StatusStore status, SubmissionStore submissions,
			FindingStore findings, YearStateStore years, FindingFactory factory, Clock clock) {
		this.year = year;
		this.digest = digest;
		this.registry = registry;
		this.status = status;
		this.submissions = submissions;
		this.findings = findings;
		this.years = years;
		this.factory = factory;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		levels();
		years.assessed(year, digest, clock.instant());
		return RepeatStatus.FINISHED;
	}

	/**
	 * The board's levels and overlap notices from the units' lines as they are now, under this board's
	 * inbox digest; also what a file sent through the portal changes ({@link SentFileIngest}), which leaves
	 * the board's inbox to the runs.
	 */
	void levels() {
		status.retainOnly(year, registry.members().stream().map(Unit::code).toList());
		Board board = Board.of(registry, status.board(year));
		status.putLevels(year, board.levelLines());
		List<FindingStore.InboxFinding> overlaps = new ArrayList<>();
		for (Board.Overlap overlap : board.overlapNotices()) {
			String file = overlap.submissionId() == null ? ""
					: submissions.byId(overlap.submissionId()).map(SubmissionStore.Version::fileName).orElse("");
			factory.create("ROLLUP-OVERLAP", Where.file(file), Map.of("unit", overlap.unit().name(), "unitCode",
					overlap.unit().code(), "file", file, "count", overlap.count(), "units", overlap.units()))
				.ifPresent(f -> overlaps.add(new FindingStore.InboxFinding(null, overlap.unit().code(), List.of(f))));
		}
		findings.replaceInboxKind(year, digest, FindingStore.InboxKind.OVERLAP, overlaps);
	}

}
