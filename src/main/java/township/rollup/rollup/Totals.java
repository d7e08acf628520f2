package township.rollup.rollup;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Consolidated numbers: every template cell's sum, and each narrative metric's sum over the submissions
 * that stated it, with the number of contributors of each.
 */
public record Totals(String formatId, Map<String, BigDecimal> cells, Map<String, Integer> cellContributors,
		Map<String, BigDecimal> narrative, Map<String, Integer> narrativeContributors) {
}
