package township.rollup.cli;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What the commands use, listed instead of found by scanning the class path (start-up time). */
@Configuration(proxyBeanMethods = false)
@Import({ SettingsConfiguration.class, JobRunner.class, RunSummary.class, StatusPrinter.class, MetadataPruner.class,
		YearReopening.class })
public class CliConfiguration {

}
