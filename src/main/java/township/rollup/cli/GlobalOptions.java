package township.rollup.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import township.rollup.i18n.Language;

/** Options every command takes; each overrides the matching setting of application.properties. */
public class GlobalOptions {

	@Option(names = "--input-dir", paramLabel = "DIR",
			descriptionKey = "help.option.input-dir")
	Path inputDir;

	@Option(names = "--output-dir", paramLabel = "DIR",
			descriptionKey = "help.option.output-dir")
	Path outputDir;

	@Option(names = "--data-dir", paramLabel = "DIR",
			descriptionKey = "help.option.data-dir")
	Path dataDir;

	@Option(names = "--registry", paramLabel = "FILE",
			descriptionKey = "help.option.registry")
	Path registry;

	@Option(names = "--lock-file", paramLabel = "FILE",
			descriptionKey = "help.option.lock-file")
	Path lockFile;

	@Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "help.option.lang")
	String lang;

	/** The command these options are mixed into: {@code rollup --lang en status} names the language before it. */
	@Spec(Spec.Target.MIXEE)
	CommandSpec mixee;

	/** {@code --lang} of this command, else of the top-level command; null if neither has it. */
	String lang() {
		if (lang != null) {
			return lang;
		}
		CommandSpec parent = mixee == null ? null : mixee.parent();
		return parent != null && parent.userObject() instanceof RollupCli top ? top.lang : null;
	}

	/** The options given, as Spring property arguments; settings not given keep their configured value. */
	List<String> springArguments() {
		List<String> args = new ArrayList<>();
		add(args, "rollup.input-dir", inputDir);
		add(args, "rollup.output-dir", outputDir);
		add(args, "rollup.data-dir", dataDir);
		add(args, "rollup.registry", registry);
		add(args, "rollup.lock-file", lockFile);
		add(args, Language.CONSOLE_SETTING, lang());
		return args;
	}

	private static void add(List<String> args, String property, Object value) {
		if (value != null) {
			args.add("--" + property + "=" + (value instanceof Path p ? p.toAbsolutePath().normalize() : value));
		}
	}

}
