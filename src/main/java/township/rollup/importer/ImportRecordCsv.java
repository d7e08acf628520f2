package township.rollup.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import township.rollup.output.Csv;

/**
 * The import record, {@code <code>_<name>_<year>.import.csv}: one line per cell of the format and per
 * {@code NARR.*} number, with the official labels, the status, the text as found, the source lines and
 * the reason, so that every number of the submission can be checked against the page it came from.
 * Written by {@link Csv}, the one CSV writer and formula guard, as every CSV this product writes.
 */
public final class ImportRecordCsv {

	static final List<String> HEADER = List.of("单元格(cell_code)", "表(table)", "行(row_label)", "列(column_label)",
			"状态(status)", "原文(text)", "行号(lines)", "原因(reason)", "说明(note)");

	private ImportRecordCsv() {
	}

	/** @param note the reason of a cell in the reader's words */
	public static byte[] write(ImportResult result, Function<CellImport, String> note) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(HEADER);
		List<CellImport> all = new ArrayList<>(result.cells());
		all.addAll(result.narrative());
		for (CellImport cell : all) {
			rows.add(List.of(cell.code(), cell.tableName(), cell.rowLabel(), cell.columnLabel(), cell.status().name(),
					Objects.toString(cell.text(), ""), String.join(";", cell.lines().stream().map(String::valueOf).toList()),
					cell.reason().name(), Objects.toString(note.apply(cell), "")));
		}
		return Csv.write(rows);
	}

}
