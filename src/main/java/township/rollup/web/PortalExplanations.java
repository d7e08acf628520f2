package township.rollup.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import township.rollup.i18n.Messages;
import township.rollup.registry.Registry;
import township.rollup.rules.Explanations;
import township.rollup.rules.Finding;
import township.rollup.store.AuditStore;
import township.rollup.store.ExplanationStore;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.UnitRecordStore;
import township.rollup.store.YearStateStore;
import township.rollup.submission.TextLimits;

/**
 * Explanations (审核说明) written in the portal. A version's explanations are its file's NOTE lines and the
 * ones written here for it ({@link ExplanationStore}); the assessment applies both ({@code
 * SubmissionAssessor}), so after an explanation is stored the ingest job assesses the version again, the
 * way the nightly would, and the open-warning count, the board and the annual gate move with it while the
 * numbers stay as they are. Only the unit's own township explains, only a rule with an open warning of
 * its current version, and never an error: an error is corrected by a new file.
 */
public final class PortalExplanations {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PortalExplanations.class);

	/** What became of an explanation: refused (with the reason to show), or stored and the version assessed again. */
	public sealed interface Outcome {

		record Refused(String message) implements Outcome {
		}

		/** Stored; {@code message} says whether the assessment after it completed. */
		record Saved(String message, int runExitCode) implements Outcome {
		}

	}

	/** One explanation in force for a version, as the page shows it: from the file, or written in the portal. */
	public record InForce(String ruleId, String text, String username, Instant at) {

		public boolean fromFile() {
			return username == null;
		}

	}

	private final PortalSettings settings;

	private final PortalJobs jobs;

	private final ExplanationStore explanations;

	private final SubmissionStore submissions;

	private final UnitRecordStore records;

	private final ReceivedFileStore files;

	private final AuditStore audit;

	private final YearStateStore years;

	private final Clock clock;

	private final township.rollup.batch.SentFileIngest ingest;

	private final township.rollup.rules.RuleCatalogue catalogue;

	private final township.rollup.reportformat.ReportFormats formats;

	public PortalExplanations(PortalSettings settings, PortalJobs jobs, ExplanationStore explanations,
			SubmissionStore submissions, UnitRecordStore records, ReceivedFileStore files, AuditStore audit,
			YearStateStore years, Clock clock, township.rollup.batch.SentFileIngest ingest,
			township.rollup.rules.RuleCatalogue catalogue, township.rollup.reportformat.ReportFormats formats) {
		this.ingest = ingest;
		this.catalogue = catalogue;
		this.formats = formats;
		this.settings = settings;
		this.jobs = jobs;
		this.explanations = explanations;
		this.submissions = submissions;
		this.records = records;
		this.files = files;
		this.audit = audit;
		this.years = years;
		this.clock = clock;
	}

	/**
	 * The text as it is stored, as a NOTE line would hold it: line breaks and runs of spaces are one space
	 * (a NOTE is one line of a file), the ends trimmed.
	 */
	static String normalized(String text) {
		return text == null ? "" : text.strip().replaceAll("\\s+", " ");
	}

	/** Explains the open warnings of {@code rule} in the current version of {@code code} with {@code text}. */
	public Outcome explain(PortalUser user, String code, String rule, String text, String address) {
		check(user, code);
		Messages m = Messages.of(user.language());
		String clean = normalized(text);
		String ruleId = rule == null ? "" : rule.strip();
		if (clean.isEmpty()) {
			return new Outcome.Refused(m.get("portal.explain.empty", ruleId));
		}
		if (!TextLimits.fits(clean, TextLimits.NOTE)) {
			return new Outcome.Refused(m.get("portal.explain.too-long", TextLimits.NOTE));
		}
		return jobs.exclusive(() -> {
			Optional<Refusal> refused = refusal(user, code);
			if (refused.isPresent()) {
				return new Outcome.Refused(refused.get().message(m, settings.year()));
			}
			UnitRecordStore.UnitRecord record = records.one(settings.year(), code).orElseThrow();
			if (!openRules(record).contains(ruleId)) {
				boolean error = record.findings().stream().anyMatch(f -> f.isError() && f.ruleId().equals(ruleId));
				return new Outcome.Refused(m.get(error ? "portal.explain.error" : "portal.explain.not-open",
						TextLimits.cut(ruleId, TextLimits.CODE)));
			}
			return saved(m, m.get("portal.explain.saved", ruleId), code,
					() -> store(user, code, record.line().submissionId(), ruleId, clean, address, null));
		});
	}

	/**
	 * Copies the explanations of the version before the current one (its file's notes and those written
	 * here) for the rules that still have open warnings; each copy is an explanation of the current
	 * version by {@code user}, logged like one typed.
	 */
	public Outcome copy(PortalUser user, String code, String address) {
		check(user, code);
		Messages m = Messages.of(user.language());
		return jobs.exclusive(() -> {
			Optional<Refusal> refused = refusal(user, code);
			if (refused.isPresent()) {
				return new Outcome.Refused(refused.get().message(m, settings.year()));
			}
			UnitRecordStore.UnitRecord record = records.one(settings.year(), code).orElseThrow();
			Optional<SubmissionStore.Version> previous = previous(code, record.line().submissionId());
			if (previous.isEmpty()) {
				return new Outcome.Refused(m.get("portal.explain.copy.none"));
			}
			Map<String, String> before = Explanations.of(ofVersion(previous.get()).stream()
				.map(e -> Map.entry(e.ruleId(), e.text()))
				.toList()).byRule();
			List<Runnable> copies = new ArrayList<>();
			for (String rule : openRules(record)) {
				String text = before.get(rule);
				if (text != null) {
					copies.add(() -> store(user, code, record.line().submissionId(), rule,
							TextLimits.cut(text, TextLimits.NOTE), address, "v" + previous.get().version()));
				}
			}
			if (copies.isEmpty()) {
				return new Outcome.Refused(m.get("portal.explain.copy.none"));
			}
			return saved(m, m.get("portal.explain.copied", copies.size(), "v" + previous.get().version()), code,
					() -> copies.forEach(Runnable::run));
		});
	}

	/** The version before the current one that has explanations to copy, if there is one. */
	Optional<SubmissionStore.Version> previous(String code, Long currentId) {
		List<SubmissionStore.Version> history = submissions.history(settings.year(), code);
		SubmissionStore.Version before = null;
		for (SubmissionStore.Version v : history) {
			if (currentId != null && v.id() == currentId) {
				return Optional.ofNullable(before);
			}
			before = v;
		}
		return Optional.empty();
	}

	/**
	 * The explanations of a version, in the order the assessment applies them: its file's NOTE lines (those
	 * with a text), then the ones written in the portal, the newest per rule.
	 */
	public List<InForce> ofVersion(SubmissionStore.Version version) {
		List<InForce> out = new ArrayList<>();
		files.load(version.receivedFileId())
			.parsed()
			.ifPresent(p -> p.notes()
				.stream()
				.filter(n -> n.text() != null && !n.text().isBlank())
				.forEach(n -> out.add(new InForce(n.ruleId(), n.text(), null, null))));
		explanations.ofVersion(version.id())
			.forEach(a -> out.add(new InForce(a.ruleId(), a.text(), a.username(), a.at())));
		return out;
	}

	/** The rules of the record's version that have a warning nobody explained, in the order of its findings. */
	static Set<String> openRules(UnitRecordStore.UnitRecord record) {
		Set<String> rules = new LinkedHashSet<>();
		record.findings().stream().filter(Finding::isOpenWarning).map(Finding::ruleId).forEach(rules::add);
		return rules;
	}

	/** Only a township, for itself: checked here again, whatever the route checked. */
	private void check(PortalUser user, String code) {
		if (!user.scope().maySend(settings.registry(), code)) {
			throw new AccessDeniedException(code);
		}
	}

	private enum Refusal {

		FINAL, NO_VERSION;

		String message(Messages m, int year) {
			return this == FINAL ? m.get("portal.send.final", year) : m.get("portal.explain.no-version");
		}

	}

	private Optional<Refusal> refusal(PortalUser user, String code) {
		if (years.isFinal(settings.year())) {
			return Optional.of(Refusal.FINAL);
		}
		Optional<UnitRecordStore.UnitRecord> record = records.one(settings.year(), code);
		if (record.isEmpty() || record.get().line().submissionId() == null) {
			return Optional.of(Refusal.NO_VERSION);
		}
		return Optional.empty();
	}

	private void store(PortalUser user, String code, long submissionId, String rule, String text, String address,
			String copiedFrom) {
		Instant now = clock.instant();
		explanations.add(settings.year(), code, new ExplanationStore.Added(submissionId, rule, text, user.username(), now));
		audit.add(new AuditStore.Event(now, AuditStore.Kind.EXPLAINED, user.username(), code, address,
				rule + (copiedFrom == null ? "" : " (" + copiedFrom + ")") + " " + text));
	}

	/**
	 * The version assessed again with its explanations, at once and by the assess step's own code (as a
	 * file sent is), in the same transaction as the explanation: both or neither are recorded.
	 */
	private Outcome saved(Messages m, String message, String code, Runnable record) {
		int exit;
		try {
			ingest.reassess(settings.runInputs(catalogue, formats), code, record);
			exit = township.rollup.cli.ExitCodes.OK;
		}
		catch (RuntimeException ex) {
			log.error("assessing {} again after an explanation failed", code, ex);
			exit = township.rollup.cli.ExitCodes.FAILED;
		}
		return new Outcome.Saved(exit == 0 ? message : m.get("portal.explain.run-failed"), exit);
	}

}
