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

	ConsolidationJobConfiguration(@Value("${rollup.chunk-size:50}") int chunkSize) {
		this.chunkSize = chunkSize;
	}

	// step 1: receive the inbox

	@Bean
	@StepScope
	ListBackedReader<Inbox.Entry> inboxReader(@Value("#{jobParameters}") Map<String, Object> parameters,
			RunInputsHolder inputs) {
		return new ListBackedReader<>("inboxReader") {
			@Override
			protected List<Inbox.Entry> load() {
				return inputs.of(parameters).inbox().entries();
			}
		};
	}

	@Bean
	@StepScope
	ReceiveProcessor receiveProcessor(@Value("#{jobParameters['year']}") Long year, ReceivedFileStore files,
			SubmissionParser parser, FindingFactory findingFactory) {
		return new ReceiveProcessor(year.intValue(), files, parser, findingFactory);
	}

	@Bean
	@StepScope
	ReceiveWriter receiveWriter(@Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['inputDigest']}") String digest,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId, ReceivedFileStore files,
			PlatformTransactionManager tx, FindingFactory findingFactory, Clock clock, FaultPoints faults) {
		return new ReceiveWriter(year.intValue(), digest, jobExecutionId, files, new Quarantine(tx, findingFactory),
				clock, faults);
	}

	@Bean
	Step receiveStep(JobRepository repository, PlatformTransactionManager tx,
			ListBackedReader<Inbox.Entry> inboxReader, ReceiveProcessor receiveProcessor, ReceiveWriter receiveWriter,
			FaultPoints faults) {
		return new StepBuilder(JobNames.RECEIVE_STEP, repository).<Inbox.Entry, Received>chunk(chunkSize)
			.transactionManager(tx)
			.reader(inboxReader)
			.processor(receiveProcessor)
			.writer(receiveWriter)
			.listener(faults.betweenChunks("receive.chunk"))
			.build();
	}

	// step 2: assess each township

	@Bean
	@StepScope
	TownshipWorkReader townshipWorkReader(@Value("#{jobParameters}") Map<String, Object> parameters,
			RunInputsHolder inputs, ReceivedFileStore files) {
		RunInputs run = inputs.of(parameters);
		return new TownshipWorkReader(run.year(), (String) parameters.get(RunParameters.INPUT_DIGEST), run.registry(),
				files);
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
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId, SubmissionStore submissions,
			FindingStore findings, StatusStore status, PlatformTransactionManager tx, FindingFactory findingFactory,
			Clock clock, FaultPoints faults) {
		return new AssessWriter(year.intValue(), jobExecutionId, submissions, findings, status,
				new Quarantine(tx, findingFactory), clock, faults);
	}

	/**
	 * Once every township is assessed, the board belongs to this inbox, and only to registered units. The
	 * listener runs after the step's last commit, so it writes in a transaction of its own.
	 */
	@Bean
	@StepScope
	StepExecutionListener assessCompletion(@Value("#{jobParameters}") Map<String, Object> parameters,
			RunInputsHolder inputs, YearStateStore years, StatusStore status, PlatformTransactionManager tx,
			Clock clock) {
		RunInputs run = inputs.of(parameters);
		String digest = (String) parameters.get(RunParameters.INPUT_DIGEST);
		return new StepExecutionListener() {
			@Override
			public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
				if (stepExecution.getFailureExceptions().isEmpty()) {
					new TransactionTemplate(tx).executeWithoutResult(t -> {
						status.retainOnly(run.year(),
								run.registry().members().stream().map(township.rollup.registry.Unit::code).toList());
						years.assessed(run.year(), digest, clock.instant());
					});
				}
				return stepExecution.getExitStatus();
			}
		};
	}

	@Bean
	Step assessStep(JobRepository repository, PlatformTransactionManager tx, TownshipWorkReader townshipWorkReader,
			AssessProcessor assessProcessor, AssessWriter assessWriter, StepExecutionListener assessCompletion,
			FaultPoints faults) {
		return new StepBuilder(JobNames.ASSESS_STEP, repository).<TownshipWork, TownshipOutcome>chunk(chunkSize)
			.transactionManager(tx)
			.reader(townshipWorkReader)
			.processor(assessProcessor)
			.writer(assessWriter)
			.listener(assessCompletion)
			.listener(faults.betweenChunks("assess.chunk"))
			.build();
	}

	// step 3: roll up

	@Bean
	@StepScope
	RollupTasklet rollupTasklet(@Value("#{jobParameters}") Map<String, Object> parameters, RunInputsHolder inputs,
			StatusStore status, SubmissionStore submissions, ReceivedFileStore files, ConsolidatedStore consolidated,
			ReportFormats formats, Clock clock, FaultPoints faults) {
		RunInputs run = inputs.of(parameters);
		TotalsCheck check = new TotalsCheck(new RuleEngine(formats, run.findings()));
		return new RollupTasklet(run.year(), run.registry(), status, submissions, files, consolidated, check, clock,
				faults);
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
	Job ingestJob(JobRepository repository, Step receiveStep, Step assessStep, Step publishStep) {
		return new JobBuilder(JobNames.INGEST, repository).start(receiveStep).next(assessStep).next(publishStep).build();
	}

	@Bean
	Job rollupJob(JobRepository repository, Step rollupStep, Step publishStep) {
		return new JobBuilder(JobNames.ROLLUP, repository).start(rollupStep).next(publishStep).build();
	}

	@Bean
	Job annualJob(JobRepository repository, Step receiveStep, Step assessStep, Step rollupStep, Step gateStep,
			Step publishStep, Step finalizeStep) {
		return new JobBuilder(JobNames.ANNUAL, repository).start(receiveStep)
			.next(assessStep)
			.next(rollupStep)
			.next(gateStep)
			.next(publishStep)
			.next(finalizeStep)
			.build();
	}

	@Bean
	Job nightlyJob(JobRepository repository, Step receiveStep, Step assessStep, Step rollupStep, Step publishStep) {
		return new JobBuilder(JobNames.NIGHTLY, repository).start(receiveStep)
			.next(assessStep)
			.next(rollupStep)
			.next(publishStep)
			.build();
	}

}
