package township.rollup.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The one CSV writer of the product: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting by Jackson, and
 * every cell through {@link #guarded}. Reports, the import record and generated test data all write here.
 */
public final class Csv {

	// strict quoting: quote only what needs it, not every value longer than 24 characters
	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/** A plain signed number: 本年增/减 is printed {@code +19} or {@code -8}; neither is a formula. */
	private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

	private Csv() {
	}

	public static byte[] write(List<List<String>> rows) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Lines lines = new Lines(bytes)) {
			rows.forEach(lines::write);
		}
		return bytes.toByteArray();
	}

	/** A CSV file written a line at a time, for files too large to build in memory first. */
	public static final class Lines implements AutoCloseable {

		private final Writer writer;

		private final SequenceWriter out;

		public Lines(OutputStream stream) {
			try {
				stream.write(BOM);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n").withoutEscapeChar();
			this.writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
			this.out = CSV.writerFor(String[].class).with(schema).writeValues(writer);
		}

		public void write(List<String> row) {
			out.write(row.stream().map(Csv::guarded).toArray(String[]::new));
		}

		@Override
		public void close() {
			out.close();
			try {
				writer.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * The one formula guard of every CSV file written (OWASP, CWE-1236): a cell a spreadsheet would run as
	 * a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return first) gets a leading
	 * apostrophe, whoever wrote it. A plain number, {@code -8} and {@code +19} included, and the
	 * not-applicable marker {@code -} alone are left as they are: they are no formula, and a report must
	 * stay a submission the next level reads.
	 */
	public static String guarded(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		if (value.equals("-")) {
			return value;
		}
		char first = value.charAt(0);
		if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				&& !NUMBER.matcher(value).matches()) {
			return "'" + value;
		}
		return value;
	}

}
