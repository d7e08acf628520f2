package township.rollup.batch;

import java.util.List;

import township.rollup.assessment.Assessment;
import township.rollup.registry.Unit;
import township.rollup.rules.Finding;
import township.rollup.store.ReceivedFileStore.InboxEntry;
import township.rollup.store.SubmissionStore.Version;

/** What assessing one township decided; the writer applies it. */
sealed interface TownshipOutcome {

	/** A new file: a new version, superseding the current one. */
	record NewVersion(Unit unit, long receivedFileId, FileRef file, String formatId, Assessment assessment,
			String fingerprint, Long supersedes, int number) implements TownshipOutcome {

		NewVersion rejectedBy(Finding why) {
			return new NewVersion(unit, receivedFileId, file, formatId, Assessment.rejectedBy(why), fingerprint,
					supersedes, number);
		}

	}

	/** The file an outcome rests on, as a clerk knows it. */
	record FileRef(String fileName, long sizeBytes, String sha256) {
	}

	/** The same file under changed rules or registry: the current version's verdict is redone. */
	record Reassessed(Unit unit, Version version, Assessment assessment, String fingerprint) implements TownshipOutcome {

		Reassessed rejectedBy(Finding why) {
			return new Reassessed(unit, version, Assessment.rejectedBy(why), fingerprint);
		}

	}

	/** Nothing new for this township. */
	record Unchanged(Unit unit, Version version) implements TownshipOutcome {
	}

	/** No file has ever come from this township for the year. */
	record Missing(Unit unit) implements TownshipOutcome {
	}

	/** Several inbox files speak for one township; none is taken until only one is left. */
	record Conflict(Unit unit, List<InboxEntry> files, List<Finding> findings, Version current)
			implements TownshipOutcome {
	}

	/** A file that speaks for no registered unit. */
	record Unattributed(InboxEntry file, Finding finding) implements TownshipOutcome {
	}

	/** A file that is not a submission, whatever its name says: listed, never a unit's. */
	record NotSubmission(InboxEntry file, Finding finding) implements TownshipOutcome {
	}

}
