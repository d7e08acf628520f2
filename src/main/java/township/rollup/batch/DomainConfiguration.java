package township.rollup.batch;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import township.rollup.assessment.SubmissionAssessor;
import township.rollup.ingest.SubmissionParser;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rollup.TotalsCheck;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.validation.RuleEngine;

/** The plain-Java rooms as beans. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Bean
	ReportFormats reportFormats() {
		return ReportFormats.standard();
	}

	@Bean
	RuleCatalogue ruleCatalogue() {
		return RuleCatalogue.standard();
	}

	@Bean
	FindingFactory findingFactory(RuleCatalogue catalogue) {
		return new FindingFactory(catalogue, RuleOverrides.none());
	}

	@Bean
	SubmissionParser submissionParser(ReportFormats formats, FindingFactory findings) {
		return new SubmissionParser(formats, findings);
	}

	@Bean
	SubmissionAssessor submissionAssessor(ReportFormats formats, FindingFactory findings) {
		return new SubmissionAssessor(formats, findings);
	}

	@Bean
	TotalsCheck totalsCheck(ReportFormats formats, FindingFactory findings) {
		return new TotalsCheck(new RuleEngine(formats, findings));
	}

}
