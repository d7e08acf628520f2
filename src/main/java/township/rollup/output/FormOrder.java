package township.rollup.output;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.RowDef;
import township.rollup.rules.Finding;
import township.rollup.rules.Where;

/**
 * Findings in the order of the form, as a clerk corrects a file from top to bottom: what concerns the
 * file as a whole first (its name, metadata, format, notes), then Table 2, 3 and 4 row by row and column by
 * column, then the 总体情况 numbers.
 */
public final class FormOrder {

	/** The group a finding is listed under: the file, a table, or the 总体情况 numbers. */
	public enum Group {

		FILE, T2, T3, T4, NARRATIVE

	}

	private final Map<String, Integer> rows = new HashMap<>();

	private final Map<String, Integer> columns = new HashMap<>();

	public FormOrder(ReportFormat format) {
		List<RowDef> list = format.rows();
		for (int i = 0; i < list.size(); i++) {
			RowDef row = list.get(i);
			rows.put(row.code(), i);
			for (int c = 0; c < row.columns().size(); c++) {
				columns.put(row.cellCode(row.columns().get(c)), c);
			}
		}
		for (int i = 0; i < format.narrativeMetrics().size(); i++) {
			rows.put(format.narrativeMetrics().get(i).code(), list.size() + i);
		}
	}

	public static Group group(Where where) {
		if (where == null || where.rowCode() == null) {
			return Group.FILE;
		}
		if (where.rowCode().startsWith("NARR.")) {
			return Group.NARRATIVE;
		}
		if (where.tableCode() != null) {
			return switch (where.tableCode()) {
				case "T2" -> Group.T2;
				case "T3" -> Group.T3;
				case "T4" -> Group.T4;
				default -> Group.FILE;
			};
		}
		return where.rowCode().startsWith("T2") ? Group.T2
				: where.rowCode().startsWith("T3") ? Group.T3 : where.rowCode().startsWith("T4") ? Group.T4 : Group.FILE;
	}

	public Comparator<Finding> comparator() {
		return Comparator.comparing((Finding f) -> group(f.where()))
			.thenComparingInt(f -> f.where() == null ? -1 : rows.getOrDefault(f.where().rowCode(), Integer.MAX_VALUE))
			.thenComparingInt(f -> f.where() == null || f.where().cellCode() == null ? -1
					: columns.getOrDefault(f.where().cellCode(), Integer.MAX_VALUE))
			.thenComparingInt(f -> f.where() == null || f.where().line() == null ? -1 : f.where().line())
			.thenComparing(f -> f.severity());
	}

}
