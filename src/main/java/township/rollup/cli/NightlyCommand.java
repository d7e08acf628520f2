package township.rollup.cli;

import picocli.CommandLine.Command;

import township.rollup.batch.JobNames;

@Command(name = "nightly", mixinStandardHelpOptions = true)
class NightlyCommand extends JobCommand {

	@Override
	String jobName() {
		return JobNames.NIGHTLY;
	}

}
