package township.rollup.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import township.rollup.board.Board;
import township.rollup.board.Gate;
import township.rollup.registry.Registry;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.StatusStore;

/**
 * The annual completeness gate's step: the board's verdict ({@link Gate}) makes every consolidated report
 * FINAL or PROVISIONAL, and is kept in the job's context for the finalize step.
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
		Gate gate = Board.of(registry, status.board(year)).gate();
		consolidated.setStage(year, gate.stage());
		chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext()
			.put(COMPLETE, gate.complete());
		return RepeatStatus.FINISHED;
	}

}
