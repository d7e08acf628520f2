package township.rollup.batch;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import township.rollup.ingest.SubmissionParser;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;

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

	/** The catalogue's rules as they are, for reading files: BUILTIN rules cannot be overridden. */
	@Bean
	FindingFactory findingFactory(RuleCatalogue catalogue) {
		return new FindingFactory(catalogue, RuleOverrides.none());
	}

	@Bean
	SubmissionParser submissionParser(ReportFormats formats, FindingFactory findings) {
		return new SubmissionParser(formats, findings);
	}


}
