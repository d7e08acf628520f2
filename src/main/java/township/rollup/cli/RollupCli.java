package township.rollup.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollup}: the top-level command; it only lists the commands. */
@Command(name = "rollup", mixinStandardHelpOptions = true, versionProvider = Release.Provider.class,
		subcommands = { NightlyCommand.class, IngestCommand.class, RollupJobCommand.class, AnnualCommand.class,
				StatusCommand.class, HistoryCommand.class, ReopenCommand.class, PruneCommand.class,
				TemplateCommand.class, RulesCommand.class, CheckCommand.class, ImportCommand.class, ServeCommand.class,
				UsersCommand.class,
				GenerateCommand.class, picocli.CommandLine.HelpCommand.class })
public class RollupCli implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	/** The console's language given before the command ({@code rollup --lang en status}); see {@link Cli}. */
	@Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "help.option.lang")
	String lang;

	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getErr());
		return ExitCodes.USAGE;
	}

}
