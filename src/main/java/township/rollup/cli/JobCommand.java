package township.rollup.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command that runs one of the consolidation jobs for a year. */
abstract class JobCommand implements Callable<Integer> {

	@Mixin
	YearOption year;

	@Mixin
	GlobalOptions global;

	@Option(names = "--force",
			descriptionKey = "help.option.force")
	boolean force;

	@Option(names = "--unit", paramLabel = "CODE",
			descriptionKey = "help.option.unit")
	String unit;

	abstract String jobName();

	/** Whether the run is handed to the running portal rather than refused (exit 75) while it runs. */
	boolean handsOver() {
		return false;
	}

	@Override
	public Integer call() {
		java.util.function.ToIntFunction<org.springframework.context.ConfigurableApplicationContext> local = context -> context
			.getBean(JobRunner.class)
			.run(jobName(), year.year, force, unit);
		if (!handsOver()) {
			return SpringLauncher.run(global, SpringLauncher.Needs.DATABASE, local);
		}
		return SpringLauncher.run(global, (lock, portal, environment) -> {
			int code = HandOver.request(lock, portal, jobName(), year.year, force, unit,
					environment.getProperty(township.rollup.i18n.Language.CONSOLE_SETTING));
			RunRecord.write(JobRunner.commandOf(jobName()), year.year, code, "status=HANDED-OVER exit=" + code);
			return code;
		}, local);
	}

}
