package township.rollup.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import township.rollup.registry.Registry;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.StatusStore;

/**
 * The annual completeness gate: the year is complete when every registered township is accepted and
 * every warning is explained. The consolidated report becomes FINAL or PROVISIONAL accordingly, and the
 * verdict is kept in the job's context for the finalize step.
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
		var board = status.board(year);
		boolean complete = !board.isEmpty() && board.size() == registry.members().size()
				&& board.stream().allMatch(l -> l.status() == StatusStore.Status.ACCEPTED && l.openWarningCount() == 0);
		consolidated.setStage(year, registry.consolidating().code(), complete ? "FINAL" : "PROVISIONAL");
		chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext()
			.put(COMPLETE, complete);
		return RepeatStatus.FINISHED;
	}

}
