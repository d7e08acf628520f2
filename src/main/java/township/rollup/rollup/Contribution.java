package township.rollup.rollup;

import java.math.BigDecimal;
import java.util.Map;

/** One accepted submission's numbers: template cells and the narrative metrics it stated. */
public record Contribution(String unitCode, String formatId, Map<String, BigDecimal> cells,
		Map<String, BigDecimal> narrative) {
}
