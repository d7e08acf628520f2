package township.rollup.batch;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import township.rollup.assessment.SubmissionAssessor;
import township.rollup.ingest.Inbox;
import township.rollup.ingest.SubmissionParser;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.FindingFactory;
import township.rollup.run.RunInputs;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.ContentPacks;
import township.rollup.store.ExplanationStore;
import township.rollup.store.FindingStore;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.YearStateStore;

/**
 * One file sent through the portal, received and its unit assessed at once, by the receive and assess
 * steps' own processors and writers (so the reading, bounds, quarantine, rules, verdict and what is
 * recorded are the nightly's), but for this file and this unit only, and in one transaction with
 * whatever the caller records beside it: a crash leaves all of it or none, and a file left unrecorded
 * is still in the inbox for the next run. The board's levels are made again as the board step makes
 * them; the roll-up and the published files are the next run's (the unit page and the board read the
 * database, which this writes).
 *
 * <p>
 * What it records carries job execution {@link #PORTAL} (no run made it), so a run's totals count
 * exactly what that run recorded. The next run receives the same file as seen and finds the unit's
 * version current on the same context, so it records nothing again for it.
 */
@Component
public class SentFileIngest {

	/**
	 * The job execution id of what the portal records outside any run: negative, as no run's is (HSQLDB
	 * numbers the first run 0).
	 */
	public static final long PORTAL = -1L;

	/** The inbox digest the unit's inbox findings go under while no run has made the year's board yet. */
	static final String NO_BOARD = "0".repeat(64);

	private final ReceivedFileStore files;

	private final SubmissionStore submissions;

	private final ConsolidatedStore consolidated;

	private final FindingStore findings;

	private final StatusStore status;

	private final YearStateStore years;

	private final ContentPacks packs;

	private final SubmissionParser parser;

	private final FindingFactory readFindings;

	private final ReportFormats formats;

	private final PlatformTransactionManager tx;

	private final Clock clock;

	private final FaultPoints faults;

	private final ExplanationStore explanations;

	public SentFileIngest(ReceivedFileStore files, SubmissionStore submissions, ConsolidatedStore consolidated,
			FindingStore findings, StatusStore status, YearStateStore years, ContentPacks packs,
			SubmissionParser parser, FindingFactory readFindings, ReportFormats formats, PlatformTransactionManager tx,
			Clock clock, FaultPoints faults, ExplanationStore explanations) {
		this.explanations = explanations;
		this.files = files;
		this.submissions = submissions;
		this.consolidated = consolidated;
		this.findings = findings;
		this.status = status;
		this.years = years;
		this.packs = packs;
		this.parser = parser;
		this.readFindings = readFindings;
		this.formats = formats;
		this.tx = tx;
		this.clock = clock;
		this.faults = faults;
	}

	/** What became of the unit: the outcome's kind ({@code NewVersion}, {@code Conflict}, …). */
	public record Result(String unitCode, String outcome) {
	}

	/** A file sent, written into the inbox as {@code fileName}, with what is recorded beside it. */
	public record Sent(String fileName, String unitCode, Runnable alongside) {
	}

	/**
	 * Receives the inbox files of {@code sent} (one per unit; {@code inputs} scanned after they were
	 * written) and assesses each one's unit on it and the unit's other received inbox files, after running
	 * each one's {@code alongside}, all in one transaction (files sent at the same moment wait for one
	 * commit, not one each); the board's levels once, after all of them. The caller holds the portal's one
	 * lock: no run is under way. A failure leaves none of them recorded.
	 */
	public List<Result> receive(RunInputs inputs, List<Sent> sent) {
		int year = inputs.year();
		java.util.Map<String, Inbox.Entry> inbox = new java.util.HashMap<>();
		inputs.inbox().entries().forEach(e -> inbox.put(e.fileName(), e));
		List<Inbox.Entry> entries = sent.stream()
			.map(s -> Optional.ofNullable(inbox.get(s.fileName()))
				.orElseThrow(() -> new IllegalStateException(s.fileName() + " is not in the inbox")))
			.toList();
		if (sent.stream().map(Sent::unitCode).distinct().count() != sent.size()) {
			throw new IllegalArgumentException("one file per unit at a time: " + sent);
		}
		// the board's inbox: conflict findings stand beside the run's of the other units
		String digest = years.get(year).map(YearStateStore.YearState::inboxDigest).orElse(NO_BOARD);
		return new TransactionTemplate(tx).execute(status -> {
			sent.forEach(s -> s.alongside().run());
			ReceiveProcessor reading = new ReceiveProcessor(year, files, parser, readFindings, formats);
			List<Received> received = new java.util.ArrayList<>();
			for (Inbox.Entry entry : entries) {
				received.add(reading.process(entry));
			}
			new ReceiveWriter(year, digest, PORTAL, year + "/portal.pack", files, packs,
					new Quarantine(tx, readFindings), clock, faults)
				.write(new Chunk<>(received));
			return assess(inputs, sent.stream().map(Sent::unitCode).toList(), digest);
		});
	}

