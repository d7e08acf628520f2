package township.rollup.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/** CSV bytes for Excel: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting by Jackson. */
final class Csv {

	// strict quoting: quote only what needs it, not every value longer than 24 characters
	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private Csv() {
	}

	static byte[] write(List<List<String>> rows) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(BOM);
		CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n").withoutEscapeChar();
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				SequenceWriter out = CSV.writerFor(String[].class).with(schema).writeValues(writer)) {
			for (List<String> row : rows) {
				out.write(row.stream().map(c -> c == null ? "" : c).toArray(String[]::new));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Text that a spreadsheet would otherwise run as a formula gets a leading apostrophe (OWASP, CWE-1236).
	 * Only for free text such as file names and messages; numbers are written as numbers.
	 */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + value;
		}
		return value;
	}

}
