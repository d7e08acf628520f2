package township.rollup.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.i18n.Text;

/**
 * The command line: parses with picocli, then runs the chosen command. The console's language is known
 * before parsing ({@code --lang} anywhere on the line, else {@code ROLLUP_LANG}), so that the help and the
 * command line's own errors speak it; {@code rollup.lang} from a settings file is read only once Spring
 * starts, and so reaches what the commands print but not the help.
 */
public final class Cli {

	static final String LANG_OPTION = "--lang";

	static final String LANG_VARIABLE = "ROLLUP_LANG";

	private Cli() {
	}

	public static int run(String[] args) {
		return run(args, System.getenv(), new PrintWriter(Console.OUT, true), new PrintWriter(Console.ERR, true));
	}

	/** The command line with its environment and its two streams given: the tests run it in-process. */
	static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
		Language language;
		try {
			language = consoleLanguage(args, environment);
		}
		catch (Language.Unknown ex) {
			err.println(ex.getMessage());
			return ExitCodes.USAGE;
		}
		Messages texts = Messages.of(language);
		CommandLine commandLine = new CommandLine(new RollupCli());
		commandLine.setResourceBundle(texts.bundle());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setUsageHelpWidth(110);
		commandLine.setParameterExceptionHandler((ex, arguments) -> {
			CommandLine failed = ex.getCommandLine();
			PrintWriter errors = failed.getErr();
			// picocli checks required options first: "status --yaer 2020" would only say --year is missing
			List<String> unmatched = ex instanceof UnmatchedArgumentException u ? u.getUnmatched()
					: failed.getUnmatchedArguments();
			if (!unmatched.isEmpty()) {
				errors.println(texts.get("cli.unknown-option", String.join(" ", unmatched)));
				List<String> suggestions = suggestions(failed.getCommandSpec(), unmatched.get(0));
				if (!suggestions.isEmpty()) {
					errors.println(texts.get("cli.did-you-mean", String.join(", ", suggestions)));
				}
			}
			else if (ex instanceof MissingParameterException missing) {
				errors.println(texts.get("cli.missing", String.join(", ",
						missing.getMissing().stream().map(Cli::synopsis).toList())));
			}
			else {
				errors.println(ex.getMessage());
			}
			errors.println(AnyLanguage.text("cli.any.usage", failed.getCommandSpec().qualifiedName()));
			return ExitCodes.USAGE;
		});
		commandLine.setExecutionExceptionHandler((ex, failed, parseResult) -> {
			if (ex instanceof CommandException known) {
				failed.getErr().println(known.getMessage());
				return known.exitCode();
			}
			if (SpringLauncher.brokenRules(ex) != null) {
				failed.getErr().println(AnyLanguage.text("cli.any.rules.broken", Text.bilingual(SpringLauncher.brokenRules(ex))));
				return ExitCodes.USAGE;
			}
			failed.getErr().println(AnyLanguage.text("cli.any.failed", SpringLauncher.rootMessage(ex)));
			return ExitCodes.FAILED;
		});
		return commandLine.execute(args);
	}

	/**
	 * The options (or, for a word, the commands) a mistyped argument was probably meant to be: those within
	 * a third of its length in edits, a swap of two neighbours counting as one ({@code --yaer}, {@code stauts});
	 * else picocli's own guesses.
	 */
	static List<String> suggestions(CommandSpec spec, String typed) {
		String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
		java.util.Collection<String> candidates = name.startsWith("-") ? spec.optionsMap().keySet()
				: spec.subcommands().keySet();
		int allowed = Math.max(1, name.length() / 3);
		List<String> near = candidates.stream()
			.filter(c -> c.startsWith("--") || !name.startsWith("--"))
			.filter(c -> edits(name, c) <= allowed)
			.sorted(java.util.Comparator.comparingInt((String c) -> edits(name, c)).thenComparing(c -> c))
			.toList();
		return near.isEmpty() ? new UnmatchedArgumentException(spec.commandLine(), List.of(typed)).getSuggestions()
				: near;
	}

	/** Edits from one word to another: insert, delete, replace, or swap two neighbours. */
	static int edits(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			for (int j = 0; j <= b.length(); j++) {
				if (i == 0 || j == 0) {
					d[i][j] = i + j;
					continue;
				}
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

	private static String synopsis(ArgSpec arg) {
		return arg instanceof OptionSpec option ? option.longestName() + "=" + option.paramLabel() : arg.paramLabel();
	}

	/**
	 * {@code --lang X} or {@code --lang=X} (the last one given, before a {@code --} that ends the options),
	 * else {@code ROLLUP_LANG}, else Chinese; a value other than zh or en is refused.
	 */
	static Language consoleLanguage(String[] args, Map<String, String> environment) {
		String option = null;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--")) {
				break;
			}
			if (args[i].equals(LANG_OPTION) && i + 1 < args.length) {
				option = args[++i];
			}
			else if (args[i].startsWith(LANG_OPTION + "=")) {
				option = args[i].substring(LANG_OPTION.length() + 1);
			}
		}
		if (option != null) {
			return Language.of(option, LANG_OPTION);
		}
		return Language.of(environment.get(LANG_VARIABLE), LANG_VARIABLE);
	}

}
