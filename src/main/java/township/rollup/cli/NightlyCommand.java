package township.rollup.cli;

import picocli.CommandLine.Command;

import township.rollup.batch.JobNames;

@Command(name = "nightly", mixinStandardHelpOptions = true)
class NightlyCommand extends JobCommand {

	@Override
	String jobName() {
		return JobNames.NIGHTLY;
	}

	/** Cron's nightly still runs while the portal runs: the portal runs it and this command waits. */
	@Override
	boolean handsOver() {
		return true;
	}

}
