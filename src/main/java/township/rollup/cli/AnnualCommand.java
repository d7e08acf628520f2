package township.rollup.cli;

import picocli.CommandLine.Command;

import township.rollup.batch.JobNames;

@Command(name = "annual", mixinStandardHelpOptions = true)
class AnnualCommand extends JobCommand {

	@Override
	String jobName() {
		return JobNames.ANNUAL;
	}

}
