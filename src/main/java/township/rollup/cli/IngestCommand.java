package township.rollup.cli;

import picocli.CommandLine.Command;

import township.rollup.batch.JobNames;

@Command(name = "ingest", mixinStandardHelpOptions = true,
		description = { "Ingest and validate every submission of the year without rolling up: updates the "
				+ "status board, status.csv and findings.csv. 只收取和审核，不汇总。" })
class IngestCommand extends JobCommand {

	@Override
	String jobName() {
		return JobNames.INGEST;
	}

}
