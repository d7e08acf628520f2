package township.rollup.run;

import java.nio.file.Path;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.i18n.Text;
import township.rollup.ingest.Inbox;
import township.rollup.ingest.SubmissionParser;
import township.rollup.registry.Registry;
import township.rollup.registry.RegistryException;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.YearSettings;

/**
 * Everything a run of one report year reads from outside the database, loaded once: the steps share
 * this instead of reading the files again, so what was validated before the launch is what is used.
 *
 * @param findings the catalogue with this year's overrides, for assessing and re-checking totals
 */
public record RunInputs(int year, Locations locations, Registry registry, YearSettings settings,
		YearSettings priorSettings, Inbox.Scan inbox, FindingFactory findings) {

	/** Where the run's inputs are. */
	public record Locations(Path inbox, Path registry, Path settingsDir, Path outputDir, String unit) {

		public Locations(Path inbox, Path registry, Path settingsDir, Path outputDir) {
			this(inbox, registry, settingsDir, outputDir, null);
		}

	}

	/**
	 * Loads and checks the inputs. The inbox is scanned (every file hashed once) only when the run reads
	 * it; a missing registry, or a mistake in it or in this or last year's settings, is a
	 * {@link ConfigurationException}.
	 */
	public static RunInputs load(int year, Locations where, boolean readsInbox, RuleCatalogue catalogue,
			ReportFormats formats) {
		Registry registry = registry(where.registry());
		if (where.unit() != null && !where.unit().isBlank()) {
			try {
				registry = registry.subtree(where.unit().strip());
			}
			catch (RegistryException ex) {
				throw new ConfigurationException("--unit " + where.unit() + ": " + Text.bilingual(ex), ex);
			}
		}
		YearSettings settings = settings(where.settingsDir(), year, catalogue, formats);
		YearSettings prior = settings(where.settingsDir(), year - 1, catalogue, formats);
		Inbox.Scan scan = readsInbox ? Inbox.scan(where.inbox(), SubmissionParser.MAX_BYTES) : Inbox.Scan.empty();
		return new RunInputs(year, where, registry, settings, prior, scan,
				new FindingFactory(catalogue, settings.overrides()));
	}

	public static Registry registry(Path file) {
		try {
			return Registry.load(file);
		}
		catch (RegistryException ex) {
			throw new ConfigurationException(
					Messages.of(Language.ZH).get("cli.any.settings.registry", Text.bilingual(ex)), ex);
		}
	}

	public static YearSettings settings(Path settingsDir, int year, RuleCatalogue catalogue, ReportFormats formats) {
		try {
			return YearSettings.load(settingsDir, year, catalogue, formats);
		}
		catch (IllegalArgumentException | java.io.UncheckedIOException ex) {
			throw new ConfigurationException(
					Messages.of(Language.ZH).get("cli.any.settings.year", Text.bilingual(ex)), ex);
		}
	}

}
