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

	/**
	 * Receives the inbox file {@code fileName} of {@code inputs} (scanned after it was written) and
	 * assesses {@code unitCode} on it and the unit's other received inbox files, after running
	 * {@code alongside} in the same transaction. The caller holds the portal's one lock: no run is under
	 * way.
	 */
	public Result receive(RunInputs inputs, String fileName, String unitCode, Runnable alongside) {
		int year = inputs.year();
		Inbox.Entry entry = inputs.inbox()
			.entries()
			.stream()
			.filter(e -> e.fileName().equals(fileName))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(fileName + " is not in the inbox"));
		// the board's inbox: conflict findings stand beside the run's of the other units
		String digest = years.get(year).map(YearStateStore.YearState::inboxDigest).orElse(NO_BOARD);
		return new TransactionTemplate(tx).execute(status -> {
			alongside.run();
			Received received = new ReceiveProcessor(year, files, parser, readFindings, formats).process(entry);
			new ReceiveWriter(year, digest, PORTAL, year + "/portal.pack", files, packs,
					new Quarantine(tx, readFindings), clock, faults)
				.write(new Chunk<>(List.of(received)));
			return assess(inputs, unitCode, digest);
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
			return assess(inputs, unitCode, digest);
		});
	}

	/** The assess step's processor and writer for one unit, then the board's levels, as a run makes them. */
	private Result assess(RunInputs inputs, String unitCode, String digest) {
		int year = inputs.year();
		UnitWork work = readOne(inputs, unitCode);
		SubmissionOutcome outcome = new AssessProcessor(year, inputs.registry(), inputs.settings(),
				inputs.priorSettings().formatId(), files, submissions,
				new SubmissionAssessor(formats, inputs.findings()), inputs.findings())
			.process(work);
		// an earlier conflict or file set aside of this unit under the same inbox digest is over now
		findings.replaceInboxOfUnit(year, digest, FindingStore.InboxKind.CONFLICT, unitCode, List.of());
		findings.replaceInboxOfUnit(year, digest, FindingStore.InboxKind.SET_ASIDE, unitCode, List.of());
		new AssessWriter(year, digest, PORTAL, submissions, findings, this.status,
				new Quarantine(tx, inputs.findings()), clock, faults)
			.write(new Chunk<>(List.of(outcome)));
		// the levels above the unit on the board, as the run's board step makes them; before the year's
		// first run there is no board (not every unit has its line), and the first run makes it
		if (!NO_BOARD.equals(digest)) {
			new BoardTasklet(year, digest, inputs.registry(), this.status, submissions, findings, years,
					inputs.findings(), clock)
				.levels();
		}
		return new Result(unitCode, outcome.getClass().getSimpleName());
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
