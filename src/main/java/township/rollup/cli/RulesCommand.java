package township.rollup.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleReference;
import township.rollup.rules.YearSettings;

@Command(name = "rules", mixinStandardHelpOptions = true,
		description = { "Print the rule reference (Markdown), generated from the rule catalogue; docs/rules.md is "
				+ "its output. With --year, also the year's format and every rule override in force. 输出审核规则说明。" })
class RulesCommand implements Callable<Integer> {

	@Mixin
	GlobalOptions global;

	@Option(names = "--year", paramLabel = "YYYY", description = "Also show this year's settings in force.")
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
			Console.OUT.println("## Settings in force for " + year);
			Console.OUT.println();
			Console.OUT.println("- settings file: " + YearSettings.file(settings.settingsDir(), year)
					+ (java.nio.file.Files.exists(YearSettings.file(settings.settingsDir(), year)) ? "" : " (absent: defaults)"));
			Console.OUT.println("- format: " + yearSettings.formatId()
					+ (yearSettings.formatReason() == null ? "" : " (" + yearSettings.formatReason() + ")"));
			if (yearSettings.overrides().byRule().isEmpty()) {
				Console.OUT.println("- rule overrides: none");
			}
			yearSettings.overrides().byRule().values().forEach(o -> Console.OUT.println("- " + o.ruleId() + ": "
					+ (o.enabled() == null ? "" : "enabled=" + o.enabled() + " ")
					+ (o.severity() == null ? "" : "severity=" + o.severity() + " ") + o.params()
					+ (o.reason() == null || o.reason().isEmpty() ? "" : " (" + o.reason() + ")")));
			return ExitCodes.OK;
		});
	}

}
