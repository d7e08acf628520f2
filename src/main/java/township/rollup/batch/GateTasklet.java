package township.rollup.batch;

import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import township.rollup.registry.Registry;
import township.rollup.rollup.Tree;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.StatusStore;

/**
 * The annual completeness gate: the year is complete when every level of the tree is complete (every
 * unit that counts accepted), no accepted file has an unexplained warning, and no unit's own file
 * stands beside its units' files. Every consolidated report becomes FINAL or PROVISIONAL accordingly,
 * and the verdict is kept in the job's context for the finalize step.
 */
class GateTasklet implements Tasklet {

	static final String COMPLETE = "annual.complete";

	private final int year;

	private final Registry registry;

	private final StatusStore status;

	private final ConsolidatedStore consolidated;

	GateTasklet(int year, Registry registry, StatusStore status, ConsolidatedStore consolidated) {
		this.year = year;
		this.registry = registry;
		this.status = status;
		this.consolidated = consolidated;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		List<StatusStore.Line> board = status.board(year);
		Tree tree = new Tree(registry, BoardTasklet.standings(board));
		boolean complete = !board.isEmpty() && tree.level(registry.consolidating().code()).complete()
				&& board.stream().noneMatch(l -> l.status() == StatusStore.Status.ACCEPTED && l.openWarningCount() > 0)
				&& tree.overlaps().isEmpty();
		consolidated.setStage(year, complete ? "FINAL" : "PROVISIONAL");
		chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext()
			.put(COMPLETE, complete);
		return RepeatStatus.FINISHED;
	}

}
