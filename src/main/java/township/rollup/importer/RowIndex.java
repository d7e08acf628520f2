package township.rollup.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import township.rollup.reportformat.BlockDef;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.RowDef;
import township.rollup.reportformat.TableDef;

/**
 * The rows of one table of one format by label. A label matches a row when the two are equal after
 * normalisation (or equal without a trailing bracketed note); never when one merely contains the other,
 * which is how {@code 结转} matches both 上年结转 and 结转下年度 and {@code 其他处理} three rows. A numbered
 * sub-row ({@code 3.其他}) matches only under its own group caption, so the same words under another
 * group are not taken for it.
 */
final class RowIndex {

	private static final Pattern NUMBERED = Pattern.compile("^\\d+\\s*[.．、].*");

	/** A row, and the caption of the group it is numbered in (empty for an unnumbered row). */
	record Entry(RowDef row, String groupKey) {
	}

	private final Map<String, List<Entry>> byKey = new LinkedHashMap<>();

	private final Set<String> captions = new HashSet<>();

	private final List<RowDef> rows = new ArrayList<>();

	RowIndex(ReportFormat format, TableDef table) {
		for (BlockDef block : table.blocks()) {
			String group = "";
			for (BlockDef.Line line : block.lines()) {
				if (line.isCaption()) {
					group = LabelText.key(line.caption());
					captions.add(group);
					continue;
				}
				RowDef row = line.row();
				rows.add(row);
				Entry entry = new Entry(row, NUMBERED.matcher(row.label()).matches() ? group : "");
				put(LabelText.key(row.label()), entry);
				put(LabelText.coreKey(row.label()), entry);
				if (format.id().equals("2021") && row.code().equals("T2.i1.norm")) {
					put(LabelText.key(Vocabulary.OLD_NORM_LABEL), entry);
				}
			}
		}
	}

	private void put(String key, Entry entry) {
		if (!key.isEmpty()) {
			byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
		}
	}

	List<RowDef> rows() {
		return rows;
	}

	/** Whether the text is a group caption of this table ({@code （三）不予公开}). */
	String captionKey(String text) {
		String key = LabelText.key(text);
		return captions.contains(key) ? key : null;
	}

	/**
	 * The rows the label can be, given the group caption last seen: one row, or none; more than one only
	 * if the format itself repeated a label, which the caller treats as no match.
	 */
	List<RowDef> match(String text, String currentGroup) {
		Set<Entry> candidates = new LinkedHashSet<>();
		candidates.addAll(byKey.getOrDefault(LabelText.key(text), List.of()));
		String core = LabelText.coreKey(text);
		if (!core.isEmpty()) {
			candidates.addAll(byKey.getOrDefault(core, List.of()));
		}
		List<RowDef> result = new ArrayList<>();
		for (Entry entry : candidates) {
			if (entry.groupKey().isEmpty() || entry.groupKey().equals(currentGroup)) {
				if (!result.contains(entry.row())) {
					result.add(entry.row());
				}
			}
		}
		return result;
	}

	/** The numbered rows the label would be under some other group caption than the current one. */
	List<RowDef> matchOutOfGroup(String text, String currentGroup) {
		List<RowDef> result = new ArrayList<>();
		for (String key : List.of(LabelText.key(text), LabelText.coreKey(text))) {
			for (Entry entry : byKey.getOrDefault(key, List.of())) {
				if (!entry.groupKey().isEmpty() && !entry.groupKey().equals(currentGroup) && !result.contains(entry.row())) {
					result.add(entry.row());
				}
			}
		}
		return result;
	}

}
