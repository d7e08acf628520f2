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

@Command(name = "template", mixinStandardHelpOptions = true,
		description = { "Write the blank submission template of a township (or of all of them), to fill in "
				+ "with Excel or WPS and save as CSV, or with --xlsx as an Excel workbook in the official layout. "
				+ "生成乡镇（街道）填报模板。", "",
				"The file is named <code>_<name>_<year>.csv (or .xlsx), the name the inbox expects." })
class TemplateCommand implements Callable<Integer> {

	@Mixin
	YearOption year;

	@Mixin
	GlobalOptions global;

	@ArgGroup(exclusive = true, multiplicity = "1")
	Which which;

	static class Which {

		@Option(names = "--township", paramLabel = "CODE|NAME",
				description = "The township's 12-digit code or its registered name.")
		String township;

		@Option(names = "--all", description = "Every registered township.")
		boolean all;

	}

	@Option(names = "--format", paramLabel = "2019|2021",
			description = "Report format; default the year's (input/settings/<year>.csv, else 2019 up to 2020 and 2021 after).")
	String format;

	@Option(names = "--out", paramLabel = "DIR", description = "Folder to write to; default <output-dir>/templates/<year>/.")
	Path out;

	@Option(names = "--xlsx",
			description = "An .xlsx workbook in the official layout (tables 2–4, locked labels, validated input cells) "
					+ "instead of the CSV grid. Excel 工作簿模板。")
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
