package township.rollup.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import township.rollup.reportformat.ColumnDef;
import township.rollup.reportformat.Labels;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.RowDef;

/**
 * What in a file shows which format it was filled in: row codes and labels (row and column labels,
 * headers included) that only one format has. The year does not decide the format (2021–2023 reports
 * still use the 2019 tables), so the file's declaration is checked against its content.
 */
final class FormatEvidence {

	private final Map<String, Set<String>> exclusiveCodes = new LinkedHashMap<>();

	private final Map<String, Set<String>> exclusiveLabels = new LinkedHashMap<>();

	FormatEvidence(ReportFormats formats) {
		for (ReportFormat format : formats.all()) {
			Set<String> codes = new LinkedHashSet<>();
			Set<String> labels = new LinkedHashSet<>();
			for (RowDef row : format.rows()) {
				codes.add(row.code());
				labels.add(row.normalizedLabel());
				for (ColumnDef column : row.columns()) {
					labels.add(Labels.normalize(column.label()));
				}
			}
			// captions too: 2021's group caption （六）其他处理 is 2019's row label, so it proves nothing
			for (var table : format.tables()) {
				for (var block : table.blocks()) {
					labels.add(Labels.normalize(block.title()));
					block.lines().stream().filter(l -> l.isCaption()).forEach(l -> labels.add(Labels.normalize(l.caption())));
				}
			}
			exclusiveCodes.put(format.id(), codes);
			exclusiveLabels.put(format.id(), labels);
		}
		Map<String, Set<String>> allCodes = copy(exclusiveCodes);
		Map<String, Set<String>> allLabels = copy(exclusiveLabels);
		for (String id : exclusiveCodes.keySet()) {
			for (String other : allCodes.keySet()) {
				if (!other.equals(id)) {
					exclusiveCodes.get(id).removeAll(allCodes.get(other));
					exclusiveLabels.get(id).removeAll(allLabels.get(other));
				}
			}
		}
	}

	private static Map<String, Set<String>> copy(Map<String, Set<String>> map) {
		Map<String, Set<String>> copy = new LinkedHashMap<>();
		map.forEach((k, v) -> copy.put(k, new LinkedHashSet<>(v)));
		return copy;
	}

	/** The other format the content belongs to, with what shows it, when it shows nothing of the declared one. */
	record Mismatch(String looksLike, List<String> evidence) {
	}

	Optional<Mismatch> check(String declared, List<String> codes, List<String> texts) {
		if (!exclusiveCodes.containsKey(declared) || !found(declared, codes, texts).isEmpty()) {
			return Optional.empty();
		}
		for (String other : exclusiveCodes.keySet()) {
			if (other.equals(declared)) {
				continue;
			}
			List<String> evidence = found(other, codes, texts);
			if (!evidence.isEmpty()) {
				return Optional.of(new Mismatch(other, evidence.subList(0, Math.min(3, evidence.size()))));
			}
		}
		return Optional.empty();
	}

	private List<String> found(String format, List<String> codes, List<String> texts) {
		List<String> evidence = new ArrayList<>();
		for (String code : codes) {
			if (exclusiveCodes.get(format).contains(code) && !evidence.contains(code)) {
				evidence.add(code);
			}
		}
		for (String text : texts) {
			String normalized = Labels.normalize(text);
			if (!normalized.isEmpty() && exclusiveLabels.get(format).contains(normalized)
					&& !evidence.contains("“" + text.strip() + "”")) {
				evidence.add("“" + text.strip() + "”");
			}
		}
		return evidence;
	}

}
