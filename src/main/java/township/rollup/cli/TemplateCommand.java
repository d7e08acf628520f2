package township.rollup.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import township.rollup.i18n.Messages;
import township.rollup.output.AtomicFiles;
import township.rollup.output.OutputNames;
import township.rollup.output.ReportPublisher;
import township.rollup.output.SubmissionCsvWriter;
import township.rollup.output.workbook.ReportWorkbook;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;

@Command(name = "template", mixinStandardHelpOptions = true)
class TemplateCommand implements Callable<Integer> {

	@Mixin
	YearOption year;

	@Mixin
	GlobalOptions global;

	@ArgGroup(exclusive = true, multiplicity = "1")
	Which which;

	static class Which {

		@Option(names = "--township", paramLabel = "CODE|NAME",
				descriptionKey = "help.template.township")
		String township;

		@Option(names = "--all", descriptionKey = "help.template.all")
		boolean all;

	}

	@Option(names = "--format", paramLabel = "2019|2021",
			descriptionKey = "help.template.format")
	String format;

	@Option(names = "--out", paramLabel = "DIR", descriptionKey = "help.template.out")
	Path out;

	@Option(names = "--xlsx",
			descriptionKey = "help.template.xlsx")
	boolean xlsx;

	@Override
	public Integer call() {
		return SpringLauncher.run(global, SpringLauncher.Needs.SETTINGS, context -> {
			RollupProperties settings = context.getBean(RollupProperties.class);
			Messages t = settings.messages();
			// the year's own format: a city may consolidate 2021 in the 2019 tables (input/settings/2021.csv)
			String formatId = format != null ? format : settings.loadYearSettings(year.year).formatId();
			ReportFormat reportFormat = ReportFormats.standard()
				.find(formatId)
				.orElseThrow(() -> new CommandException(ExitCodes.USAGE,
						t.get("cli.template.format", formatId, ReportFormats.standard().ids())));
			Registry registry = settings.loadRegistry();
			List<Unit> units = new ArrayList<>();
			if (which.all) {
				units.addAll(registry.members());
			}
			else {
				registry.find(which.township).ifPresentOrElse(units::add, () -> {
						throw new CommandException(ExitCodes.USAGE,
								t.get("cli.template.no-unit", which.township, settings.registry()));
					});
			}
			Path dir = out != null ? out : settings.outputDir().resolve("templates").resolve(String.valueOf(year.year));
			for (Unit unit : units) {
				SubmissionCsvWriter.Header header = new SubmissionCsvWriter.Header(unit.name(), unit.code(), year.year);
				Path file = OutputNames.within(dir,
						xlsx ? OutputNames.named(unit, year.year, ".xlsx") : ReportPublisher.reportFileName(unit, year.year));
				AtomicFiles.write(file, xlsx ? ReportWorkbook.template(reportFormat, header)
						: SubmissionCsvWriter.template(reportFormat, header));
				Console.OUT.println(file);
			}
			return ExitCodes.OK;
		});
	}

}
