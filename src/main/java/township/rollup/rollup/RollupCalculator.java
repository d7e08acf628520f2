package township.rollup.rollup;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.NarrativeMetric;
import township.rollup.reportformat.ReportFormat;

/**
 * Sums accepted submissions cell by cell. Every identity of the format is linear, so the sums of
 * submissions that each keep the identities keep them too; {@link TotalsCheck} makes sure of that.
 * Amounts are exact decimals: no rounding happens anywhere.
 */
public final class RollupCalculator {

	private RollupCalculator() {
	}

	public static Totals sum(ReportFormat format, List<Contribution> contributions) {
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		Map<String, Integer> cellCounts = new LinkedHashMap<>();
		for (CellDef cell : format.cells()) {
			cells.put(cell.code(), BigDecimal.ZERO);
			cellCounts.put(cell.code(), 0);
		}
		Map<String, BigDecimal> narrative = new LinkedHashMap<>();
		Map<String, Integer> narrativeCounts = new LinkedHashMap<>();
		for (Contribution c : contributions) {
			if (!format.id().equals(c.formatId())) {
				throw new IllegalArgumentException("submission of " + c.unitCode() + " is in format " + c.formatId()
						+ ", the roll-up is in " + format.id());
			}
			for (Map.Entry<String, BigDecimal> e : c.cells().entrySet()) {
				if (!cells.containsKey(e.getKey())) {
					throw new IllegalArgumentException(c.unitCode() + ": cell " + e.getKey() + " is not in format "
							+ format.id());
				}
				cells.merge(e.getKey(), e.getValue(), BigDecimal::add);
				cellCounts.merge(e.getKey(), 1, Integer::sum);
			}
		}
		for (NarrativeMetric metric : format.narrativeMetrics()) {
			for (Contribution c : contributions) {
				BigDecimal value = c.narrative().get(metric.code());
				if (value != null) {
					narrative.merge(metric.code(), value, BigDecimal::add);
					narrativeCounts.merge(metric.code(), 1, Integer::sum);
				}
			}
		}
		return new Totals(format.id(), cells, cellCounts, narrative, narrativeCounts);
	}

}
