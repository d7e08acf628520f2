package township.rollup.rollup;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.NarrativeMetric;
import township.rollup.reportformat.ReportFormat;

/**
 * A report's numbers in the order of its format, as one stored text: the cells, then the narrative
 * metrics, comma-separated, empty where there is no number. Summing a nation reads this instead of a
 * row per cell.
 */
public final class NumberVector {

	private NumberVector() {
	}

	public static String encode(ReportFormat format, Map<String, BigDecimal> cells, Map<String, BigDecimal> narrative) {
		StringBuilder out = new StringBuilder(format.cells().size() * 3);
		out.append(format.layoutKey()).append(';');
		List<CellDef> defs = format.cells();
		for (int i = 0; i < defs.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			BigDecimal value = cells.get(defs.get(i).code());
			if (value != null) {
				out.append(value.toPlainString());
			}
		}
		out.append(';');
		boolean first = true;
		for (NarrativeMetric metric : format.narrativeMetrics()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			BigDecimal value = narrative.get(metric.code());
			if (value != null) {
				out.append(value.toPlainString());
			}
		}
		return out.toString();
	}

	/** Whether a vector was written in this release's layout of the format (else read the reading). */
	public static boolean fits(ReportFormat format, String vector) {
		return vector != null && vector.startsWith(format.layoutKey() + ";");
	}

	/** The cells and narrative numbers of a vector, by code (absent where there was no number). */
	public static Map<String, BigDecimal> decode(ReportFormat format, String vector) {
		if (!fits(format, vector)) {
			throw new IllegalArgumentException("a stored vector not in the layout " + format.layoutKey());
		}
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		vector = vector.substring(format.layoutKey().length() + 1);
		int semicolon = vector.indexOf(';');
		String[] cells = vector.substring(0, semicolon).split(",", -1);
		List<CellDef> defs = format.cells();
		if (cells.length != defs.size()) {
			throw new IllegalStateException("a stored vector of " + cells.length + " cells for format " + format.id()
					+ " of " + defs.size());
		}
		for (int i = 0; i < cells.length; i++) {
			if (!cells[i].isEmpty()) {
				values.put(defs.get(i).code(), new BigDecimal(cells[i]));
			}
		}
		String[] narrative = vector.substring(semicolon + 1).split(",", -1);
		List<NarrativeMetric> metrics = format.narrativeMetrics();
		for (int i = 0; i < narrative.length && i < metrics.size(); i++) {
			if (!narrative[i].isEmpty()) {
				values.put(metrics.get(i).code(), new BigDecimal(narrative[i]));
			}
		}
		return values;
	}

}
