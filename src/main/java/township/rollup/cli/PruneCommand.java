package township.rollup.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "prune", mixinStandardHelpOptions = true)
class PruneCommand implements Callable<Integer> {

	@Mixin
	GlobalOptions global;

	@Option(names = "--keep-years", required = true, paramLabel = "N",
			descriptionKey = "help.prune.keep-years")
	int keepYears;

	@Option(names = "--dry-run", descriptionKey = "help.prune.dry-run")
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
