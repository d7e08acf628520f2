package township.rollup.batch;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import township.rollup.assessment.SubmissionAssessor;
import township.rollup.reportformat.ReportFormats;
import township.rollup.run.RunInputs;
import township.rollup.validation.RuleEngine;
import township.rollup.ingest.Inbox;
import township.rollup.ingest.SubmissionParser;
import township.rollup.output.ReportPublisher;
import township.rollup.rollup.TotalsCheck;
import township.rollup.rules.FindingFactory;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.ContentPacks;
import township.rollup.store.FindingStore;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.YearStateStore;

/**
 * The jobs: receive the inbox, assess each township, roll up, publish. Every chunk step commits its
 * writes and its checkpoint in one transaction of the one database that holds both the job repository
 * and the data, so a crashed run restarts after its last commit with nothing lost or doubled.
 */
@Configuration(proxyBeanMethods = false)
class ConsolidationJobConfiguration {

	/** Files and townships per transaction: few commits, small rework after a crash. */
	private final int chunkSize;

	/** Partitions of the receive step: one per core, at most 4; reading and parsing files is the work. */
	private final int partitions;

	ConsolidationJobConfiguration(@Value("${rollup.chunk-size:50}") int chunkSize,
			@Value("${rollup.partitions:0}") int partitions) {
		this.chunkSize = chunkSize;
		this.partitions = partitions > 0 ? partitions : Math.min(4, Runtime.getRuntime().availableProcessors());
	}

	// step 1: receive the inbox, in as many partitions as there are cores (reading is the work)

	@Bean
	@StepScope
	ListBackedReader<Inbox.Entry> inboxReader(@Value("#{jobParameters}") Map<String, Object> parameters,
			@Value("#{stepExecutionContext['partition']}") Integer partition,
			@Value("#{stepExecutionContext['partitions']}") Integer partitions, RunInputsHolder inputs) {
		return new ListBackedReader<>("inboxReader") {
			@Override
			protected List<Inbox.Entry> load() {
				List<Inbox.Entry> all = inputs.of(parameters).inbox().entries();
				List<Inbox.Entry> mine = new java.util.ArrayList<>();
				for (int i = partition; i < all.size(); i += partitions) {
					mine.add(all.get(i));
				}
				return mine;
			}
		};
	}

	@Bean
	@StepScope
	ReceiveProcessor receiveProcessor(@Value("#{jobParameters['year']}") Long year, ReceivedFileStore files,
			SubmissionParser parser, FindingFactory findingFactory, ReportFormats formats) {
		return new ReceiveProcessor(year.intValue(), files, parser, findingFactory, formats);
	}

