package township.rollup.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import township.rollup.ingest.Attribution;
import township.rollup.ingest.Inbox;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rollup.NumberVector;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.ExplanationStore;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.ReceivedFileStore.InboxEntry;
import township.rollup.store.SubmissionStore;
import township.rollup.validation.Subject;

/**
 * Every unit of the tree, parents first, each with the inbox files that speak for it, followed by the
 * files that speak for no registered unit and the files that are not submissions. Built from the run's scan, so a restart rebuilds the same
 * list; what the database holds for the units is fetched a block at a time (a few queries for a chunk
 * of units instead of several per unit). Held per step: one item per registered unit and inbox file (bounded
 * by the registry and the scan, which the run holds anyway), and the loaded files of one block at most: a
 * block is a chunk's units, since each partition's reader holds its block beside the chunk being written.
 */
class UnitWorkReader extends ListBackedReader<UnitWork> {

	private final int year;

	private final Registry registry;

	private final List<Inbox.Entry> scan;

	private final String priorYearFormat;

	private final int partition;

	private final int partitions;

	private final ReceivedFileStore files;

	private final SubmissionStore submissions;

	private final ConsolidatedStore consolidated;

	private final ReportFormats formats;

	private final ExplanationStore explanations;

	/**
	 * Units fetched per block: the chunk size. A loaded unit holds its parsed files and their read findings
	 * (a template's 32 on every file, most of all). Measured with 3,000 such files on HSQLDB, the most heap
	 * live in the assess step after a full collection: 76 MB with blocks of 250 (two partitions, each its
	 * block beside its chunk), 48 MB with blocks of a chunk.
	 */
	private final int block;

	private List<UnitWork> work = List.of();

	/** The one unit to read (a file sent through the portal), or null for every unit and file. */
	private String only;

	private int fetchedUpTo;

	UnitWorkReader(int year, Registry registry, List<Inbox.Entry> scan, String priorYearFormat, Integer partition,
			Integer partitions, ReceivedFileStore files, SubmissionStore submissions, ConsolidatedStore consolidated,
			ReportFormats formats, ExplanationStore explanations, int block) {
		super("unitWorkReader");
		this.year = year;
		this.registry = registry;
		this.scan = scan;
		this.priorYearFormat = priorYearFormat;
		this.partition = partition == null ? 0 : partition;
		this.partitions = partitions == null ? 1 : partitions;
		this.files = files;
		this.submissions = submissions;
		this.consolidated = consolidated;
		this.formats = formats;
		this.explanations = explanations;
		if (block < 1) {
			throw new IllegalArgumentException("block " + block);
		}
		this.block = block;
	}

	@Override
	protected List<UnitWork> load() {
		Map<String, List<InboxEntry>> byUnit = new LinkedHashMap<>();
		List<InboxEntry> unattributed = new ArrayList<>();
		List<InboxEntry> notSubmissions = new ArrayList<>();
		List<String[]> keys = scan.stream().map(e -> new String[] { e.fileName(), e.sha256() }).toList();
		for (InboxEntry entry : files.inbox(year, keys)) {
			if (!Inbox.isSubmission(entry.fileName())) {
				// a scan named like the unit it came with is still not its file
				notSubmissions.add(entry);
				continue;
			}
			Optional<Unit> unit = Attribution.of(entry.fileName(), entry.metaUnitCode(), registry);
			if (unit.isPresent()) {
				byUnit.computeIfAbsent(unit.get().code(), k -> new ArrayList<>()).add(entry);
			}
			else {
				unattributed.add(entry);
			}
		}
		List<UnitWork> all = new ArrayList<>();
		if (only != null) {
			// the same grouping as a run's, so that another inbox file of the unit still makes a conflict
			registry.member(only).ifPresent(u -> all.add(new UnitWork(u, byUnit.getOrDefault(u.code(), List.of()), null)));
			work = all;
			fetchedUpTo = 0;
			return all;
		}
		registry.members().forEach(u -> all.add(new UnitWork(u, byUnit.getOrDefault(u.code(), List.of()), null)));
		unattributed.forEach(e -> all.add(new UnitWork(null, List.of(e), null)));
		notSubmissions.forEach(e -> all.add(new UnitWork(null, List.of(e), null)));
		List<UnitWork> list = new ArrayList<>();
		for (int i = partition; i < all.size(); i += partitions) {
			list.add(all.get(i));
		}
		work = list;
		fetchedUpTo = 0;
		return list;
	}

