package township.rollup.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import township.rollup.reportformat.BlockDef;
import township.rollup.reportformat.ColumnDef;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.RowDef;
import township.rollup.reportformat.TableDef;

/**
 * What the formats say about labels: every label a table can show (rows, captions, block titles, column
 * headers), the labels only one format has (the evidence of the format), and which rows are the same in
 * every format, so that they can be read before the format is known.
 */
final class Vocabulary {

	/** Header texts that the template draws but the format files do not name. */
	private static final List<String> HEADERS = List.of("信息内容", "申请人情况", "项目");

	/**
	 * The 2019 label of the 2021 row 行政规范性文件: 2021 reports still print it (中山街道), so it is read as
	 * that row, and so it proves neither format.
	 */
	static final String OLD_NORM_LABEL = "规范性文件";

	private final Set<String> known = new HashSet<>();

	/** format → table → label key → the official label. */
	private final Map<String, Map<String, Map<String, String>>> exclusive = new LinkedHashMap<>();

	/** format → table → key of a label that is a data row in that format and a group caption in another. */
	private final Map<String, Map<String, Map<String, String>>> rowNotCaption = new LinkedHashMap<>();

	private final Set<String> neutralRows = new HashSet<>();

	private final Map<String, RowIndex> indexes = new LinkedHashMap<>();

	Vocabulary(ReportFormats formats) {
		Map<String, Map<String, Map<String, String>>> all = new LinkedHashMap<>();
		for (ReportFormat format : formats.all()) {
			for (TableDef table : format.tables()) {
				Map<String, String> labels = new LinkedHashMap<>();
				for (String label : labels(table)) {
					add(labels, LabelText.key(label), label);
					add(labels, LabelText.coreKey(label), label);
				}
				all.computeIfAbsent(format.id(), k -> new LinkedHashMap<>()).put(table.code(), labels);
				known.addAll(labels.keySet());
				indexes.put(format.id() + "/" + table.code(), new RowIndex(format, table));
			}
		}
		HEADERS.forEach(h -> known.add(LabelText.key(h)));
		for (Section section : Section.values()) {
			if (section.heading != null) {
				known.add(LabelText.key(section.heading));
			}
		}
		for (String id : all.keySet()) {
			Map<String, Map<String, String>> tables = new LinkedHashMap<>();
			all.get(id).forEach((table, labels) -> {
				Map<String, String> only = new LinkedHashMap<>(labels);
				for (String other : all.keySet()) {
					if (!other.equals(id) && all.get(other).containsKey(table)) {
						only.keySet().removeAll(all.get(other).get(table).keySet());
					}
				}
				only.remove(LabelText.key(OLD_NORM_LABEL));
				tables.put(table, only);
			});
			exclusive.put(id, tables);
		}
		for (ReportFormat format : formats.all()) {
			for (TableDef table : format.tables()) {
				for (ReportFormat other : formats.all()) {
					if (other == format) {
						continue;
					}
					Set<String> captions = captions(other, table.code());
					for (RowDef row : format.rowsOf(table.code())) {
						if (captions.contains(row.normalizedLabel())) {
							rowNotCaption.computeIfAbsent(format.id(), k -> new LinkedHashMap<>())
								.computeIfAbsent(table.code(), k -> new LinkedHashMap<>())
								.put(LabelText.key(row.label()), row.label());
						}
					}
				}
			}
			for (RowDef row : format.rows()) {
				boolean same = formats.all()
					.stream()
					.allMatch(other -> other.row(row.code()).map(o -> sameRow(row, o)).orElse(false));
				if (same) {
					neutralRows.add(row.code());
				}
			}
		}
	}

	private static Set<String> captions(ReportFormat format, String tableCode) {
		Set<String> captions = new HashSet<>();
		for (TableDef table : format.tables()) {
			if (table.code().equals(tableCode)) {
				for (BlockDef block : table.blocks()) {
					block.lines().stream().filter(BlockDef.Line::isCaption).forEach(l -> captions.add(LabelText.key(l.caption())));
				}
			}
		}
		return captions;
	}

	private static void add(Map<String, String> labels, String key, String label) {
		if (!key.isEmpty()) {
			labels.putIfAbsent(key, label);
		}
	}

	private static boolean sameRow(RowDef a, RowDef b) {
		if (!a.normalizedLabel().equals(b.normalizedLabel()) || a.columns().size() != b.columns().size()) {
			return false;
		}
		for (int i = 0; i < a.columns().size(); i++) {
			ColumnDef x = a.columns().get(i);
			ColumnDef y = b.columns().get(i);
			if (!x.code().equals(y.code()) || !x.label().equals(y.label()) || x.type() != y.type()) {
				return false;
			}
		}
		return true;
	}

	/** Every text a table of the format draws. */
	static List<String> labels(TableDef table) {
		List<String> labels = new ArrayList<>();
		for (BlockDef block : table.blocks()) {
			labels.add(block.title());
			for (ColumnDef column : block.columns()) {
				labels.add(column.label());
				if (!column.group().isEmpty()) {
					labels.addAll(List.of(column.group().split("·")));
				}
			}
			for (BlockDef.Line line : block.lines()) {
				labels.add(line.isCaption() ? line.caption() : line.row().label());
			}
		}
		labels.removeIf(Objects::isNull);
		labels.removeIf(String::isBlank);
		return labels;
	}

	/**
	 * Whether pieces joined are exactly a label some format draws, or a section heading. Exactly: allowing
	 * a trailing bracketed note here would join a heading with the note under it.
	 */
	boolean isWholeLabel(String text) {
		return known.contains(LabelText.key(text)) || Section.ofHeading(text) != null;
	}

	/** The official label whose presence shows the text is in {@code formatId}, or null. */
	String evidenceOf(String formatId, String tableCode, String text) {
		Map<String, String> labels = exclusive.getOrDefault(formatId, Map.of()).getOrDefault(tableCode, Map.of());
		String label = labels.get(LabelText.key(text));
		if (label == null) {
			String core = LabelText.coreKey(text);
			label = core.isEmpty() ? null : labels.get(core);
		}
		return label;
	}

	/**
	 * The official label when the text is a label that is a data row in {@code formatId} and only a group
	 * caption in another ({@code （六）其他处理}: one row in 2019, the caption of three in 2021), so that the
	 * label followed by values shows the format; else null.
	 */
	String rowLabelOnlyIn(String formatId, String tableCode, String text) {
		return rowNotCaption.getOrDefault(formatId, Map.of()).getOrDefault(tableCode, Map.of()).get(LabelText.key(text));
	}

	/** Keys of every text a table of the format draws, and of the template's unnamed headers. */
	Set<String> headerKeys(ReportFormat format, String tableCode) {
		Set<String> keys = new HashSet<>();
		labels(format.table(tableCode)).forEach(l -> {
			keys.add(LabelText.key(l));
			String core = LabelText.coreKey(l);
			if (!core.isEmpty()) {
				keys.add(core);
			}
		});
		HEADERS.forEach(h -> keys.add(LabelText.key(h)));
		return keys;
	}

	/** A row that every format has with the same label and columns: its cells mean the same in all of them. */
	boolean isNeutral(RowDef row) {
		return neutralRows.contains(row.code());
	}

	RowIndex index(ReportFormat format, String tableCode) {
		return indexes.get(format.id() + "/" + tableCode);
	}

}
