package township.rollup.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import township.rollup.generate.Generator;
import township.rollup.reportformat.ReportFormats;

@Command(name = "generate", mixinStandardHelpOptions = true,
		description = { "Write realistic test data: a registry tree shaped like China's (about 14 townships and "
				+ "departments to a county, 8 counties to a prefecture, 11 prefectures to a province), a submission "
				+ "for every unit that reports, and the expected totals of every level and verdict of every file. "
				+ "生成测试数据。", "",
				"Writes DIR/townships.csv, DIR/<year>/*.csv, DIR/expected/totals.csv, DIR/expected/verdicts.csv and",
				"DIR/expected/findings.csv (the warnings and label findings put in each file);",
				"use DIR as --input-dir of a run." })
class GenerateCommand implements Callable<Integer> {

	@Option(names = "--units", required = true, paramLabel = "N", description = "Reporting units (townships and departments).")
	int units;

	@Option(names = "--seed", paramLabel = "S", description = "Seed; the same seed makes the same data (default 1).")
	long seed = 1;

	@Option(names = "--errors", paramLabel = "F", description = "Share of files that break an identity (rejected), 0–1; default 0.")
	double errors;

	@Option(names = "--warnings", paramLabel = "F", description = "Share of files with a warning (accepted), 0–1; default 0.")
	double warnings;

	@Option(names = "--county-files", paramLabel = "F",
			description = "Share of counties that send their own consolidated file instead of their units' files; default 0.")
	double countyFiles;

	@Option(names = "--overlap",
			description = "Counties that send their own file: their units send files too (the product must not count both).")
	boolean overlap;

	@Option(names = "--labels-off",
			description = "Every file writes the row codes where the official labels go (ROW-LABEL on every row), and every "
					+ "accepted file breaks warning rules too (a warning of --warnings, a township's 规章 row filled in): "
					+ "a template problem on every file, about 36 findings each.")
	boolean labelsOff;

	@Option(names = "--format", paramLabel = "2019|2021", description = "Report format; default the year's.")
	String format;

	@Option(names = "--year", paramLabel = "YYYY", description = "Report year; default 2020.")
	int year = 2020;

	@Option(names = "--encodings", paramLabel = "LIST", split = ",",
			description = "Encodings of the files, chosen at random: utf8, bom, gbk; default utf8,bom,gbk.")
	List<String> encodings = List.of("utf8", "bom", "gbk");

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write to.")
	Path out;

	@Override
	public Integer call() {
		if (units < 1 || errors < 0 || errors > 1 || warnings < 0 || warnings > 1 || countyFiles < 0 || countyFiles > 1) {
			throw new CommandException(ExitCodes.USAGE, AnyLanguage.text("cli.any.generate.shares"));
		}
		for (String e : encodings) {
			if (!List.of("utf8", "bom", "gbk").contains(e)) {
				throw new CommandException(ExitCodes.USAGE, AnyLanguage.text("cli.any.generate.encodings", e));
			}
		}
		String formatId = format != null ? format : (year <= 2020 ? "2019" : "2021");
		var reportFormat = ReportFormats.standard()
			.find(formatId)
			.orElseThrow(() -> new CommandException(ExitCodes.USAGE, AnyLanguage.text("cli.any.generate.format", formatId)));
		long started = System.nanoTime();
		Generator.Made made = new Generator(new Generator.Spec(units, seed, errors, warnings, countyFiles, overlap, formatId,
				encodings, year, labelsOff), reportFormat, out).generate();
		Console.OUT.println(AnyLanguage.text("cli.any.generate.done", String.format("%.1f", (System.nanoTime() - started) / 1e9),
				made.leaves(), made.counties(), made.prefectures(), made.provinces(), made.files(), made.rejected(),
				made.warned(), made.countyFiles(), made.rootCode()));
		Console.OUT.println(AnyLanguage.text("cli.any.generate.findings", made.findings()));
		Console.OUT.println(out.toAbsolutePath());
		return ExitCodes.OK;
	}

}
