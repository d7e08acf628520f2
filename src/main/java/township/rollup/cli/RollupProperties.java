package township.rollup.cli;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.i18n.Text;
import township.rollup.registry.Registry;
import township.rollup.registry.RegistryException;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.YearSettings;

/**
 * Where things are. Each can be set in {@code application.properties}, as an environment variable
 * ({@code ROLLUP_INPUT_DIR}, …) or as a command-line option; defaults hang off {@code rollup.home}.
 *
 * @param home the installation folder that relative defaults are resolved against ({@code ROLLUP_HOME})
 * @param inputDir the folder holding {@code townships.csv} and one inbox folder per year
 * @param outputDir the folder the report files are written to, one folder per year
 * @param dataDir the folder of the embedded HSQLDB database
 * @param registry the registry of reporting units
 * @param settingsDir the folder of the per-year settings files {@code <year>.csv} (format, rule overrides)
 * @param lockFile the file locked for the duration of a run, so that runs never overlap
 * @param logDir the folder of {@code rollup.log} and {@code runs.log}
 * @param lang the console's language, of what the commands print: {@code zh} or {@code en}, anything else
 * refused at start-up (exit 2); the publication's is {@code rollup.publish-lang}, read where the pages are
 * written
 * @param timeZone the office's time zone, in which every time shown to people is written
 * ({@code ROLLUP_TIME_ZONE}, an IANA name such as {@code Asia/Shanghai}; empty: the system's zone); stored
 * times do not depend on it
 */
@ConfigurationProperties("rollup")
public record RollupProperties(Path home, Path inputDir, Path outputDir, Path dataDir, Path registry,
		Path settingsDir, Path lockFile, Path logDir, String lang, String timeZone) {

	public RollupProperties {
		language(lang);
	}

	public Path inbox(int year) {
		return inputDir.resolve(String.valueOf(year));
	}

	/** The console's language. */
	public Language language() {
		return language(lang);
	}

	private static Language language(String lang) {
		try {
			return Language.of(lang, Language.CONSOLE_SETTING);
		}
		catch (Language.Unknown ex) {
			throw new CommandException(ExitCodes.USAGE, ex.getMessage());
		}
	}

	/** The message catalogue in the language of what the commands print. */
	public Messages messages() {
		return Messages.of(language());
	}

	/** Times as people read them: in the office's zone, the zone named once per output. */
	public OfficeTime times() {
		return OfficeTime.of(timeZone);
	}

	/** The registry; a broken one is a configuration error (exit 2) whichever command reads it. */
	public Registry loadRegistry() {
		try {
			return Registry.load(registry);
		}
		catch (RegistryException ex) {
			throw new CommandException(ExitCodes.USAGE, AnyLanguage.text("cli.any.settings.registry", Text.bilingual(ex)));
		}
	}

	/**
	 * The year's deadline (the {@code deadline} of its settings, in the office's time zone) read at
	 * {@code now}: the board, the pages, the portal and the console say who is late by it.
	 */
	public township.rollup.board.Deadline deadline(int year, java.time.Instant now) {
		return township.rollup.board.Deadline.of(loadYearSettings(year).deadline(), times().zone(), now);
	}

	/** A year's settings; a mistake in the file is a configuration error (exit 2). */
	public YearSettings loadYearSettings(int year) {
		try {
			return YearSettings.load(settingsDir, year, RuleCatalogue.standard(), ReportFormats.standard());
		}
		catch (IllegalArgumentException ex) {
			throw new CommandException(ExitCodes.USAGE, AnyLanguage.text("cli.any.settings.year", Text.bilingual(ex)));
		}
	}

}
