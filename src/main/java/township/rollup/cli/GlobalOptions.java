package township.rollup.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** Options every command takes; each overrides the matching setting of application.properties. */
public class GlobalOptions {

	@Option(names = "--input-dir", paramLabel = "DIR",
			description = "Folder with townships.csv and one inbox folder per year (rollup.input-dir, ROLLUP_INPUT_DIR; default input/).")
	Path inputDir;

	@Option(names = "--output-dir", paramLabel = "DIR",
			description = "Folder the report files are written to (rollup.output-dir, ROLLUP_OUTPUT_DIR; default output/).")
	Path outputDir;

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "Folder of the embedded database (rollup.data-dir, ROLLUP_DATA_DIR; default data/).")
	Path dataDir;

	@Option(names = "--registry", paramLabel = "FILE",
			description = "Registry of reporting units (rollup.registry, ROLLUP_REGISTRY; default <input-dir>/townships.csv).")
	Path registry;

	@Option(names = "--lock-file", paramLabel = "FILE",
			description = "File locked while a run is active (rollup.lock-file, ROLLUP_LOCK_FILE; default <data-dir>/rollup.lock).")
	Path lockFile;

	@Option(names = "--lang", paramLabel = "zh|en", description = "Language of the printed summary (rollup.lang, ROLLUP_LANG; default zh).")
	String lang;

	/** The options given, as Spring property arguments; settings not given keep their configured value. */
	List<String> springArguments() {
		List<String> args = new ArrayList<>();
		add(args, "rollup.input-dir", inputDir);
		add(args, "rollup.output-dir", outputDir);
		add(args, "rollup.data-dir", dataDir);
		add(args, "rollup.registry", registry);
		add(args, "rollup.lock-file", lockFile);
		add(args, "rollup.lang", lang);
		return args;
	}

	private static void add(List<String> args, String property, Object value) {
		if (value != null) {
			args.add("--" + property + "=" + (value instanceof Path p ? p.toAbsolutePath().normalize() : value));
		}
	}

}
