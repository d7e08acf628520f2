package township.rollup.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import township.rollup.assessment.Verdict;
import township.rollup.store.FindingStore;
import township.rollup.store.StatusStore;
import township.rollup.store.StatusStore.Status;
import township.rollup.store.SubmissionStore;
import township.rollup.store.SubmissionStore.Version;

/** Applies each township's outcome: versions, findings and its line on the status board. */
class AssessWriter implements ItemWriter<TownshipOutcome> {

	private final int year;

	private final long jobExecutionId;

	private final SubmissionStore submissions;

	private final FindingStore findings;

	private final StatusStore status;

	private final Quarantine quarantine;

	private final Clock clock;

	private final FaultPoints faults;

	AssessWriter(int year, long jobExecutionId, SubmissionStore submissions, FindingStore findings, StatusStore status,
			Quarantine quarantine, Clock clock, FaultPoints faults) {
		this.year = year;
		this.jobExecutionId = jobExecutionId;
		this.submissions = submissions;
		this.findings = findings;
		this.status = status;
		this.quarantine = quarantine;
		this.clock = clock;
		this.faults = faults;
	}

	@Override
	public void write(Chunk<? extends TownshipOutcome> chunk) {
		Instant now = clock.instant();
		quarantine.writeAll(List.copyOf(chunk.getItems()), outcome -> {
			apply(outcome, now);
			faults.reach("assess.write");
		}, (outcome, fault) -> quarantined(outcome, fault, now));
	}

	/**
	 * A version whose findings the database refused is stored rejected, with the one finding that says
	 * so; what else an outcome writes holds no text from a file.
	 */
	private void quarantined(TownshipOutcome outcome, RuntimeException fault, Instant now) {
		TownshipOutcome instead;
		if (outcome instanceof TownshipOutcome.NewVersion v) {
			instead = v.rejectedBy(quarantine.storeFinding(v.file().fileName(), v.file().sizeBytes(),
					v.file().sha256(), fault));
		}
		else if (outcome instanceof TownshipOutcome.Reassessed r) {
			instead = r.rejectedBy(quarantine.storeFinding(r.version().fileName(), r.version().sizeBytes(),
					r.version().sha256(), fault));
		}
		else {
			throw fault;
		}
		if (!quarantine.attempt(() -> apply(instead, now))) {
			throw fault;
		}
	}

	private void apply(TownshipOutcome outcome, Instant now) {
		if (outcome instanceof TownshipOutcome.NewVersion v) {
			findings.deleteOfFile(v.receivedFileId(), FindingStore.Phase.INBOX);
			long id = submissions.addVersion(year, v.unit().code(), v.receivedFileId(), v.formatId(), v.assessment(),
					v.fingerprint(), now, jobExecutionId);
			status.put(new StatusStore.Line(year, v.unit().code(), v.unit().name(), statusOf(v.assessment().verdict()),
					null, id, v.assessment().errorCount(), v.assessment().warningCount(),
					v.assessment().openWarningCount()), now);
		}
		else if (outcome instanceof TownshipOutcome.Reassessed r) {
			submissions.reassess(r.version(), r.assessment(), r.fingerprint(), now);
			status.put(new StatusStore.Line(year, r.unit().code(), r.unit().name(), statusOf(r.assessment().verdict()),
					null, r.version().id(), r.assessment().errorCount(), r.assessment().warningCount(),
					r.assessment().openWarningCount()), now);
		}
		else if (outcome instanceof TownshipOutcome.Unchanged u) {
			Version v = u.version();
			status.put(new StatusStore.Line(year, u.unit().code(), u.unit().name(), statusOf(v.status()), null, v.id(),
					v.errorCount(), v.warningCount(), v.openWarningCount()), now);
		}
		else if (outcome instanceof TownshipOutcome.Missing m) {
			status.put(new StatusStore.Line(year, m.unit().code(), m.unit().name(), Status.MISSING, null, null, 0, 0, 0),
					now);
		}
		else if (outcome instanceof TownshipOutcome.Conflict c) {
			for (int i = 0; i < c.files().size(); i++) {
				long fileId = c.files().get(i).id();
				findings.deleteOfFile(fileId, FindingStore.Phase.INBOX);
				findings.insert(year, fileId, null, c.unit().code(), FindingStore.Phase.INBOX, List.of(c.findings().get(i)));
			}
			status.put(new StatusStore.Line(year, c.unit().code(), c.unit().name(), Status.REJECTED, "CONFLICT",
					c.current() == null ? null : c.current().id(), c.files().size(), 0, 0), now);
		}
		else if (outcome instanceof TownshipOutcome.Unattributed u) {
			findings.deleteOfFile(u.file().id(), FindingStore.Phase.INBOX);
			findings.insert(year, u.file().id(), null, null, FindingStore.Phase.INBOX, List.of(u.finding()));
		}
	}

	static Status statusOf(Verdict verdict) {
		return verdict == Verdict.ACCEPTED ? Status.ACCEPTED : Status.REJECTED;
	}

}
