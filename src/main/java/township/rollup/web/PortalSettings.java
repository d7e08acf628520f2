package township.rollup.web;

import java.time.ZonedDateTime;

import township.rollup.cli.RollupProperties;
import township.rollup.i18n.Language;
import township.rollup.registry.Registry;

/**
 * What the portal serves: the report year townships send for ({@code rollup.portal.year}; by default the
 * year before the current one in the office's time zone, as the annual report is sent early in the next
 * year), the registry, and the language of pages for people not signed in ({@code rollup.publish-lang}).
 */
public final class PortalSettings {

	private final RollupProperties settings;

	private final int year;

	private final Language language;

	private volatile Registry registry;

	public PortalSettings(RollupProperties settings, int year, Language language) {
		this.settings = settings;
		this.year = year > 0 ? year : ZonedDateTime.now(settings.times().zone()).getYear() - 1;
		this.language = language;
	}

	public int year() {
		return year;
	}

	public Language language() {
		return language;
	}

	public RollupProperties rollup() {
		return settings;
	}

	/**
	 * The year's deadline (the {@code deadline} of its settings, in the office's time zone), read at
	 * {@code now}: the board and the unit's page say who is late by it, as report.html does.
	 */
	public township.rollup.board.Deadline deadline(java.time.Instant now) {
		return settings.deadline(year, now);
	}

	/**
	 * The year's inputs as a run loads them (the inbox scanned now, the registry, the settings), for what
	 * the portal records outside a run: a file sent, a version explained.
	 */
	public township.rollup.run.RunInputs runInputs(township.rollup.rules.RuleCatalogue catalogue,
			township.rollup.reportformat.ReportFormats formats) {
		return township.rollup.run.RunInputs.load(year, new township.rollup.run.RunInputs.Locations(
				settings.inbox(year), settings.registry(), settings.settingsDir(), settings.outputDir()), true, catalogue,
				formats);
	}

	/** The registry, read once: the portal serves one registry for its whole life (restart it after a change). */
	public Registry registry() {
		Registry known = registry;
		if (known == null) {
			known = settings.loadRegistry();
			registry = known;
		}
		return known;
	}

}
