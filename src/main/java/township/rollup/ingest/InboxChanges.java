package township.rollup.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How an inbox's submission files differ from a list of files known by name and SHA-256 (a finalized
 * year's manifest): files added, files whose content changed, files gone. Only the files matter here,
 * not the rules, the registry or the settings: a final year is reopened because of what the units sent.
 *
 * @param added names in the inbox and not in the list
 * @param changed names in both, with another SHA-256
 * @param removed names in the list and no longer in the inbox
 */
public record InboxChanges(List<String> added, List<String> changed, List<String> removed) {

	/**
	 * Compares the inbox's submission entries with {@code known} (file name to SHA-256). What counts as a
	 * submission is {@link Inbox}'s decision ({@link Inbox.Scan#entries()}), the same entries a run reads and
	 * the input digest covers, so this never has its own idea of which files matter.
	 */
	public static InboxChanges between(Map<String, String> known, Inbox.Scan inbox) {
		Map<String, String> now = new HashMap<>();
		inbox.entries().forEach(e -> now.put(e.fileName(), e.sha256()));
		List<String> added = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		for (String name : new TreeSet<>(now.keySet())) {
			String before = known.get(name);
			if (before == null) {
				added.add(name);
			}
			else if (!before.equalsIgnoreCase(now.get(name))) {
				changed.add(name);
			}
		}
		for (String name : new TreeSet<>(known.keySet())) {
			if (!now.containsKey(name)) {
				removed.add(name);
			}
		}
		return new InboxChanges(List.copyOf(added), List.copyOf(changed), List.copyOf(removed));
	}

	public boolean none() {
		return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
	}

}
