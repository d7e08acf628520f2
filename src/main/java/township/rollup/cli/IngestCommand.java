package township.rollup.cli;

import picocli.CommandLine.Command;

import township.rollup.batch.JobNames;

@Command(name = "ingest", mixinStandardHelpOptions = true)
class IngestCommand extends JobCommand {

	@Override
	String jobName() {
		return JobNames.INGEST;
	}

}