	/**
	 * Assesses {@code unitCode} again on the files already received, after running {@code alongside} in
	 * the same transaction: an explanation written in the portal changes the version's context, so the
	 * assess step's own code records the version's findings and verdict again, as the next run would. The
	 * caller holds the portal's one lock.
	 */
	public Result reassess(RunInputs inputs, String unitCode, Runnable alongside) {
		int year = inputs.year();
		String digest = years.get(year).map(YearStateStore.YearState::inboxDigest).orElse(NO_BOARD);
		return new TransactionTemplate(tx).execute(status -> {
			alongside.run();
			return assess(inputs, List.of(unitCode), digest).get(0);
		});
	}

	/**
	 * The assess step's processor and writer for these units (as one chunk of the step), then the board's
	 * levels, as a run makes them.
	 */
	private List<Result> assess(RunInputs inputs, List<String> unitCodes, String digest) {
		int year = inputs.year();
		AssessProcessor assessing = new AssessProcessor(year, inputs.registry(), inputs.settings(),
				inputs.priorSettings().formatId(), files, submissions,
				new SubmissionAssessor(formats, inputs.findings()), inputs.findings());
		List<SubmissionOutcome> outcomes = new java.util.ArrayList<>();
		List<Result> results = new java.util.ArrayList<>();
		for (String unitCode : unitCodes) {
			SubmissionOutcome outcome = assessing.process(readOne(inputs, unitCode));
			outcomes.add(outcome);
			results.add(new Result(unitCode, outcome.getClass().getSimpleName()));
			// an earlier conflict or file set aside of this unit under the same inbox digest is over now
			findings.replaceInboxOfUnit(year, digest, FindingStore.InboxKind.CONFLICT, unitCode, List.of());
			findings.replaceInboxOfUnit(year, digest, FindingStore.InboxKind.SET_ASIDE, unitCode, List.of());
		}
		new AssessWriter(year, digest, PORTAL, submissions, findings, this.status,
				new Quarantine(tx, inputs.findings()), clock, faults)
			.write(new Chunk<>(outcomes));
		// the levels above the units on the board, as the run's board step makes them; before the year's
		// first run there is no board (not every unit has its line), and the first run makes it
		if (!NO_BOARD.equals(digest)) {
			new BoardTasklet(year, digest, inputs.registry(), this.status, submissions, findings, years,
					inputs.findings(), clock)
				.levels();
		}
		return List.copyOf(results);
	}

	private UnitWork readOne(RunInputs inputs, String unitCode) {
		UnitWorkReader reader = new UnitWorkReader(inputs.year(), inputs.registry(), inputs.inbox().entries(),
				inputs.priorSettings().formatId(), 0, 1, files, submissions, consolidated, formats, explanations, 1)
			.only(unitCode);
		reader.open(new ExecutionContext());
		try {
			return Optional.ofNullable(reader.read())
				.orElseThrow(() -> new IllegalStateException(unitCode + " is not in the registry"));
		}
		catch (Exception ex) {
			throw ex instanceof RuntimeException r ? r : new IllegalStateException(ex);
		}
		finally {
			reader.close();
		}
	}

}
