package township.rollup.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleReference;
import township.rollup.rules.YearSettings;

@Command(name = "rules", mixinStandardHelpOptions = true)
class RulesCommand implements Callable<Integer> {

	@Mixin
	GlobalOptions global;

	@Option(names = "--year", paramLabel = "YYYY", descriptionKey = "help.rules.year")
	Integer year;

	@Override
	public Integer call() {
		RuleCatalogue catalogue = RuleCatalogue.standard();
		if (year == null) {
			Console.OUT.print(RuleReference.render(catalogue));
			return ExitCodes.OK;
		}
		return SpringLauncher.run(global, SpringLauncher.Needs.SETTINGS, context -> {
			RollupProperties settings = context.getBean(RollupProperties.class);
			YearSettings yearSettings = settings.loadYearSettings(year);
			Console.OUT.print(RuleReference.render(catalogue));
			Console.OUT.println();
			// the rule reference is one document, in English with the Chinese names, whatever the language
			Console.OUT.println(AnyLanguage.text("cli.any.rules.settings", year));
			Console.OUT.println();
			Console.OUT.println(AnyLanguage.text(java.nio.file.Files.exists(YearSettings.file(settings.settingsDir(), year))
					? "cli.any.rules.file" : "cli.any.rules.file-absent", YearSettings.file(settings.settingsDir(), year)));
			Console.OUT.println(yearSettings.formatReason() == null
					? AnyLanguage.text("cli.any.rules.format", yearSettings.formatId())
					: AnyLanguage.text("cli.any.rules.format-reason", yearSettings.formatId(), yearSettings.formatReason()));
			if (yearSettings.deadline() != null) {
				Console.OUT.println(AnyLanguage.text("cli.any.rules.deadline", yearSettings.deadlineText(),
						settings.times().zone().getId()));
			}
			if (yearSettings.overrides().byRule().isEmpty()) {
				Console.OUT.println(AnyLanguage.text("cli.any.rules.no-overrides"));
			}
			yearSettings.overrides().byRule().values().forEach(o -> Console.OUT.println(AnyLanguage.text(
					"cli.any.rules.override", o.ruleId(),
					o.enabled() == null ? "" : AnyLanguage.text("cli.any.rules.override.enabled", o.enabled()),
					o.severity() == null ? "" : AnyLanguage.text("cli.any.rules.override.severity", o.severity()),
					o.params(),
					o.reason() == null || o.reason().isEmpty() ? "" : AnyLanguage.text("cli.any.rules.override.reason", o.reason()))));
			return ExitCodes.OK;
		});
	}

}
