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

	@Override
	public Integer call() {
		return SpringLauncher.run(global, SpringLauncher.Needs.DATABASE,
				context -> context.getBean(JobRunner.class).run(jobName(), year.year, force, unit));
	}

}
