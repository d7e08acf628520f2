package township.rollup.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/** An output CSV read by a CSV parser (quotes, line breaks in fields), as rows keyed by the header's names. */
public final class CsvFile {

	private CsvFile() {
	}

	/** The rows after the header, each {@code header name → value}. */
	public static List<Map<String, String>> rows(Path file) {
		List<List<String>> all = lines(file);
		List<String> header = all.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> line : all.subList(1, all.size())) {
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), i < line.size() ? line.get(i) : "");
			}
			rows.add(row);
		}
		return rows;
	}

	/** Every record of the file, the header first; a UTF-8 BOM is skipped. */
	public static List<List<String>> lines(Path file) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF ? 3 : 0;
			String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
			CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
			List<List<String>> out = new ArrayList<>();
			try (MappingIterator<String[]> rows = csv.readerFor(String[].class)
				.with(CsvSchema.emptySchema().withoutEscapeChar())
				.readValues(text)) {
				while (rows.hasNextValue()) {
					out.add(Arrays.asList(rows.nextValue()));
				}
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
