package township.rollup.cli;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Keeps Boot from logging "Application run failed" with a stack trace for conditions that are ours to
 * report as one clear line, such as a busy lock, or to report not at all (a run handed over to the portal). Registered in {@code META-INF/spring.factories}.
 */
public class QuietFailureReporter implements SpringBootExceptionReporter {

	public QuietFailureReporter(ConfigurableApplicationContext context) {
	}

	@Override
	public boolean reportException(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof CommandException || t instanceof SpringLauncher.HandedOver) {
				return true;
			}
		}
		return false;
	}

}
