package township.rollup.cli;

import picocli.CommandLine.Command;

import township.rollup.batch.JobNames;

@Command(name = "annual", mixinStandardHelpOptions = true,
		description = { "The year's final run: everything nightly does, then the completeness gate. 年度定稿。", "",
				"Complete (every registered township accepted, every warning explained): the year is finalized,",
				"the report and files are frozen with their SHA-256 in manifest.csv, exit 0; later runs refuse to",
				"change the year until it is reopened.",
				"Incomplete: a PROVISIONAL report is written and the command exits 3." })
class AnnualCommand extends JobCommand {

	@Override
	String jobName() {
		return JobNames.ANNUAL;
	}

}
