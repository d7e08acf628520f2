package township.rollup.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import township.rollup.assessment.Verdict;
import township.rollup.board.BoardLine;
import township.rollup.board.UnitStatus;
import township.rollup.registry.Unit;
import township.rollup.store.FindingStore;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore.Version;
import township.rollup.store.SubmissionStore;

/**
 * Applies each unit's outcome, a chunk at a time: new versions in one batch, their lines on the status
 * board in another, and what the inbox itself shows (conflicts, files of no known unit, files that are not
 * submissions).
 */
class AssessWriter implements ItemWriter<SubmissionOutcome> {

	private final int year;

	private final String digest;

	private final long jobExecutionId;

	private final SubmissionStore submissions;

	private final FindingStore findings;

	private final StatusStore status;

	private final Quarantine quarantine;

	private final Clock clock;

	private final FaultPoints faults;

	AssessWriter(int year, String digest, long jobExecutionId, SubmissionStore submissions, FindingStore findings,
			StatusStore status, Quarantine quarantine, Clock clock, FaultPoints faults) {
		this.year = year;
		this.digest = digest;
		this.jobExecutionId = jobExecutionId;
		this.submissions = submissions;
		this.findings = findings;
		this.status = status;
		this.quarantine = quarantine;
		this.clock = clock;
		this.faults = faults;
	}

	@Override
	public void write(Chunk<? extends SubmissionOutcome> chunk) {
		Instant now = clock.instant();
		quarantine.writeAll(List.copyOf(chunk.getItems()), batch -> apply(batch, now),
				(outcome, fault) -> quarantined(outcome, fault, now));
		for (int i = 0; i < chunk.size(); i++) {
			faults.reach("assess.write");
		}
	}

	/**
	 * A version whose findings the database refused is stored rejected, with the one finding that says
	 * so; what else an outcome writes holds no text from a file.
	 */
	private void quarantined(SubmissionOutcome outcome, RuntimeException fault, Instant now) {
		SubmissionOutcome instead = rejectedInstead(outcome, fault);
		if (!quarantine.attempt(() -> apply(List.of(instead), now))) {
			throw fault;
		}
	}

	private SubmissionOutcome rejectedInstead(SubmissionOutcome outcome, RuntimeException fault) {
		SubmissionOutcome instead;
		if (outcome instanceof SubmissionOutcome.OneOfSeveral o) {
			instead = o.keeping(rejectedInstead(o.kept(), fault));
		}
		else if (outcome instanceof SubmissionOutcome.NewVersion v) {
			instead = v.rejectedBy(quarantine.storeFinding(v.file().fileName(), v.file().sizeBytes(),
					v.file().sha256(), fault));
		}
		else if (outcome instanceof SubmissionOutcome.Reassessed r) {
			instead = r.rejectedBy(quarantine.storeFinding(r.version().fileName(), r.version().sizeBytes(),
					r.version().sha256(), fault));
		}
		else {
			throw fault;
		}
		return instead;
	}

	private void apply(List<? extends SubmissionOutcome> given, Instant now) {
		// a unit's files that say the same: the files set aside get their finding, the kept one its outcome
		List<SubmissionOutcome> outcomes = new ArrayList<>();
		for (SubmissionOutcome outcome : given) {
			if (outcome instanceof SubmissionOutcome.OneOfSeveral o) {
				List<FindingStore.InboxFinding> perFile = new ArrayList<>();
				for (int i = 0; i < o.setAside().size(); i++) {
					perFile.add(new FindingStore.InboxFinding(o.setAside().get(i).id(), o.unit().code(),
							List.of(o.findings().get(i))));
				}
				findings.replaceInboxOfUnit(year, digest, FindingStore.InboxKind.SET_ASIDE, o.unit().code(), perFile);
				outcomes.add(o.kept());
			}
			else {
				outcomes.add(outcome);
			}
		}
		List<SubmissionStore.NewVersion> added = new ArrayList<>();
		for (SubmissionOutcome outcome : outcomes) {
			if (outcome instanceof SubmissionOutcome.NewVersion v) {
				added.add(new SubmissionStore.NewVersion(v.unit().code(), v.receivedFileId(), v.formatId(),
						v.assessment(), v.fingerprint(), v.supersedes(), v.number()));
			}
		}
		Map<String, Long> ids = submissions.addVersions(year, added, now, jobExecutionId);
		List<BoardLine> lines = new ArrayList<>();
		for (SubmissionOutcome outcome : outcomes) {
			if (outcome instanceof SubmissionOutcome.NewVersion v) {
				lines.add(line(v.unit(), statusOf(v.assessment().verdict()), null, ids.get(v.unit().code()),
						v.assessment().errorCount(), v.assessment().warningCount(), v.assessment().openWarningCount()));
			}
			else if (outcome instanceof SubmissionOutcome.Reassessed r) {
				submissions.reassess(r.version(), r.assessment(), r.fingerprint(), now);
				lines.add(line(r.unit(), statusOf(r.assessment().verdict()), null, r.version().id(),
						r.assessment().errorCount(), r.assessment().warningCount(), r.assessment().openWarningCount()));
			}
			else if (outcome instanceof SubmissionOutcome.Unchanged u) {
				Version v = u.version();
				lines.add(line(u.unit(), statusOf(v.status()), null, v.id(), v.errorCount(), v.warningCount(),
						v.openWarningCount()));
			}
			else if (outcome instanceof SubmissionOutcome.Missing m) {
				lines.add(line(m.unit(), UnitStatus.MISSING, null, null, 0, 0, 0));
			}
			else if (outcome instanceof SubmissionOutcome.Conflict c) {
				List<FindingStore.InboxFinding> perFile = new ArrayList<>();
				for (int i = 0; i < c.files().size(); i++) {
					perFile.add(new FindingStore.InboxFinding(c.files().get(i).id(), c.unit().code(),
							List.of(c.findings().get(i))));
				}
				findings.replaceInboxOfUnit(year, digest, FindingStore.InboxKind.CONFLICT, c.unit().code(), perFile);
				lines.add(line(c.unit(), UnitStatus.REJECTED, "CONFLICT", c.current() == null ? null : c.current().id(),
						c.files().size(), 0, 0));
			}
			else if (outcome instanceof SubmissionOutcome.Unattributed u) {
				findings.replaceInboxOfFile(year, digest, FindingStore.InboxKind.UNATTRIBUTED, u.file().id(),
						new FindingStore.InboxFinding(u.file().id(), null, List.of(u.finding())));
			}
			else if (outcome instanceof SubmissionOutcome.NotSubmission n) {
				findings.replaceInboxOfFile(year, digest, FindingStore.InboxKind.NOT_SUBMISSION, n.file().id(),
						new FindingStore.InboxFinding(n.file().id(), null, List.of(n.finding())));
			}
		}
		status.putAll(lines, now, jobExecutionId);
	}

	private BoardLine line(Unit unit, UnitStatus status, String reason, Long submissionId, int errors, int warnings,
			int open) {
		return new BoardLine(year, unit.code(), unit.name(), status, reason, submissionId, errors, warnings, open)
			.withPlace(unit.parentCode(), unit.kind());
	}

	static UnitStatus statusOf(Verdict verdict) {
		return verdict == Verdict.ACCEPTED ? UnitStatus.ACCEPTED : UnitStatus.REJECTED;
	}

}
