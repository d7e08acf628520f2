package township.rollup.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads decoded text as a grid of CSV records, each with the physical line it starts on. Commas are the
 * separator; a file with tabs and no commas at all (a table pasted from a report) is read with tabs.
 */
final class GridReader {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	private GridReader() {
	}

	/**
	 * One CSV record, or one row of a workbook's sheet. Cells are as written, quotes removed; trimming is
	 * the cell parser's business. A workbook's row also has each cell's origin (address and kind, in the
	 * same positions); a CSV record has none.
	 */
	record GridLine(int line, List<String> cells, List<CellOrigin> origins) {

		GridLine(int line, List<String> cells) {
			this(line, cells, null);
		}

		String cell(int index) {
			return index < cells.size() ? cells.get(index) : "";
		}

		/**
		 * The origin of a cell of a workbook's row, a blank one beyond the row's last cell (so that a blank
		 * value cell still has its address); null for CSV.
		 */
		CellOrigin origin(int index) {
			if (origins == null || origins.isEmpty()) {
				return null;
			}
			if (index < origins.size()) {
				return origins.get(index);
			}
			return origins.get(origins.size() - 1).blankRight(index - origins.size() + 1);
		}

		/** The address of a cell of a workbook's row ({@code 表三!D12}); null for CSV. */
		String address(int index) {
			CellOrigin origin = origin(index);
			return origin == null ? null : origin.address();
		}

		boolean isBlank() {
			return cells.stream().allMatch(c -> c.isBlank());
		}

	}

	/** The records read, and when reading stopped early, the line and reason. */
	record Grid(List<GridLine> lines, Integer errorLine, String errorDetail, boolean endsWithNewline) {
	}

	static Grid read(String text) {
		char separator = (text.indexOf(',') < 0 && text.indexOf('\t') >= 0) ? '\t' : ',';
		CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withoutEscapeChar();
		List<GridLine> lines = new ArrayList<>();
		boolean endsWithNewline = text.endsWith("\n") || text.endsWith("\r");
		// Jackson yields one record per physical line (a blank line is an empty record) and, once a record
		// is read, stands on the line after it: that is where the next record starts
		int nextStart = 1;
		try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(schema).readValues(text)) {
			while (it.hasNextValue()) {
				String[] cells = it.nextValue();
				lines.add(new GridLine(nextStart, Arrays.asList(cells)));
				nextStart = Math.max(nextStart + 1, it.parser().currentLocation().getLineNr());
			}
		}
		catch (JacksonException ex) {
			// the record that could not be read starts where the last good one ended; an unclosed quote
			// opens there, even though the parser only notices at the end of the file
			return new Grid(lines, nextStart, ex.getOriginalMessage(), endsWithNewline);
		}
		return new Grid(lines, null, null, endsWithNewline);
	}

}
