package township.rollup.output;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code status.csv}: every registered township of the year, accepted, rejected (with its number of
 * errors) or missing, with the version and file its standing rests on.
 */
public final class StatusCsv {

	private StatusCsv() {
	}

	/**
	 * One unit's line, as the board and its current version give it; for a unit with units below it,
	 * what it stands on and how many of its units are complete.
	 */
	public record Row(String unitCode, String unitName, String statusZh, String status, String reason, Integer version,
			String fileName, String sha256, String encoding, int errors, int warnings, int openWarnings,
			String parentCode, String kind, Integer units, Integer completeUnits, String source) {

		public Row(String unitCode, String unitName, String statusZh, String status, String reason, Integer version,
				String fileName, String sha256, String encoding, int errors, int warnings, int openWarnings) {
			this(unitCode, unitName, statusZh, status, reason, version, fileName, sha256, encoding, errors, warnings,
					openWarnings, null, null, null, null, null);
		}

	}

	static final List<String> HEADER = List.of("区划代码(unit_code)", "单位名称(unit_name)", "状态", "status", "原因(reason)",
			"版本(version)", "文件(file)", "SHA-256", "编码(encoding)", "错误(errors)", "警告(warnings)",
			"未说明的警告(open_warnings)", "上级(parent_code)", "类别(kind)", "下级单位(units)", "完整(complete_units)",
			"来源(source)");

	public static byte[] write(List<Row> rows) {
		List<List<String>> grid = new ArrayList<>();
		grid.add(HEADER);
		rows.forEach(r -> grid.add(line(r)));
		return Csv.write(grid);
	}

	/**
	 * The same file written line by line as {@code source} gives the rows: a nation's board is written
	 * from a page of it in memory, not the whole of it.
	 */
	public static AtomicFiles.Content streamed(java.util.function.Consumer<java.util.function.Consumer<Row>> source) {
		return out -> {
			try (Csv.Lines lines = new Csv.Lines(out)) {
				lines.write(HEADER);
				source.accept(row -> lines.write(line(row)));
			}
		};
	}

	private static List<String> line(Row r) {
		return List.of(r.unitCode(), r.unitName(), r.statusZh(), r.status(), nz(r.reason()),
				r.version() == null ? "" : r.version().toString(), nz(r.fileName()), nz(r.sha256()), nz(r.encoding()),
				String.valueOf(r.errors()), String.valueOf(r.warnings()), String.valueOf(r.openWarnings()),
				nz(r.parentCode()), nz(r.kind()), r.units() == null ? "" : r.units().toString(),
				r.completeUnits() == null ? "" : r.completeUnits().toString(), nz(r.source()));
	}

	static String nz(String s) {
		return s == null ? "" : s;
	}

}
