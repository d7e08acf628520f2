package township.rollup.batch;

import java.nio.file.Path;
import java.time.Clock;

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

import township.rollup.assessment.SubmissionAssessor;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.YearSettings;
import township.rollup.validation.RuleEngine;
import township.rollup.ingest.Inbox;
import township.rollup.ingest.SubmissionParser;
import township.rollup.output.ReportPublisher;
import township.rollup.registry.Registry;
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
	ListBackedReader<Path> inboxReader(@Value("#{jobParameters['inbox']}") String inbox) {
		return new ListBackedReader<>("inboxReader") {
			@Override
			protected java.util.List<Path> load() {
				return Inbox.list(Path.of(inbox));
			}
		};
	}

	@Bean
	@StepScope
	ReceiveProcessor receiveProcessor(@Value("#{jobParameters['year']}") Long year, ReceivedFileStore files,
			SubmissionParser parser) {
		return new ReceiveProcessor(year.intValue(), files, parser);
	}

	@Bean
	@StepScope
	ReceiveWriter receiveWriter(@Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['inputDigest']}") String digest,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId, ReceivedFileStore files, Clock clock,
			FaultPoints faults) {
		return new ReceiveWriter(year.intValue(), digest, jobExecutionId, files, clock, faults);
	}

	@Bean
	Step receiveStep(JobRepository repository, PlatformTransactionManager tx, ListBackedReader<Path> inboxReader,
			ReceiveProcessor receiveProcessor, ReceiveWriter receiveWriter, FaultPoints faults) {
		return new StepBuilder(JobNames.RECEIVE_STEP, repository).<Path, Received>chunk(chunkSize)
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
	TownshipWorkReader townshipWorkReader(@Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['inputDigest']}") String digest,
			@Value("#{jobParameters['registry']}") String registry, ReceivedFileStore files) {
		return new TownshipWorkReader(year.intValue(), digest, Registry.load(Path.of(registry)), files);
	}

	@Bean
	@StepScope
	AssessProcessor assessProcessor(@Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['registry']}") String registry,
			@Value("#{jobParameters['settings']}") String settingsDir, ReceivedFileStore files,
			SubmissionStore submissions, ReportFormats formats, RuleCatalogue catalogue) {
		YearSettings settings = YearSettings.load(Path.of(settingsDir), year.intValue(), catalogue, formats);
		FindingFactory findings = new FindingFactory(catalogue, settings.overrides());
		String priorYearFormat = YearSettings.load(Path.of(settingsDir), year.intValue() - 1, catalogue, formats)
			.formatId();
		return new AssessProcessor(year.intValue(), Registry.load(Path.of(registry)), settings, priorYearFormat, files,
				submissions, new SubmissionAssessor(formats, findings), findings);
	}

	@Bean
	@StepScope
	AssessWriter assessWriter(@Value("#{jobParameters['year']}") Long year,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId, SubmissionStore submissions,
			FindingStore findings, StatusStore status, Clock clock, FaultPoints faults) {
		return new AssessWriter(year.intValue(), jobExecutionId, submissions, findings, status, clock, faults);
	}

	/** Once every township is assessed, the board belongs to this inbox, and only to registered units. */
	@Bean
	@StepScope
	StepExecutionListener assessCompletion(@Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['inputDigest']}") String digest,
			@Value("#{jobParameters['registry']}") String registry, YearStateStore years, StatusStore status,
			Clock clock) {
		return new StepExecutionListener() {
			@Override
			public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
				if (stepExecution.getFailureExceptions().isEmpty()) {
					status.retainOnly(year.intValue(), Registry.load(Path.of(registry))
						.members()
						.stream()
						.map(township.rollup.registry.Unit::code)
						.toList());
					years.assessed(year.intValue(), digest, clock.instant());
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
	RollupTasklet rollupTasklet(@Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['registry']}") String registry,
			@Value("#{jobParameters['settings']}") String settingsDir, StatusStore status, SubmissionStore submissions,
			ReceivedFileStore files, ConsolidatedStore consolidated, ReportFormats formats, RuleCatalogue catalogue,
			Clock clock, FaultPoints faults) {
		YearSettings settings = YearSettings.load(Path.of(settingsDir), year.intValue(), catalogue, formats);
		TotalsCheck check = new TotalsCheck(new RuleEngine(formats, new FindingFactory(catalogue, settings.overrides())));
		return new RollupTasklet(year.intValue(), Registry.load(Path.of(registry)), status, submissions, files,
				consolidated, check, clock, faults);
	}

	@Bean
	Step rollupStep(JobRepository repository, PlatformTransactionManager tx, RollupTasklet rollupTasklet) {
		return new StepBuilder(JobNames.ROLLUP_STEP, repository).tasklet(rollupTasklet, tx).build();
	}

	// step 4: publish

	@Bean
	@StepScope
	PublishTasklet publishTasklet(@Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['registry']}") String registry,
			@Value("#{jobParameters['outputDir']}") String outputDir, ReportPublisher publisher, FaultPoints faults) {
		return new PublishTasklet(year.intValue(), Registry.load(Path.of(registry)), Path.of(outputDir), publisher,
				faults);
	}

	@Bean
	Step publishStep(JobRepository repository, PlatformTransactionManager tx, PublishTasklet publishTasklet) {
		return new StepBuilder(JobNames.PUBLISH_STEP, repository).tasklet(publishTasklet, tx).build();
	}

	// step 5 (annual): the completeness gate, and finalizing a complete year

	@Bean
	@StepScope
	GateTasklet gateTasklet(@Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['registry']}") String registry, StatusStore status,
			ConsolidatedStore consolidated) {
		return new GateTasklet(year.intValue(), Registry.load(Path.of(registry)), status, consolidated);
	}

	@Bean
	Step gateStep(JobRepository repository, PlatformTransactionManager tx, GateTasklet gateTasklet) {
		return new StepBuilder(JobNames.GATE_STEP, repository).tasklet(gateTasklet, tx).build();
	}

	@Bean
	@StepScope
	FinalizeTasklet finalizeTasklet(@Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['inputDigest']}") String digest,
			@Value("#{jobParameters['registry']}") String registry,
			@Value("#{jobParameters['outputDir']}") String outputDir, StatusStore status, SubmissionStore submissions,
			YearStateStore years, @Value("${rollup.actor:${user.name}}") String actor, Clock clock) {
		return new FinalizeTasklet(year.intValue(), digest, Registry.load(Path.of(registry)), Path.of(outputDir), status,
				submissions, years, actor, clock);
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
