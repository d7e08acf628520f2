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
			description = "Run even if nothing changed since the last completed run of this command for the year.")
	boolean force;

	@Option(names = "--unit", paramLabel = "CODE",
			description = "Consolidate only the part of the registry's tree below this unit (a prefecture of a province).")
	String unit;

	abstract String jobName();

	@Override
	public Integer call() {
		return SpringLauncher.run(global, SpringLauncher.Needs.DATABASE,
				context -> context.getBean(JobRunner.class).run(jobName(), year.year, force, unit));
	}

}
