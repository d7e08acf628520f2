package township.rollup.web;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;

import township.rollup.batch.SentFileIngest;
import township.rollup.bytes.Sha256;
import township.rollup.cli.ExitCodes;
import township.rollup.ingest.Inbox;
import township.rollup.ingest.SubmissionParser;
import township.rollup.output.AtomicFiles;
import township.rollup.output.OutputNames;
import township.rollup.registry.Registry;
import township.rollup.reportformat.ReportFormats;
import township.rollup.registry.Unit;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.Where;
import township.rollup.store.AuditStore;
import township.rollup.store.UploadStore;
import township.rollup.store.YearStateStore;

/**
 * A file sent through the portal. It becomes the unit's file in the year's inbox, under a name of its own
 * ({@code <code>_<name>_<year>_portal.csv} or {@code .xlsx}), and that file alone is received and its unit
 * assessed at once ({@link SentFileIngest}): the same reading, bounds, quarantine, rules and verdict as any
 * inbox file and as {@code check}, a newer upload the unit's next version; the next run counts it as it
 * counts every inbox file, because it is one, and finds it received and assessed already. Only a file that is no report at all, or above the
 * size limit, is refused before it reaches the inbox, with the finding the inbox would have given it.
 */
public final class Submissions {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Submissions.class);

	/** What became of a file sent: refused before the inbox (with the finding's text), or received and run. */
	public sealed interface Outcome {

		record Refused(String message) implements Outcome {
		}

		record Received(String fileName, int runExitCode) implements Outcome {
		}

	}

	/** The suffix of a file name the portal writes into the inbox, before its extension. */
	static final String SUFFIX = "_portal";

	private final PortalSettings settings;

	private final PortalJobs jobs;

	private final UploadStore uploads;

	private final AuditStore audit;

	private final YearStateStore years;

	private final Clock clock;

	private final SentFileIngest ingest;

	private final RuleCatalogue catalogue;

	private final ReportFormats formats;

	public Submissions(PortalSettings settings, PortalJobs jobs, UploadStore uploads, AuditStore audit,
			YearStateStore years, Clock clock, SentFileIngest ingest, RuleCatalogue catalogue, ReportFormats formats) {
		this.ingest = ingest;
		this.catalogue = catalogue;
		this.formats = formats;
		this.settings = settings;
		this.jobs = jobs;
		this.uploads = uploads;
		this.audit = audit;
		this.years = years;
		this.clock = clock;
	}

	/**
	 * Receives {@code bytes} (at most the limit: the caller refuses a larger one before reading it) as the
	 * file of {@code code}, sent by {@code user}. Checked here again, whatever the route checked: only a
	 * township sends, and only for itself.
	 */
	public Outcome send(PortalUser user, String code, String originalName, long size, BytesSource bytes,
			String address) {
		Registry registry = settings.registry();
		if (!user.scope().maySend(registry, code)) {
			throw new AccessDeniedException(code);
		}
		Unit unit = registry.member(code).orElseThrow();
		int year = settings.year();
		var texts = township.rollup.i18n.Messages.of(user.language());
		String name = originalName == null || originalName.isBlank() ? "?" : Path.of(originalName.replace('\\', '/'))
			.getFileName()
			.toString();
		FindingFactory findings = new FindingFactory(RuleCatalogue.standard(),
				settings.rollup().loadYearSettings(year).overrides());
		if (years.isFinal(year)) {
			return refused(user, code, address, name, texts.get("portal.send.final", year));
		}
		if (size > SubmissionParser.MAX_BYTES) {
			return refused(user, code, address, name, findings
				.create("FILE-TOO-LARGE", Where.file(name), Map.of("size", size, "limit", SubmissionParser.MAX_BYTES))
				.orElseThrow()
				.message(user.language()));
		}
		if (!Inbox.isSubmission(name)) {
			return refused(user, code, address, name, Inbox.notSubmission(name, findings).message(user.language()));
		}
		byte[] content = bytes.read();
		String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		Path inbox = settings.rollup().inbox(year);
		String fileName = OutputNames.named(unit, year, SUFFIX + "." + extension);
		return jobs.exclusive(() -> {
			// one portal file per unit: a workbook sent after a CSV file replaces it, never stands beside it
			for (Inbox.Named kind : Inbox.Named.values()) {
				if (kind.submission() && !kind.name().toLowerCase(Locale.ROOT).equals(extension)) {
					AtomicFiles.deleteIfExists(
							inbox.resolve(OutputNames.named(unit, year, SUFFIX + "." + kind.name().toLowerCase(Locale.ROOT))));
				}
			}
			Path target = OutputNames.within(inbox, fileName);
			AtomicFiles.write(target, content);
			String sha256 = Sha256.start().add(content).hex();
			String stored = target.getFileName().toString();
			int exit;
			try {
				// this file and this unit only, recorded as a run records them; the rest is the next run's
				ingest.receive(settings.runInputs(catalogue, formats), stored, code, () -> {
					uploads.add(new UploadStore.Upload(year, code, stored, name, sha256, content.length,
							user.username(), address, clock.instant()));
					audit.add(new AuditStore.Event(clock.instant(), AuditStore.Kind.FILE_SENT, user.username(), code,
							address, name + " " + content.length + " " + sha256));
				});
				exit = ExitCodes.OK;
			}
			catch (RuntimeException ex) {
				// the file stays in the inbox: the next run receives it
				log.error("receiving {} after an upload failed", stored, ex);
				exit = ExitCodes.FAILED;
			}
			return new Outcome.Received(stored, exit);
		});
	}

	private Outcome refused(PortalUser user, String code, String address, String name, String message) {
		audit.add(new AuditStore.Event(clock.instant(), AuditStore.Kind.FILE_REFUSED, user.username(), code, address,
				name));
		return new Outcome.Refused(message);
	}

	/** The bytes of a file sent, read only once it is known to be within the limit. */
	@FunctionalInterface
	public interface BytesSource {

		byte[] read();

	}

}
