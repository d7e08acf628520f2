package township.rollup.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import township.rollup.generate.Generator;
import township.rollup.reportformat.ReportFormats;

@Command(name = "generate", mixinStandardHelpOptions = true)
class GenerateCommand implements Callable<Integer> {

	@Option(names = "--units", required = true, paramLabel = "N", descriptionKey = "help.generate.units")
	int units;

	@Option(names = "--seed", paramLabel = "S", descriptionKey = "help.generate.seed")
	long seed = 1;

	@Option(names = "--errors", paramLabel = "F", descriptionKey = "help.generate.errors")
	double errors;

	@Option(names = "--warnings", paramLabel = "F", descriptionKey = "help.generate.warnings")
	double warnings;

	@Option(names = "--county-files", paramLabel = "F",
			descriptionKey = "help.generate.county-files")
	double countyFiles;

	@Option(names = "--overlap",
			descriptionKey = "help.generate.overlap")
	boolean overlap;

	@Option(names = "--labels-off",
			descriptionKey = "help.generate.labels-off")
	boolean labelsOff;

	@Option(names = "--format", paramLabel = "2019|2021", descriptionKey = "help.generate.format")
	String format;

	@Option(names = "--year", paramLabel = "YYYY", descriptionKey = "help.generate.year")
	int year = 2020;

	@Option(names = "--encodings", paramLabel = "LIST", split = ",",
			descriptionKey = "help.generate.encodings")
	List<String> encodings = List.of("utf8", "bom", "gbk");

	@Option(names = "--out", required = true, paramLabel = "DIR", descriptionKey = "help.generate.out")
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