	@Bean
	@StepScope
	ReceiveWriter receiveWriter(@Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['inputDigest']}") String digest,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
			@Value("#{stepExecutionContext['partition']}") Integer partition, ReceivedFileStore files,
			ContentPacks packs, PlatformTransactionManager tx, FindingFactory findingFactory, Clock clock,
			FaultPoints faults) {
		String pack = year + "/" + jobExecutionId + "-" + partition + ".pack";
		return new ReceiveWriter(year.intValue(), digest, jobExecutionId, pack, files, packs,
				new Quarantine(tx, findingFactory), clock, faults);
	}

	@Bean
	Step receivePartitionStep(JobRepository repository, PlatformTransactionManager tx,
			ListBackedReader<Inbox.Entry> inboxReader, ReceiveProcessor receiveProcessor, ReceiveWriter receiveWriter,
			FaultPoints faults, Progress progress) {
		return new StepBuilder(JobNames.RECEIVE_PARTITION_STEP, repository).<Inbox.Entry, Received>chunk(chunkSize)
			.transactionManager(tx)
			.reader(inboxReader)
			.processor(receiveProcessor)
			.writer(receiveWriter)
			.listener(faults.betweenChunks("receive.chunk"))
			.listener(progress.counting(Progress.Phase.RECEIVED))
			.build();
	}

	@Bean
	Step receiveStep(JobRepository repository, Step receivePartitionStep) {
		return new StepBuilder(JobNames.RECEIVE_STEP, repository)
			.partitioner(JobNames.RECEIVE_PARTITION_STEP, this::partitions)
			.step(receivePartitionStep)
			.gridSize(partitions)
			.taskExecutor(partitionExecutor("receive-"))
			.build();
	}

	/** Every {@code grid}-th item from the {@code partition}-th: the same split on a restart. */
	private Map<String, org.springframework.batch.infrastructure.item.ExecutionContext> partitions(int grid) {
		Map<String, org.springframework.batch.infrastructure.item.ExecutionContext> parts = new java.util.LinkedHashMap<>();
		for (int i = 0; i < grid; i++) {
			var context = new org.springframework.batch.infrastructure.item.ExecutionContext();
			context.putInt("partition", i);
			context.putInt("partitions", grid);
			parts.put("partition" + i, context);
		}
		return parts;
	}

	private org.springframework.core.task.TaskExecutor partitionExecutor(String prefix) {
		var executor = new org.springframework.core.task.SimpleAsyncTaskExecutor(prefix);
		executor.setConcurrencyLimit(partitions);
		return executor;
	}

	// step 2: assess each unit

	@Bean
	@StepScope
	UnitWorkReader unitWorkReader(@Value("#{jobParameters}") Map<String, Object> parameters,
			@Value("#{stepExecutionContext['partition']}") Integer partition,
			@Value("#{stepExecutionContext['partitions']}") Integer partitions, RunInputsHolder inputs,
			ReceivedFileStore files, SubmissionStore submissions, ConsolidatedStore consolidated, ReportFormats formats,
			township.rollup.store.ExplanationStore explanations) {
		RunInputs run = inputs.of(parameters);
		return new UnitWorkReader(run.year(), run.registry(), run.inbox().entries(), run.priorSettings().formatId(),
				partition, partitions, files, submissions, consolidated, formats, explanations, chunkSize);
	}

	@Bean
	@StepScope
	AssessProcessor assessProcessor(@Value("#{jobParameters}") Map<String, Object> parameters, RunInputsHolder inputs,
			ReceivedFileStore files, SubmissionStore submissions, ReportFormats formats) {
		RunInputs run = inputs.of(parameters);
		return new AssessProcessor(run.year(), run.registry(), run.settings(), run.priorSettings().formatId(), files,
				submissions, new SubmissionAssessor(formats, run.findings()), run.findings());
	}

	@Bean
	@StepScope
	AssessWriter assessWriter(@Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['inputDigest']}") String digest,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId, SubmissionStore submissions,
			FindingStore findings, StatusStore status, PlatformTransactionManager tx, FindingFactory findingFactory,
			Clock clock, FaultPoints faults) {
		return new AssessWriter(year.intValue(), digest, jobExecutionId, submissions, findings, status,
				new Quarantine(tx, findingFactory), clock, faults);
	}

	@Bean
	Step assessStep(JobRepository repository, Step assessPartitionStep) {
		return new StepBuilder(JobNames.ASSESS_STEP, repository)
			.partitioner(JobNames.ASSESS_PARTITION_STEP, this::partitions)
			.step(assessPartitionStep)
			.gridSize(partitions)
			.taskExecutor(partitionExecutor("assess-"))
			.build();
	}

	@Bean
	Step assessPartitionStep(JobRepository repository, PlatformTransactionManager tx,
			UnitWorkReader unitWorkReader, AssessProcessor assessProcessor, AssessWriter assessWriter,
			FaultPoints faults, Progress progress) {
		return new StepBuilder(JobNames.ASSESS_PARTITION_STEP, repository).<UnitWork, SubmissionOutcome>chunk(chunkSize)
			.transactionManager(tx)
			.reader(unitWorkReader)
			.processor(assessProcessor)
			.writer(assessWriter)
			.listener(faults.betweenChunks("assess.chunk"))
			.listener(progress.counting(Progress.Phase.ASSESSED))
			.build();
	}

	// step 2b: the board as a tree, once every unit is assessed

	@Bean
	@StepScope
	BoardTasklet boardTasklet(@Value("#{jobParameters}") Map<String, Object> parameters, RunInputsHolder inputs,
			StatusStore status, SubmissionStore submissions, FindingStore findings, YearStateStore years, Clock clock) {
		RunInputs run = inputs.of(parameters);
		return new BoardTasklet(run.year(), (String) parameters.get(RunParameters.INPUT_DIGEST), run.registry(), status,
				submissions, findings, years, run.findings(), clock);
	}

	@Bean
	Step boardStep(JobRepository repository, PlatformTransactionManager tx, BoardTasklet boardTasklet) {
		return new StepBuilder(JobNames.BOARD_STEP, repository).tasklet(boardTasklet, tx).build();
	}

	// step 3: roll up

	@Bean
	@StepScope
	RollupTasklet rollupTasklet(@Value("#{jobParameters}") Map<String, Object> parameters, RunInputsHolder inputs,
			StatusStore status, ReceivedFileStore files, ConsolidatedStore consolidated, ReportFormats formats,
			SubmissionStore submissions, Clock clock, FaultPoints faults, FindingStore findings) {
		RunInputs run = inputs.of(parameters);
		TotalsCheck check = new TotalsCheck(new RuleEngine(formats, run.findings()));
		return new RollupTasklet(run.year(), run.settings().formatId(), run.registry(), status, files, consolidated,
				formats, check, submissions, clock, faults, findings, (String) parameters.get(RunParameters.INPUT_DIGEST));
	}

	@Bean
	Step rollupStep(JobRepository repository, PlatformTransactionManager tx, RollupTasklet rollupTasklet) {
		return new StepBuilder(JobNames.ROLLUP_STEP, repository).tasklet(rollupTasklet, tx).build();
	}

	// step 4: publish

	@Bean
	@StepScope
	PublishTasklet publishTasklet(@Value("#{jobParameters}") Map<String, Object> parameters, RunInputsHolder inputs,
			ReportPublisher publisher, FaultPoints faults) {
		RunInputs run = inputs.of(parameters);
		return new PublishTasklet(run.year(), run.registry(), run.locations().outputDir(), publisher, faults);
	}

	@Bean
	Step publishStep(JobRepository repository, PlatformTransactionManager tx, PublishTasklet publishTasklet) {
		return new StepBuilder(JobNames.PUBLISH_STEP, repository).tasklet(publishTasklet, tx).build();
	}

	// step 5 (annual): the completeness gate, and finalizing a complete year

	@Bean
	@StepScope
	GateTasklet gateTasklet(@Value("#{jobParameters}") Map<String, Object> parameters, RunInputsHolder inputs,
			StatusStore status, ConsolidatedStore consolidated) {
		RunInputs run = inputs.of(parameters);
		return new GateTasklet(run.year(), run.registry(), status, consolidated);
	}

	@Bean
	Step gateStep(JobRepository repository, PlatformTransactionManager tx, GateTasklet gateTasklet) {
		return new StepBuilder(JobNames.GATE_STEP, repository).tasklet(gateTasklet, tx).build();
	}

	@Bean
	@StepScope
	FinalizeTasklet finalizeTasklet(@Value("#{jobParameters}") Map<String, Object> parameters, RunInputsHolder inputs,
			StatusStore status, SubmissionStore submissions, YearStateStore years,
			@Value("${rollup.actor:${user.name}}") String actor, Clock clock) {
		RunInputs run = inputs.of(parameters);
		return new FinalizeTasklet(run.year(), (String) parameters.get(RunParameters.INPUT_DIGEST), run.registry(),
				run.locations().outputDir(), status, submissions, years, actor, clock);
	}

	@Bean
	Step finalizeStep(JobRepository repository, PlatformTransactionManager tx, FinalizeTasklet finalizeTasklet) {
		return new StepBuilder(JobNames.FINALIZE_STEP, repository).tasklet(finalizeTasklet, tx).build();
	}

	// jobs

	@Bean
	Job ingestJob(JobRepository repository, Step receiveStep, Step assessStep, Step boardStep, Step publishStep) {
		return new JobBuilder(JobNames.INGEST, repository).start(receiveStep)
			.next(assessStep)
			.next(boardStep)
			.next(publishStep)
			.build();
	}

	@Bean
	Job rollupJob(JobRepository repository, Step rollupStep, Step publishStep) {
		return new JobBuilder(JobNames.ROLLUP, repository).start(rollupStep).next(publishStep).build();
	}

	@Bean
	Job annualJob(JobRepository repository, Step receiveStep, Step assessStep, Step boardStep, Step rollupStep,
			Step gateStep, Step publishStep, Step finalizeStep) {
		return new JobBuilder(JobNames.ANNUAL, repository).start(receiveStep)
			.next(assessStep)
			.next(boardStep)
			.next(rollupStep)
			.next(gateStep)
			.next(publishStep)
			.next(finalizeStep)
			.build();
	}

	@Bean
	Job nightlyJob(JobRepository repository, Step receiveStep, Step assessStep, Step boardStep, Step rollupStep,
			Step publishStep) {
		return new JobBuilder(JobNames.NIGHTLY, repository).start(receiveStep)
			.next(assessStep)
			.next(boardStep)
			.next(rollupStep)
			.next(publishStep)
			.build();
	}

}
