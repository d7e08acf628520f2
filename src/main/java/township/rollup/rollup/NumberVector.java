package township.rollup.rollup;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.FormNumbers;
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

	/**
	 * The cells and narrative numbers of a vector, at their places in the format (read by code, absent where
	 * there was no number).
	 */
	public static FormNumbers decode(ReportFormat format, String vector) {
		if (!fits(format, vector)) {
			throw new IllegalArgumentException("a stored vector not in the layout " + format.layoutKey());
		}
		List<CellDef> defs = format.cells();
		List<NarrativeMetric> metrics = format.narrativeMetrics();
		// by place, as the vector holds them: a nation's pages decode 40,000 vectors, and a map by code (its
		// growth, its entries) was most of it, as splitting the text into strings first was
		BigDecimal[] values = new BigDecimal[format.numberCount()];
		int at = format.layoutKey().length() + 1;
		int semicolon = vector.indexOf(';', at);
		int cells = 0;
		for (int from = at; ; cells++) {
			int comma = vector.indexOf(',', from);
			int to = comma < 0 || comma > semicolon ? semicolon : comma;
			if (to > from && cells < defs.size()) {
				values[cells] = number(vector, from, to);
			}
			if (to == semicolon) {
				cells++;
				break;
			}
			from = to + 1;
		}
		if (cells != defs.size()) {
			throw new IllegalStateException("a stored vector of " + cells + " cells for format " + format.id()
					+ " of " + defs.size());
		}
		for (int i = 0, from = semicolon + 1; i < metrics.size(); i++) {
			int comma = vector.indexOf(',', from);
			int to = comma < 0 ? vector.length() : comma;
			if (to > from) {
				values[defs.size() + i] = number(vector, from, to);
			}
			if (comma < 0) {
				break;
			}
			from = to + 1;
		}
		return FormNumbers.of(format, values);
	}

	/**
	 * The number written from {@code from} to {@code to}: a whole number of up to 18 digits (most of a
	 * report's) as a long, the same value and scale as {@code new BigDecimal} reads it; any other as
	 * {@code BigDecimal} reads it.
	 */
	private static BigDecimal number(String vector, int from, int to) {
		int i = vector.charAt(from) == '-' ? from + 1 : from;
		if (to - i < 1 || to - i > 18) {
			return new BigDecimal(vector.substring(from, to));
		}
		long n = 0;
		for (int k = i; k < to; k++) {
			char c = vector.charAt(k);
			if (c < '0' || c > '9') {
				return new BigDecimal(vector.substring(from, to));
			}
			n = n * 10 + (c - '0');
		}
		return BigDecimal.valueOf(i > from ? -n : n);
	}

}
