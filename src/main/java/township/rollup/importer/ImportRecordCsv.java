package township.rollup.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

import township.rollup.output.Csv;

/**
 * The import record, {@code <code>_<name>_<year>.import.csv}: one line per cell of the format and per
 * {@code NARR.*} number, with the official labels, the status, the text as found, the source lines and
 * the reason, so that every number of the submission can be checked against the page it came from.
 * UTF-8 with a BOM and CRLF, as every CSV this product writes, for Excel.
 */
public final class ImportRecordCsv {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

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
					Csv.guarded(cell.text()), String.join(";", cell.lines().stream().map(String::valueOf).toList()),
					cell.reason().name(), Csv.guarded(note.apply(cell))));
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(BOM);
		CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n").withoutEscapeChar();
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				SequenceWriter out = CSV.writerFor(String[].class).with(schema).writeValues(writer)) {
			for (List<String> row : rows) {
				out.write(row.toArray(String[]::new));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}


}
