package township.rollup.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a report in the submission format into {@code cell code → value}, with the column codes of the
 * 2019 format written out here by hand, so that tests read outputs without the code under test.
 */
public final class ReportGrid {

	static final List<String> T3 = List.of("np", "com", "sci", "npo", "law", "oth", "tot");

	static final List<String> T4 = List.of("rev.kept", "rev.corr", "rev.other", "rev.pending", "rev.tot",
			"lit_direct.kept", "lit_direct.corr", "lit_direct.other", "lit_direct.pending", "lit_direct.tot",
			"lit_after.kept", "lit_after.corr", "lit_after.other", "lit_after.pending", "lit_after.tot");

	private ReportGrid() {
	}

	static List<String> columns2019(String row) {
		if (row.equals("T4")) {
			return T4;
		}
		if (row.startsWith("T3.")) {
			return T3;
		}
		if (row.startsWith("T2.i1.")) {
			return List.of("new_made", "new_pub", "total_pub");
		}
		if (row.startsWith("T2.i8.")) {
			return List.of("prev_items", "delta");
		}
		if (row.startsWith("T2.i9.")) {
			return List.of("count", "amount");
		}
		if (row.startsWith("T2.i5.") || row.startsWith("T2.i6.")) {
			return List.of("prev_items", "delta", "decisions");
		}
		if (row.startsWith("NARR.")) {
			return List.of();
		}
		throw new IllegalArgumentException("not a 2019 row: " + row);
	}

	/** Cells of a 2019-format report, and its NARR.* values under their own codes; META lines as text. */
	public static Map<String, String> read2019(Path file) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF ? 3 : 0;
			String text = new String(bytes, start, bytes.length - start, java.nio.charset.StandardCharsets.UTF_8);
			Map<String, String> cells = new LinkedHashMap<>();
			CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
			try (MappingIterator<String[]> rows = csv.readerFor(String[].class)
				.with(CsvSchema.emptySchema())
				.readValues(text)) {
				while (rows.hasNextValue()) {
					List<String> row = Arrays.asList(rows.nextValue());
					String code = row.get(0);
					if (code.startsWith("META.") || code.startsWith("NARR.")) {
						cells.put(code, row.get(2));
					}
					else if (code.startsWith("T2.") || code.startsWith("T3.") || code.equals("T4")) {
						List<String> columns = columns2019(code);
						for (int i = 0; i < columns.size(); i++) {
							cells.put(code + "." + columns.get(i), row.get(2 + i));
						}
					}
				}
			}
			return cells;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static BigDecimal number(Map<String, String> cells, String code) {
		return new BigDecimal(cells.get(code));
	}

}
