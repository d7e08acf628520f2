package township.rollup.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** The command line: parses with picocli, then runs the chosen command. */
public final class Cli {

	private Cli() {
	}

	public static int run(String[] args) {
		CommandLine commandLine = new CommandLine(new RollupCli());
		commandLine.setOut(new PrintWriter(Console.OUT, true));
		commandLine.setErr(new PrintWriter(Console.ERR, true));
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setUsageHelpWidth(110);
		commandLine.setParameterExceptionHandler((ex, arguments) -> {
			CommandLine failed = ex.getCommandLine();
			failed.getErr().println(ex.getMessage());
			failed.getErr().println(AnyLanguage.text("cli.any.usage", failed.getCommandSpec().qualifiedName()));
			return ExitCodes.USAGE;
		});
		commandLine.setExecutionExceptionHandler((ex, failed, parseResult) -> {
			if (ex instanceof CommandException known) {
				failed.getErr().println(known.getMessage());
				return known.exitCode();
			}
			if (SpringLauncher.brokenRules(ex) != null) {
				failed.getErr().println(AnyLanguage.text("cli.any.rules.broken", SpringLauncher.brokenRules(ex).getMessage()));
				return ExitCodes.USAGE;
			}
			failed.getErr().println(AnyLanguage.text("cli.any.failed", SpringLauncher.rootMessage(ex)));
			return ExitCodes.FAILED;
		});
		return commandLine.execute(args);
	}

}
