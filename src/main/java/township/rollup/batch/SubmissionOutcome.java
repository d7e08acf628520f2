package township.rollup.batch;

import java.util.List;

import township.rollup.assessment.Assessment;
import township.rollup.registry.Unit;
import township.rollup.rules.Finding;
import township.rollup.store.ReceivedFileStore.InboxEntry;
import township.rollup.store.SubmissionStore.Version;

/** What assessing one unit that sends a file decided; the writer applies it. */
sealed interface SubmissionOutcome {

	/** A new file: a new version, superseding the current one. */
	record NewVersion(Unit unit, long receivedFileId, FileRef file, String formatId, Assessment assessment,
			String fingerprint, Long supersedes, int number) implements SubmissionOutcome {

		NewVersion rejectedBy(Finding why) {
			return new NewVersion(unit, receivedFileId, file, formatId, Assessment.rejectedBy(why), fingerprint,
					supersedes, number);
		}

	}

	/** The file an outcome rests on, as a clerk knows it. */
	record FileRef(String fileName, long sizeBytes, String sha256) {
	}

	/** The same file under changed rules or registry: the current version's verdict is redone. */
	record Reassessed(Unit unit, Version version, Assessment assessment, String fingerprint) implements SubmissionOutcome {

		Reassessed rejectedBy(Finding why) {
			return new Reassessed(unit, version, Assessment.rejectedBy(why), fingerprint);
		}

	}

	/** Nothing new for this unit. */
	record Unchanged(Unit unit, Version version) implements SubmissionOutcome {
	}

	/** No file has ever come from this unit for the year. */
	record Missing(Unit unit) implements SubmissionOutcome {
	}

	/** Several inbox files speak for one unit; none is taken until only one is left. */
	record Conflict(Unit unit, List<InboxEntry> files, List<Finding> findings, Version current)
			implements SubmissionOutcome {
	}

	/**
	 * Several inbox files of one unit that say the same: {@code kept}'s file stands for them all; each file
	 * set aside has its finding that says so (FILE-SET-ASIDE), so that a clerk sees why it was not counted.
	 */
	record OneOfSeveral(Unit unit, SubmissionOutcome kept, List<InboxEntry> setAside, List<Finding> findings)
			implements SubmissionOutcome {

		OneOfSeveral keeping(SubmissionOutcome instead) {
			return new OneOfSeveral(unit, instead, setAside, findings);
		}

	}

	/** A file that speaks for no registered unit. */
	record Unattributed(InboxEntry file, Finding finding) implements SubmissionOutcome {
	}

	/** A file that is not a submission, whatever its name says: listed, never a unit's. */
	record NotSubmission(InboxEntry file, Finding finding) implements SubmissionOutcome {
	}

}
