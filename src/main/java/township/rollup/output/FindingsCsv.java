package township.rollup.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.Where;

/**
 * {@code findings.csv}: every finding that stands for the year, one per line, addressed to file, line,
 * table, row and column, with expected and reported values and the message in Chinese and English.
 */
public final class FindingsCsv {

	private FindingsCsv() {
	}

	/** A finding with the unit it concerns. */
	public record Row(String unitCode, String unitName, Finding finding) {
	}

	static final List<String> HEADER = List.of("区划代码(unit_code)", "单位名称(unit_name)", "规则(rule)", "级别",
			"severity", "文件(file)", "行号(line)", "表(table)", "行代码(row_code)", "行名称(row)", "列代码(column_code)",
			"列名称(column)", "应为(expected)", "填报(actual)", "差额(delta)", "说明", "message", "审核说明(explanation)",
			"位置(address)");

	public static byte[] write(List<Row> rows) {
		List<List<String>> grid = new ArrayList<>();
		grid.add(HEADER);
		rows.forEach(r -> grid.add(line(r)));
		return Csv.write(grid);
	}

	/** The file written as findings arrive, never all in memory. */
	public static AtomicFiles.Content streamed(java.util.function.Consumer<java.util.function.Consumer<Row>> source) {
		return out -> {
			try (Csv.Lines lines = new Csv.Lines(out)) {
				lines.write(HEADER);
				source.accept(row -> lines.write(line(row)));
			}
		};
	}

	static List<String> line(Row row) {
		Finding f = row.finding();
		Where w = f.where();
		return List.of(StatusCsv.nz(row.unitCode()), StatusCsv.nz(row.unitName()), f.ruleId(), Messages.of(Language.ZH).get(f.severity().key()),
				f.severity().name(), StatusCsv.nz(w.fileName()), w.line() == null ? "" : w.line().toString(),
				StatusCsv.nz(w.tableName()), StatusCsv.nz(w.rowCode()), StatusCsv.nz(w.rowLabel()),
				StatusCsv.nz(w.columnCode()), StatusCsv.nz(w.columnLabel()), num(f.expected()), num(f.actual()),
				num(f.delta()), f.messageZh(), f.messageEn(), StatusCsv.nz(f.explanation()), StatusCsv.nz(w.address()));
	}

	private static String num(BigDecimal value) {
		return value == null ? "" : FindingFactory.plain(value);
	}

}
