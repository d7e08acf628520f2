package township.rollup.cli;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import township.rollup.output.ReportPublisher;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.YearStateStore;

/**
 * Reopening a finalized year, wherever it is asked for ({@code jobs/rollup reopen}, the portal's admin): the
 * year's state and its reports' stage in one transaction, then the manifest retracted and the year's files
 * published again. What went wrong with the files after the commit is returned, for the caller to word.
 */
@Component
public class YearReopening {

	/** What the year's log keeps of a reason and a name (its columns are wider). */
	public static final int MAX_REASON = 1000;

	public static final int MAX_ACTOR = 100;

	/** How a reopening went. */
	public sealed interface Outcome {

		/** The year is not final: nothing to reopen, nothing changed. */
		record NotFinal() implements Outcome {
		}

		/**
		 * Reopened; {@code manifestError} and {@code publishError} are the root causes of what failed after
		 * the commit (null when it worked): the year is open either way.
		 */
		record Reopened(Path dir, Path manifest, String manifestError, String publishError) implements Outcome {
		}

	}

	private final YearStateStore years;

	private final ConsolidatedStore consolidated;

	private final PlatformTransactionManager transactions;

	private final ReportPublisher publisher;

	private final RollupProperties settings;

	private final Clock clock;

	public YearReopening(YearStateStore years, ConsolidatedStore consolidated, PlatformTransactionManager transactions,
			ReportPublisher publisher, RollupProperties settings, Clock clock) {
		this.years = years;
		this.consolidated = consolidated;
		this.transactions = transactions;
		this.publisher = publisher;
		this.settings = settings;
		this.clock = clock;
	}

	/** Whether a reason and a name fit the year's log: not blank, not longer than it keeps. */
	public static boolean fits(String reason, String actor) {
		return reason != null && !reason.isBlank() && reason.length() <= MAX_REASON
				&& (actor == null || actor.length() <= MAX_ACTOR);
	}

	/** Reopens {@code year}, which must be final; the caller holds the run lock (or is the portal). */
	public Outcome reopen(int year, String actor, String reason) {
		if (!fits(reason, actor)) {
			throw new IllegalArgumentException("a reopening needs a reason of at most " + MAX_REASON + " characters");
		}
		if (!years.isFinal(year)) {
			return new Outcome.NotFinal();
		}
		// the year's state and its reports' stage together: no later run (even an ingest, which does not
		// roll up) may publish the year's figures as final once it is open
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			years.reopen(year, actor, reason, clock.instant());
			consolidated.setStage(year, "NIGHTLY");
		});
		Path dir = settings.outputDir().resolve(String.valueOf(year));
		Path manifest = dir.resolve(ReportPublisher.MANIFEST_FILE);
		// files after the commit, as the finalizing run does: the database decides, and every publishing
		// run of an open year removes a manifest this could not
		String manifestError = null;
		try {
			publisher.retractManifest(year, settings.outputDir());
		}
		catch (RuntimeException ex) {
			manifestError = SpringLauncher.rootMessage(ex);
		}
		// report.html, the workbook and the report files said 定稿 FINAL: written again from the database
		String publishError = null;
		try {
			publisher.publish(year, settings.loadRegistry(), settings.outputDir());
		}
		catch (RuntimeException ex) {
			publishError = SpringLauncher.rootMessage(ex);
		}
		return new Outcome.Reopened(dir, manifest, manifestError, publishError);
	}

}
