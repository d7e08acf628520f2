package township.rollup.batch;

import java.nio.file.Path;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import township.rollup.output.ReportPublisher;
import township.rollup.registry.Registry;

/**
 * Writes the year's files from the database. Files are not transactional, so each is replaced
 * atomically, and a restart after a crash here simply writes them all again.
 */
class PublishTasklet implements Tasklet {

	private final int year;

	private final Registry registry;

	private final Path outputDir;

	private final ReportPublisher publisher;

	private final FaultPoints faults;

	PublishTasklet(int year, Registry registry, Path outputDir, ReportPublisher publisher, FaultPoints faults) {
		this.year = year;
		this.registry = registry;
		this.outputDir = outputDir;
		this.publisher = publisher;
		this.faults = faults;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		contribution.incrementWriteCount(publisher
			.publish(year, registry, outputDir, () -> faults.reach("publish.pages"))
			.size());
		return RepeatStatus.FINISHED;
	}

}
