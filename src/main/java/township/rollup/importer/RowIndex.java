package township.rollup.importer;

import java.util.ArrayList;
import java.util.Collection;
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
 *
 * <p>
 * One loosening, for labels printed with characters lost ({@code 2.其他法律行政止公开} for
 * 2.其他法律行政法规禁止公开, seen in real reports): {@link #matchShortened}, under a rule strict enough that
 * it never has to choose between two labels.
 */
final class RowIndex {

	private static final Pattern NUMBERED = Pattern.compile("^\\d+\\s*[.．、].*");

	/** A row, and the caption of the group it is numbered in (empty for an unnumbered row). */
	record Entry(RowDef row, String groupKey) {
	}

	private final Map<String, List<Entry>> byKey = new LinkedHashMap<>();

	private final Set<String> captions = new HashSet<>();

	private final List<RowDef> rows = new ArrayList<>();

	/** Key of every distinct text the table draws in this format (rows, captions, titles, headers). */
	private final Set<String> drawn = new LinkedHashSet<>();

	/** A shortened label keeps at least this share of the official label's characters (3 of 4). */
	static final int KEEP_NUMERATOR = 3;

	static final int KEEP_DENOMINATOR = 4;

	/** A shortened label has at least this many characters left (after normalisation). */
	static final int MIN_SHORTENED = 4;

	RowIndex(ReportFormat format, TableDef table) {
		Vocabulary.labels(table).forEach(l -> drawn.add(LabelText.key(l)));
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

	/**
	 * The row a label printed with characters lost stands for, or none. Taken only when all of these hold
	 * (keys after normalisation: width, punctuation, whitespace, Traditional characters):
	 * <ol>
	 * <li>the printed key is not itself a text of the table, has at least {@value #MIN_SHORTENED}
	 * characters, and starts with the same character as the official one (a numbered row keeps its
	 * number);</li>
	 * <li>its characters are the official key's characters in order with some left out (a subsequence),
	 * and at least three quarters of them are kept;</li>
	 * <li>exactly one distinct text the table draws in this format (rows, captions, headers) passes 1 and
	 * 2: if two could be meant, none is taken;</li>
	 * <li>that text is a row of the table, and a numbered row only under its own group caption.</li>
	 * </ol>
	 */
	List<RowDef> matchShortened(String text, String currentGroup) {
		String printed = LabelText.key(text);
		if (printed.codePointCount(0, printed.length()) < MIN_SHORTENED || drawn.contains(printed)) {
			return List.of();
		}
		String only = onlyShortened(printed, drawn);
		if (only == null) {
			return List.of();
		}
		List<RowDef> result = new ArrayList<>();
		for (Entry entry : byKey.getOrDefault(only, List.of())) {
			if ((entry.groupKey().isEmpty() || entry.groupKey().equals(currentGroup)) && !result.contains(entry.row())) {
				result.add(entry.row());
			}
		}
		return result;
	}

	/**
	 * Rule 3 of {@link #matchShortened}: the one official key that {@code printed} is a shortening of, or
	 * null when none is, or more than one.
	 */
	static String onlyShortened(String printed, Collection<String> officialKeys) {
		String only = null;
		for (String official : officialKeys) {
			if (isShortened(printed, official) && !official.equals(only)) {
				if (only != null) {
					return null; // two texts of the table could be meant
				}
				only = official;
			}
		}
		return only;
	}

	/** Rules 1 and 2 of {@link #matchShortened}: {@code printed} is {@code official} with characters left out. */
	static boolean isShortened(String printed, String official) {
		int[] p = printed.codePoints().toArray();
		int[] o = official.codePoints().toArray();
		if (p.length >= o.length || p.length * KEEP_DENOMINATOR < o.length * KEEP_NUMERATOR || p[0] != o[0]) {
			return false;
		}
		int i = 0;
		for (int j = 0; j < o.length && i < p.length; j++) {
			if (p[i] == o[j]) {
				i++;
			}
		}
		return i == p.length;
	}

}
