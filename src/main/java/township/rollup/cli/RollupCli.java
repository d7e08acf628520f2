package township.rollup.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rollup}: the top-level command; it only lists the commands. */
@Command(name = "rollup", mixinStandardHelpOptions = true, versionProvider = Release.Provider.class,
		description = { "Consolidates the townships' 政府信息公开工作年度报告 into city totals.",
				"汇总各乡镇（街道）政府信息公开工作年度报告。", "" },
		subcommands = { NightlyCommand.class, IngestCommand.class, RollupJobCommand.class, AnnualCommand.class,
				StatusCommand.class, HistoryCommand.class, ReopenCommand.class, PruneCommand.class,
				TemplateCommand.class, RulesCommand.class, CheckCommand.class, ImportCommand.class,
				GenerateCommand.class, picocli.CommandLine.HelpCommand.class },
		footer = { "", "Exit codes: 0 completed, 1 the run failed (rerun to resume), 2 usage or configuration error,",
				"3 annual: year incomplete (provisional report written), 4 a finalized year's submission files changed",
				"(decide whether to reopen), 75 another run holds the lock." })
public class RollupCli implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getErr());
		return ExitCodes.USAGE;
	}

}
