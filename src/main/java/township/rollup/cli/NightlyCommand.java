package township.rollup.cli;

import picocli.CommandLine.Command;

import township.rollup.batch.JobNames;

@Command(name = "nightly", mixinStandardHelpOptions = true,
		description = { "Ingest and validate every submission of the year, then roll the accepted ones up and "
				+ "write the report files. 收取、审核并汇总。", "",
				"Reads <input-dir>/<year>/ and <input-dir>/townships.csv; writes <output-dir>/<year>/.",
				"A rerun with nothing new changes nothing; after a crash, a rerun resumes the interrupted run." })
class NightlyCommand extends JobCommand {

	@Override
	String jobName() {
		return JobNames.NIGHTLY;
	}

}
