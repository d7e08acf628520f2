package township.rollup.batch;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import township.rollup.assessment.Assessment;
import township.rollup.assessment.AssessmentContext;
import township.rollup.assessment.ContextFingerprint;
import township.rollup.assessment.SubmissionAssessor;
import township.rollup.ingest.Attribution;
import township.rollup.ingest.Inbox;
import township.rollup.ingest.ReaderFingerprint;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.Where;
import township.rollup.rules.YearSettings;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.ReceivedFileStore.InboxEntry;
import township.rollup.store.ReceivedFileStore.StoredFile;
import township.rollup.store.SubmissionStore;
import township.rollup.store.SubmissionStore.Version;
import township.rollup.validation.Subject;

/**
 * Decides what one unit's inbox files mean: a new version, a reassessment, nothing new, missing, or a
 * conflict between files. Reads the database; the writer changes it.
 */
class AssessProcessor implements ItemProcessor<UnitWork, SubmissionOutcome> {

	private final int year;

	private final Registry registry;

	private final YearSettings settings;

	private final String priorYearFormat;

	private final ReceivedFileStore files;

	private final SubmissionStore submissions;

	private final SubmissionAssessor assessor;

	private final FindingFactory findings;

	AssessProcessor(int year, Registry registry, YearSettings settings, String priorYearFormat,
			ReceivedFileStore files, SubmissionStore submissions, SubmissionAssessor assessor, FindingFactory findings) {
		this.year = year;
		this.registry = registry;
		this.settings = settings;
		this.priorYearFormat = priorYearFormat;
		this.files = files;
		this.submissions = submissions;
		this.assessor = assessor;
		this.findings = findings;
	}

	@Override
	public SubmissionOutcome process(UnitWork work) {
		if (work.unit() == null) {
			InboxEntry file = work.files().get(0);
			Finding why = assessor.withoutUnit(file.fileName());
			if (!Inbox.isSubmission(file.fileName())) {
				return new SubmissionOutcome.NotSubmission(file, why);
			}
			return new SubmissionOutcome.Unattributed(file, why);
		}
		Unit unit = work.unit();
		UnitWork.Loaded data = work.loaded();
		// the reader too: a file read again by a newer release is judged again on what it read
		String context = findings.catalogue().fingerprint() + "/" + ReaderFingerprint.value() + "/prior-format="
				+ priorYearFormat + "/prior=" + data.priorKey();
		// a new version starts with no explanation written in the portal; the current one with those it has
		String fingerprint = ContextFingerprint.of(context, settings.fingerprint(), year, registry, unit, null);
		String currentFingerprint = data.added().isEmpty() ? fingerprint
				: ContextFingerprint.of(context + "/explained=" + data.addedKey(), settings.fingerprint(), year,
						registry, unit, null);
		Optional<Version> current = Optional.ofNullable(data.current());
		List<InboxEntry> entries = work.files();
		if (entries.size() > 1) {
			// a CSV file and a workbook that say the same are one submission
			Optional<Integer> one = Attribution.oneSubmission(entries.stream().map(InboxEntry::fileName).toList(),
					entries.stream().map(e -> Optional.ofNullable(data.files().get(e.id())).flatMap(StoredFile::parsed)).toList());
			if (one.isEmpty()) {
				return conflict(unit, entries, current.orElse(null));
			}
			InboxEntry kept = entries.get(one.get());
			List<InboxEntry> setAside = entries.stream().filter(e -> e != kept).toList();
			return new SubmissionOutcome.OneOfSeveral(unit,
					decide(unit, data, fingerprint, currentFingerprint, current, List.of(kept)),
					setAside, setAside.stream().map(e -> setAside(unit, e, kept)).toList());
		}
		return decide(unit, data, fingerprint, currentFingerprint, current, entries);
	}

	/** What one file, or none, means for the unit: a new version, a reassessment, nothing new or missing. */
	private SubmissionOutcome decide(Unit unit, UnitWork.Loaded data, String fingerprint, String currentFingerprint,
			Optional<Version> current, List<InboxEntry> entries) {
		if (entries.size() == 1) {
			InboxEntry file = entries.get(0);
			if (current.isEmpty() || !current.get().sha256().equals(file.sha256())) {
				StoredFile stored = data.files().get(file.id());
				return new SubmissionOutcome.NewVersion(unit, file.id(),
						new SubmissionOutcome.FileRef(stored.fileName(), stored.sizeBytes(), stored.sha256()),
						stored.parsed().map(p -> p.formatId()).orElse(null), assess(stored, unit, data.prior(), List.of()),
						fingerprint, current.map(Version::id).orElse(null), data.lastNumber() + 1);
			}
		}
		if (current.isEmpty()) {
			return new SubmissionOutcome.Missing(unit);
		}
		Version version = current.get();
		if (version.contextFingerprint().equals(currentFingerprint)) {
			return new SubmissionOutcome.Unchanged(unit, version);
		}
		StoredFile stored = data.files().containsKey(version.receivedFileId()) ? data.files().get(version.receivedFileId())
				: files.load(version.receivedFileId());
		return new SubmissionOutcome.Reassessed(unit, version, assess(stored, unit, data.prior(), data.addedPairs()),
				currentFingerprint);
	}

	/**
	 * The verdict on one file, as {@code check} gives it too, with the explanations written in the portal
	 * for the version ({@code added}: none for a new version).
	 */
	private Assessment assess(StoredFile stored, Unit unit, Subject.Prior last, List<Map.Entry<String, String>> added) {
		return assessor.assessFile(new SubmissionAssessor.FileRef(stored.fileName(), stored.sizeBytes(), stored.sha256()),
				stored.parsed(), stored.readFindings(), new AssessmentContext(year, settings.formatId(), registry, unit, last),
				added);
	}

	private Finding setAside(Unit unit, InboxEntry file, InboxEntry kept) {
		return findings
			.create("FILE-SET-ASIDE", Where.file(file.fileName()),
					Map.of("unit", unit.name(), "unitCode", unit.code(), "kept", kept.fileName()))
			.orElseThrow();
	}

	private SubmissionOutcome conflict(Unit unit, List<InboxEntry> entries, Version current) {
		String names = String.join("、", entries.stream().map(InboxEntry::fileName).toList());
		List<Finding> perFile = entries.stream()
			.map(e -> findings
				.create("FILE-DUPLICATE", Where.file(e.fileName()),
						Map.of("unit", unit.name(), "unitCode", unit.code(), "count", entries.size(), "files", names))
				.orElseThrow())
			.toList();
		return new SubmissionOutcome.Conflict(unit, entries, perFile, current);
	}

}
