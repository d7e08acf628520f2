package township.rollup.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import township.rollup.ingest.Attribution;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.ReceivedFileStore.InboxEntry;

/**
 * Every registered township in code order, each with the inbox files that speak for it, followed by
 * the files that speak for no registered unit. Built from the files the receive step marked as seen by
 * this run, so a restart rebuilds the same list.
 */
class TownshipWorkReader extends ListBackedReader<TownshipWork> {

	private final int year;

	private final String digest;

	private final Registry registry;

	private final ReceivedFileStore files;

	TownshipWorkReader(int year, String digest, Registry registry, ReceivedFileStore files) {
		super("townshipWorkReader");
		this.year = year;
		this.digest = digest;
		this.registry = registry;
		this.files = files;
	}

	@Override
	protected List<TownshipWork> load() {
		Map<String, List<InboxEntry>> byUnit = new LinkedHashMap<>();
		List<InboxEntry> unattributed = new ArrayList<>();
		for (InboxEntry entry : files.inbox(year, digest)) {
			Optional<Unit> unit = Attribution.of(entry.fileName(), entry.metaUnitCode(), registry);
			if (unit.isPresent()) {
				byUnit.computeIfAbsent(unit.get().code(), k -> new ArrayList<>()).add(entry);
			}
			else {
				unattributed.add(entry);
			}
		}
		List<TownshipWork> work = new ArrayList<>();
		registry.members()
			.stream()
			.sorted(Comparator.comparing(Unit::code))
			.forEach(u -> work.add(new TownshipWork(u, byUnit.getOrDefault(u.code(), List.of()))));
		unattributed.forEach(e -> work.add(new TownshipWork(null, List.of(e))));
		return work;
	}

}
