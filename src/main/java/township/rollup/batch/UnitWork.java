package township.rollup.batch;

import java.util.List;
import java.util.Map;

import township.rollup.registry.Unit;
import township.rollup.store.ExplanationStore;
import township.rollup.store.ReceivedFileStore.InboxEntry;
import township.rollup.store.ReceivedFileStore.StoredFile;
import township.rollup.store.SubmissionStore.Version;
import township.rollup.validation.Subject;

/**
 * One item of the assess step: a unit and the inbox files that speak for it, or, with no unit, one file
 * that speaks for no registered unit or is not a submission; with what the database holds for it, fetched for many units at a
 * time by the reader.
 */
record UnitWork(Unit unit, List<InboxEntry> files, Loaded loaded) {

	/**
	 * The unit's current version and last version number, last year's report the cross-year rules compare
	 * with, the stored files of its inbox entries by id, and the explanations written in the portal for
	 * the current version (none for a unit without one).
	 */
	record Loaded(Version current, int lastNumber, Subject.Prior prior, String priorKey,
			Map<Long, StoredFile> files, List<ExplanationStore.Added> added) {

		/** The portal's explanations of the current version as {@code (rule id, text)} pairs. */
		List<Map.Entry<String, String>> addedPairs() {
			return added.stream().map(a -> Map.entry(a.ruleId(), a.text())).toList();
		}

		/** What the portal's explanations of the current version are, for its context fingerprint. */
		String addedKey() {
			StringBuilder key = new StringBuilder();
			added.forEach(a -> key.append(a.ruleId()).append('\u0000').append(a.text()).append('\u0001'));
			return township.rollup.bytes.Sha256.hex(key.toString());
		}

	}

	UnitWork with(Loaded data) {
		return new UnitWork(unit, files, data);
	}

}
