package township.rollup.validation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What rules look at: one report's numbers by cell code, in one format, with the line of each cell in
 * its file (absent for computed totals). A cell that is blank or text is simply absent.
 */
public record Subject(String fileName, String formatId, String unitCode, Map<String, BigDecimal> values,
		Map<String, Integer> lines) {

	public BigDecimal value(String cellCode) {
		return values.get(cellCode);
	}

	public Integer line(String cellCode) {
		return lines.get(cellCode);
	}

}
