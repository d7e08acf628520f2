package township.rollup.cli;

import picocli.CommandLine.Command;

import township.rollup.batch.JobNames;

@Command(name = "rollup", mixinStandardHelpOptions = true)
class RollupJobCommand extends JobCommand {

	@Override
	String jobName() {
		return JobNames.ROLLUP;
	}

}
