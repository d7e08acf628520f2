package township.rollup.cli;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The settings alone, without a database: what {@code template} and {@code rules} start, so that they
 * read the same application.properties, environment and options as every other command.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RollupProperties.class)
class SettingsConfiguration {

	@org.springframework.context.annotation.Bean
	CommandExitCode settingsExitCode() {
		return new CommandExitCode();
	}

}