	/** Reads the one unit {@code code} alone, with its inbox files grouped as a run groups them. */
	UnitWorkReader only(String code) {
		this.only = code;
		return this;
	}

	@Override
	protected UnitWork doRead() {
		UnitWork next = super.doRead();
		if (next == null || next.unit() == null) {
			return next;
		}
		int index = getCurrentItemCount() - 1;
		if (index >= fetchedUpTo) {
			fetch(index, Math.min(work.size(), index + block));
		}
		UnitWork loaded = work.get(index);
		// what was fetched is handed on once and let go, so a nation's files are never all in memory
		work.set(index, new UnitWork(loaded.unit(), loaded.files(), null));
		return loaded;
	}

	@Override
	protected void jumpToItem(int itemIndex) {
		super.jumpToItem(itemIndex);
		fetchedUpTo = itemIndex;
	}

	/** What the database holds for the units of items {@code from} to {@code to}. */
	private void fetch(int from, int to) {
		List<String> units = new ArrayList<>();
		List<Long> fileIds = new ArrayList<>();
		for (int i = from; i < to; i++) {
			UnitWork w = work.get(i);
			if (w.unit() != null) {
				units.add(w.unit().code());
				w.files().forEach(f -> fileIds.add(f.id()));
			}
		}
		Map<String, SubmissionStore.Version> current = submissions.currentOf(year, units);
		Map<String, Integer> last = submissions.lastNumbers(year, units);
		Map<String, SubmissionStore.Accepted> accepted = submissions.latestAcceptedOf(year - 1, units);
		for (SubmissionStore.Version v : current.values()) {
			fileIds.add(v.receivedFileId());
		}
		Map<Long, ReceivedFileStore.StoredFile> stored = files.loadAll(fileIds);
		Map<Long, List<ExplanationStore.Added>> added = explanations
			.ofVersions(current.values().stream().map(SubmissionStore.Version::id).toList());
		for (int i = from; i < to; i++) {
			UnitWork w = work.get(i);
			if (w.unit() == null) {
				continue;
			}
			String code = w.unit().code();
			SubmissionStore.Accepted prior = accepted.get(code);
			Map<Long, ReceivedFileStore.StoredFile> mine = new HashMap<>();
			w.files().forEach(f -> mine.put(f.id(), stored.get(f.id())));
			SubmissionStore.Version now = current.get(code);
			if (now != null && stored.containsKey(now.receivedFileId())) {
				mine.put(now.receivedFileId(), stored.get(now.receivedFileId()));
			}
			Subject.Prior lastYear = prior(w.unit(), prior);
			String priorKey = prior != null ? "version:" + prior.id()
					: lastYear.isMissing() ? null : "consolidated:" + consolidated.report(year - 1, code).orElseThrow().basisSha256();
			work.set(i, w.with(new UnitWork.Loaded(now, last.getOrDefault(code, 0), lastYear, priorKey, mine,
					now == null ? List.of() : added.getOrDefault(now.id(), List.of()))));
		}
		fetchedUpTo = to;
	}

	/**
	 * Last year's report of a unit: its latest accepted version; for a unit with units below it and no
	 * file of its own last year, last year's consolidated report of it.
	 */
	private Subject.Prior prior(Unit unit, SubmissionStore.Accepted accepted) {
		if (accepted != null) {
			ReportFormat format = formats.get(accepted.formatId());
			if (NumberVector.fits(format, accepted.numbers())) {
				return new Subject.Prior(year - 1, format.id(), numbersOnly(format, NumberVector.decode(format,
						accepted.numbers())));
			}
			var parsed = files.load(accepted.receivedFileId()).parsed().orElseThrow();
			return new Subject.Prior(year - 1, parsed.formatId(), parsed.numbers());
		}
		if (!registry.isLeaf(unit.code())) {
			var report = consolidated.report(year - 1, unit.code());
			if (report.isPresent()) {
				ReportFormat format = formats.get(report.get().formatId());
				return new Subject.Prior(year - 1, format.id(),
						numbersOnly(format, consolidated.cells(year - 1, unit.code())));
			}
		}
		return Subject.Prior.missing(year - 1, priorYearFormat);
	}

	private static Map<String, java.math.BigDecimal> numbersOnly(ReportFormat format,
			Map<String, java.math.BigDecimal> values) {
		Map<String, java.math.BigDecimal> cells = new LinkedHashMap<>(values);
		cells.keySet().removeIf(code -> code.startsWith("NARR."));
		return cells;
	}

}
