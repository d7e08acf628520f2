package township.rollup.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "prune", mixinStandardHelpOptions = true,
		description = { "Delete old job metadata (Spring Batch executions and their steps) through the job "
				+ "repository's delete API, keeping the last N report years. Submissions, versions, findings and "
				+ "reports are never deleted. 清理旧的运行记录。" })
class PruneCommand implements Callable<Integer> {

	@Mixin
	GlobalOptions global;

	@Option(names = "--keep-years", required = true, paramLabel = "N",
			description = "Keep the metadata of the N most recent report years that have runs.")
	int keepYears;

	@Option(names = "--dry-run", description = "Only say what would be deleted.")
	boolean dryRun;

	@Override
	public Integer call() {
		if (keepYears < 1) {
			throw new CommandException(ExitCodes.USAGE, AnyLanguage.text("cli.any.prune.keep-years"));
		}
		return SpringLauncher.run(global, SpringLauncher.Needs.DATABASE,
				context -> context.getBean(MetadataPruner.class).prune(keepYears, dryRun));
	}

}
