package township.rollup.web;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

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
import township.rollup.run.RunInputs;
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
 *
 * <p>
 * Files sent at the same moment are received together: each is written and synced under a waiting name
 * by its sender's thread, then one receiver thread takes the portal's lock, names all that wait in the
 * inbox (one folder sync), scans the inbox once and receives them in one transaction. Fifty townships
 * sending at once wait for a few commits, not for fifty one after the other.
 */
public final class Submissions implements AutoCloseable {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Submissions.class);

	/** What became of a file sent: refused before the inbox (with the finding's text), or received and run. */
	public sealed interface Outcome {

		record Refused(String message) implements Outcome {
		}

		record Received(String fileName, int runExitCode) implements Outcome {
		}

	}

	/** The most files received in one transaction. */
	static final int BATCH = 100;

	/** Files sent and staged, in the order they arrived, waiting for the lock. */
	private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();

	/** The one thread that takes the lock for the files waiting. */
	private final ExecutorService receiver = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "portal-receiver");
		thread.setDaemon(true);
		return thread;
	});

	/** Whether the receiver has a turn coming that has not yet started reading the queue. */
	private final AtomicBoolean scheduled = new AtomicBoolean();

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
		// files a stopped portal was still receiving never reached the inbox: their senders saw no answer
		Inbox.clearSending(settings.rollup().inbox(settings.year()));
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
		String fileName = OutputNames.named(unit, year, SUFFIX + "." + extension);
		// written and synced before its turn, beside the others sent at the same moment (their syncs overlap)
		Path staged = Inbox.sending(settings.rollup().inbox(year), fileName);
		AtomicFiles.stage(staged, content);
		Waiting sent = new Waiting(user, unit, name, extension, fileName, staged, Sha256.start().add(content).hex(),
				content.length, address, new CompletableFuture<>());
		waiting.add(sent);
		signal();
		try {
			return sent.outcome().join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException r ? r : ex;
		}
	}

	/**
	 * Makes the receiver take its turn at the lock (unless it is about to): the senders wait for their
	 * outcome, not for the lock, so that files received together are answered together, not one lock
	 * hand-over after another.
	 */
	private void signal() {
		if (scheduled.compareAndSet(false, true)) {
			receiver.execute(this::takeTurn);
		}
	}

	/**
	 * The receiver's turn: the files waiting now, received together under the lock. Files left waiting (a
	 * second of one unit, more than a batch) get a turn of their own after whatever waits for the lock
	 * meanwhile (the fair lock: a run is not kept waiting by a stream of uploads).
	 */
	private void takeTurn() {
		// cleared before the queue is read: a file added from here on schedules the next turn
		scheduled.set(false);
		try {
			jobs.exclusive(() -> {
				receiveWaiting();
				return null;
			});
		}
		finally {
			if (!waiting.isEmpty()) {
				signal();
			}
		}
	}

	/**
	 * Stops the receiver (the portal stopping): the senders still waiting are answered with an error, their
	 * files never reached the inbox (what they staged is cleared at the next start).
	 */
	@Override
	public void close() {
		receiver.shutdownNow();
		for (Waiting left = waiting.poll(); left != null; left = waiting.poll()) {
			left.outcome().completeExceptionally(new IllegalStateException("the portal stopped before "
					+ left.fileName() + " was received"));
		}
	}

	/** How many files wait for the lock (for the tests that hold it). */
	int waitingCount() {
		return waiting.size();
	}

	/** A file sent, staged in the inbox folder under a name of its own, waiting for the lock. */
	private record Waiting(PortalUser user, Unit unit, String name, String extension, String fileName, Path staged,
			String sha256, long size, String address, CompletableFuture<Outcome> outcome) {
	}

	/**
	 * Under the lock: the files waiting (at most one per unit, {@link #BATCH} at most) take their names in
	 * the inbox and are received and their units assessed together, in one transaction; if that fails and
	 * there were several, each again on its own, so that one file's failure is only its own.
	 */
	private void receiveWaiting() {
		List<Waiting> batch = new ArrayList<>();
		Set<String> units = new HashSet<>();
		for (Iterator<Waiting> it = waiting.iterator(); it.hasNext() && batch.size() < BATCH;) {
			Waiting next = it.next();
			if (units.add(next.unit().code())) {
				batch.add(next);
				it.remove();
			}
		}
		if (batch.isEmpty()) {
			return;
		}
		try {
			int year = settings.year();
			Path inbox = settings.rollup().inbox(year);
			Map<Path, Path> moves = new LinkedHashMap<>();
			for (Waiting sent : batch) {
				// one portal file per unit: a workbook sent after a CSV file replaces it, never stands beside it
				for (Inbox.Named kind : Inbox.Named.values()) {
					if (kind.submission() && !kind.name().toLowerCase(Locale.ROOT).equals(sent.extension())) {
						AtomicFiles.deleteIfExists(inbox.resolve(
								OutputNames.named(sent.unit(), year, SUFFIX + "." + kind.name().toLowerCase(Locale.ROOT))));
					}
				}
				moves.put(sent.staged(), OutputNames.within(inbox, sent.fileName()));
			}
			AtomicFiles.moveAll(moves);
			RunInputs inputs = settings.runInputs(catalogue, formats);
			if (!receive(inputs, batch) && batch.size() > 1) {
				log.warn("receiving {} files sent together failed; each is received on its own", batch.size());
				for (Waiting sent : batch) {
					receive(inputs, List.of(sent));
				}
			}
			for (Waiting sent : batch) {
				sent.outcome().complete(new Outcome.Received(sent.fileName(), ExitCodes.OK));
			}
		}
		catch (RuntimeException ex) {
			// the files could not be named in the inbox, or it could not be scanned: the senders get an error
			log.error("receiving {} files sent failed", batch.size(), ex);
			batch.forEach(sent -> sent.outcome().completeExceptionally(ex));
		}
		catch (Error ex) {
			// the senders must hear of it, whatever it was: they wait for nothing else
			batch.forEach(sent -> sent.outcome().completeExceptionally(ex));
			throw ex;
		}
	}

	/**
	 * Receives {@code batch} in one transaction: true if it committed; if not, each file stays in the inbox
	 * (the next run receives it) and its sender is told the run failed.
	 */
	private boolean receive(RunInputs inputs, List<Waiting> batch) {
		int year = settings.year();
		try {
			// these files and their units only, recorded as a run records them; the rest is the next run's
			ingest.receive(inputs, batch.stream()
				.map(sent -> new SentFileIngest.Sent(sent.fileName(), sent.unit().code(), () -> {
					uploads.add(new UploadStore.Upload(year, sent.unit().code(), sent.fileName(), sent.name(),
							sent.sha256(), sent.size(), sent.user().username(), sent.address(), clock.instant()));
					audit.add(new AuditStore.Event(clock.instant(), AuditStore.Kind.FILE_SENT, sent.user().username(),
							sent.unit().code(), sent.address(), sent.name() + " " + sent.size() + " " + sent.sha256()));
				}))
				.toList());
			return true;
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				log.error("receiving {} after an upload failed", batch.get(0).fileName(), ex);
				batch.get(0).outcome().complete(new Outcome.Received(batch.get(0).fileName(), ExitCodes.FAILED));
			}
			return false;
		}
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
