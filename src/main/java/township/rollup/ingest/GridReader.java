package township.rollup.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
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

	/** One CSV record. Cells are as written, quotes removed; trimming is the cell parser's business. */
	record GridLine(int line, List<String> cells) {

		String cell(int index) {
			return index < cells.size() ? cells.get(index) : "";
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
		int recordLine = 1;
		try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(schema).readValues(text)) {
			while (it.hasNextValue()) {
				TokenStreamLocation start = it.parser().currentTokenLocation();
				recordLine = start.getLineNr() > 0 ? start.getLineNr() : recordLine;
				String[] cells = it.nextValue();
				lines.add(new GridLine(recordLine, Arrays.asList(cells)));
			}
		}
		catch (JacksonException ex) {
			int line = ex.getLocation() != null && ex.getLocation().getLineNr() > 0 ? ex.getLocation().getLineNr()
					: recordLine;
			return new Grid(lines, line, ex.getOriginalMessage(), endsWithNewline);
		}
		return new Grid(lines, null, null, endsWithNewline);
	}

}
