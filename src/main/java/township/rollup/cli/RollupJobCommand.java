package township.rollup.cli;

import picocli.CommandLine.Command;

import township.rollup.batch.JobNames;

@Command(name = "rollup", mixinStandardHelpOptions = true,
		description = { "Roll up the accepted submissions already ingested and write the report files. "
				+ "只汇总已采纳的报表。" })
class RollupJobCommand extends JobCommand {

	@Override
	String jobName() {
		return JobNames.ROLLUP;
	}

}
