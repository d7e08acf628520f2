package township.rollup.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.importer.PdfText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line in-process, before any command starts Spring: the console's language (option and
 * environment), the help in that language and the suggestion for a mistyped option. The expected texts
 * are written here by hand, not read from the catalogue.
 */
class CommandLineTests {

	record Run(int exit, String out, String err) {
	}

	static Run run(Map<String, String> environment, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = Cli.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(exit, out.toString(), err.toString());
	}

	static Run run(String... args) {
		return run(Map.of(), args);
	}

	@Test
	void anUnknownLanguageOptionIsRefusedWithExit2ListingZhAndEn() {
		for (String[] args : List.of(new String[] { "--lang", "fr", "status", "--year", "2020" },
				new String[] { "status", "--year", "2020", "--lang=fr" }, new String[] { "--lang", "fr", "--help" },
				new String[] { "status", "--lang", "fr", "--help" })) {
			Run r = run(args);
			assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
			assertThat(r.err()).as(String.join(" ", args))
				.contains("语言设置 --lang 的值“fr”不认识：只能是 zh（中文）或 en（英文）。")
				.contains("The language setting --lang has an unknown value \"fr\": use zh (Chinese) or en (English).");
			assertThat(r.out()).isEmpty();
		}
	}

	@Test
	void anUnknownLanguageInTheEnvironmentIsRefusedWithExit2NamingTheVariable() {
		Run r = run(Map.of("ROLLUP_LANG", "fr"), "status", "--year", "2020");
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err()).contains("语言设置 ROLLUP_LANG 的值“fr”不认识：只能是 zh（中文）或 en（英文）。")
			.contains("use zh (Chinese) or en (English)");
		// blank is not a language either: unset the variable to mean the default
		assertThat(run(Map.of("ROLLUP_LANG", ""), "--help").exit()).isEqualTo(2);
		// the option, given, wins over the environment, as it does for Spring
		assertThat(run(Map.of("ROLLUP_LANG", "fr"), "--lang", "en", "--help").exit()).isZero();
	}

	/**
	 * rollup.lang from a settings file is read by Spring, after the command line: refused there too. A system
	 * property stands in for the file (both are property sources of the same binding).
	 */
	@Test
	void anUnknownLanguageInTheSettingsIsRefusedWithExit2(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
		String before = System.getProperty("rollup.lang");
		System.setProperty("rollup.lang", "fr");
		try {
			Run r = run("rules", "--year", "2020", "--input-dir", home.toString(), "--data-dir", home.toString());
			assertThat(r.exit()).isEqualTo(2);
		}
		finally {
			if (before == null) {
				System.clearProperty("rollup.lang");
			}
			else {
				System.setProperty("rollup.lang", before);
			}
		}
		assertThat(run("rules", "--year", "2020", "--input-dir", home.toString(), "--data-dir", home.toString(), "--lang", "en").exit())
			.as("the same command with a known language")
			.isZero();
	}

	/** The publication's language is read where the pages are written, when the database's context starts. */
	@Test
	void anUnknownPublicationLanguageIsRefusedWithExit2(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
			throws java.io.IOException {
		java.nio.file.Files.createDirectories(home.resolve("input"));
		String before = System.getProperty("rollup.publish-lang");
		System.setProperty("rollup.publish-lang", "fr");
		try {
			Run r = run("status", "--year", "2020", "--input-dir", home.resolve("input").toString(), "--data-dir",
					home.resolve("data").toString(), "--output-dir", home.resolve("output").toString());
			assertThat(r.exit()).isEqualTo(2);
		}
		finally {
			if (before == null) {
				System.clearProperty("rollup.publish-lang");
			}
			else {
				System.setProperty("rollup.publish-lang", before);
			}
		}
	}

	@Test
	void theHelpIsChineseByDefault() {
		Run top = run("--help");
		assertThat(top.exit()).isZero();
		assertThat(top.out()).startsWith("用法： rollup")
			.contains("逐级汇总各单位的政府信息公开工作年度报告")
			.contains("命令：")
			.contains("收取并审核本年度的全部报送文件")
			.contains("显示本帮助后退出。")
			.contains("退出码：0 完成")
			.doesNotContain("Usage:")
			.contains("help      显示某个命令的帮助。")
			.doesNotContain("Show this help")
			.doesNotContain("Display help");
		Run status = run("status", "--help");
		assertThat(status.exit()).isZero();
		assertThat(status.out()).startsWith("用法： rollup status")
			.contains("显示某年度的报送情况")
			.contains("报告年度，例如 2020。")
			.contains("控制台的语言")
			.doesNotContain("Report year");
	}

	@Test
	void theHelpIsEnglishWithLangEnOrRollupLangEn() {
		for (Run r : List.of(run("--lang", "en", "--help"), run("--lang=EN", "--help"),
				run(Map.of("ROLLUP_LANG", "en"), "--help"))) {
			assertThat(r.exit()).isZero();
			assertThat(r.out()).startsWith("Usage: rollup")
				.contains("Commands:")
				.contains("Ingest and validate every submission of the year")
				.contains("Show this help and exit.")
				.doesNotContain("用法")
				.doesNotContain("命令：");
		}
		Run status = run("status", "--help", "--lang", "en");
		assertThat(status.out()).startsWith("Usage: rollup status").contains("Report year (报告年度), for example 2020.");
		Run help = run("help", "check", "--lang", "en");
		assertThat(help.exit()).isZero();
		assertThat(help.out()).startsWith("Usage: rollup check").contains("Exit codes: 0 every file would be accepted");
	}

	/** {@code rollup --lang en status}: the language given before the command reaches Spring as rollup.lang. */
	@Test
	void theLanguageBeforeTheCommandReachesTheSettings() {
		for (String[] args : List.of(new String[] { "--lang", "en", "status", "--year", "2020" },
				new String[] { "status", "--year", "2020", "--lang", "en" })) {
			CommandLine commandLine = new CommandLine(new RollupCli());
			CommandLine.ParseResult parsed = commandLine.parseArgs(args);
			StatusCommand status = (StatusCommand) parsed.subcommand().commandSpec().userObject();
			assertThat(status.global.springArguments()).as(String.join(" ", args)).contains("--rollup.lang=en");
		}
		CommandLine commandLine = new CommandLine(new RollupCli());
		StatusCommand status = (StatusCommand) commandLine.parseArgs("status", "--year", "2020")
			.subcommand()
			.commandSpec()
			.userObject();
		assertThat(status.global.springArguments()).noneMatch(a -> a.startsWith("--rollup.lang"));
	}

	/** Every command, option and parameter has its help in both languages, none left to picocli's English. */
	@Test
	void everyCommandAndOptionHasItsHelpInBothLanguages() {
		for (Language language : Language.values()) {
			CommandLine commandLine = new CommandLine(new RollupCli());
			commandLine.setResourceBundle(Messages.of(language).bundle());
			List<String> missing = new ArrayList<>();
			walk(commandLine.getCommandSpec(), missing);
			assertThat(missing).as(language + ": no help text").isEmpty();
		}
	}

	private static void walk(CommandSpec spec, List<String> missing) {
		if (String.join("", spec.usageMessage().description()).isBlank()) {
			missing.add(spec.qualifiedName());
		}
		// a header, where picocli's own command has one, is what the list of commands shows
		for (String line : spec.usageMessage().header()) {
			if (!line.isBlank() && !Messages.of(Language.ZH).bundle().containsKey(spec.qualifiedName(".") + ".usage.header.0")) {
				missing.add(spec.qualifiedName() + " header");
			}
		}
		for (ArgSpec arg : spec.args()) {
			if (String.join("", arg.description()).isBlank()) {
				missing.add(spec.qualifiedName() + " " + arg.paramLabel()
						+ (arg instanceof CommandLine.Model.OptionSpec o ? " " + o.longestName() : ""));
			}
		}
		spec.subcommands().values().forEach(sub -> walk(sub.getCommandSpec(), missing));
	}

	/** The help states import's limits; they are the importer's, not a second copy that could drift. */
	@Test
	void importsHelpStatesTheLimitsOfThePdfReader() {
		assertThat(run("import", "--help").out()).contains("超过 " + PdfText.MAX_PAGES + " 页或 "
				+ PdfText.MAX_SECONDS + " 秒内读不完");
		assertThat(run("import", "--help", "--lang", "en").out())
			.contains("over " + PdfText.MAX_PAGES + " pages or not read within " + PdfText.MAX_SECONDS + " s");
	}

	@Test
	void aMistypedOptionGetsASuggestionInTheConsolesLanguageAndExit2() {
		Run zh = run("status", "--yaer", "2020");
		assertThat(zh.exit()).isEqualTo(2);
		assertThat(zh.err()).contains("不认识的选项或参数：--yaer").contains("是不是要用：--year");
		Run en = run("status", "--yaer", "2020", "--lang", "en");
		assertThat(en.exit()).isEqualTo(2);
		assertThat(en.err()).contains("Unknown option or argument: --yaer").contains("Did you mean: --year");
		Run missing = run("status");
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err()).contains("缺少必需的选项：--year=YYYY");
		assertThat(run("status", "--lang", "en").err()).contains("Missing a required option: --year=YYYY");
		Run command = run("stauts", "--year", "2020");
		assertThat(command.exit()).isEqualTo(2);
		assertThat(command.err()).contains("是不是要用：status");
		Run far = run("status", "--completely-different", "--year", "2020");
		assertThat(far.exit()).isEqualTo(2);
		assertThat(far.err()).contains("不认识的选项或参数：--completely-different").doesNotContain("是不是要用");
	}

	@Test
	void editsCountASwapOfNeighboursAsOne() {
		assertThat(Cli.edits("--yaer", "--year")).isEqualTo(1);
		assertThat(Cli.edits("stauts", "status")).isEqualTo(1);
		assertThat(Cli.edits("--yr", "--year")).isEqualTo(2);
		assertThat(Cli.edits("", "abc")).isEqualTo(3);
		assertThat(Cli.edits("kitten", "sitting")).isEqualTo(3);
	}

}
