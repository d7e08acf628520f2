package township.rollup.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * The two baselines of jobs/benchmark, over the same folder of submissions:
 *
 * <ul>
 * <li>{@code parse DIR}: the least work that reads every file: a minimal program that parses each file
 * with Jackson CSV and sums every value cell by row code and position (UTF-8 and GB18030 are told
 * apart by a strict decode; nothing is validated, stored or written).</li>
 * <li>{@code duckdb DIR}: what a data analyst would reach for: DuckDB's {@code read_csv} over the folder,
 * grouped by row code, summed.</li>
 * </ul>
 *
 * Each prints the number of files and a checksum of the sums, so that both are seen to do the work.
 */
public final class Baselines {

	private Baselines() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[1]);
		long started = System.nanoTime();
		String result = switch (args[0]) {
			case "parse" -> parse(dir);
			case "duckdb" -> duckdb(dir);
			default -> throw new IllegalArgumentException("parse or duckdb");
		};
		System.out.printf("%s %s %.2f s%n", args[0], result, (System.nanoTime() - started) / 1e9);
	}

	static String parse(Path dir) throws IOException {
		CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
		Map<String, BigDecimal> sums = new HashMap<>();
		int files = 0;
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.csv")) {
			for (Path file : stream) {
				byte[] bytes = Files.readAllBytes(file);
				String text = decode(bytes);
				files++;
				try (MappingIterator<String[]> it = csv.readerFor(String[].class).readValues(text)) {
					while (it.hasNextValue()) {
						String[] cells = it.nextValue();
						if (cells.length > 2 && cells[0].startsWith("T")) {
							for (int i = 2; i < cells.length; i++) {
								String v = cells[i].strip();
								if (!v.isEmpty()) {
									sums.merge(cells[0] + "#" + i, new BigDecimal(v), BigDecimal::add);
								}
							}
						}
					}
				}
			}
		}
		BigDecimal checksum = sums.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return files + " files, checksum " + checksum.toPlainString();
	}

	private static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF ? 3 : 0;
		try {
			return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
				.decode(java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return new String(bytes, java.nio.charset.Charset.forName("GB18030"));
		}
	}

	static String duckdb(Path dir) throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
			// every line as up to 17 text columns; data lines start with a row code, values from the third
			StringBuilder sum = new StringBuilder();
			for (int i = 2; i < 17; i++) {
				sum.append(i == 2 ? "" : " + ").append("COALESCE(TRY_CAST(column").append(String.format("%02d", i))
					.append(" AS DECIMAL(38,4)), 0)");
			}
			String sql = "SELECT COUNT(DISTINCT filename), SUM(v) FROM (SELECT filename, column00, SUM(" + sum
					+ ") AS v FROM read_csv('" + dir.toAbsolutePath() + "/*.csv', header = false, all_varchar = true, "
					+ "null_padding = true, ignore_errors = true, filename = true, columns = {"
					+ columns() + "}) WHERE column00 LIKE 'T%' GROUP BY filename, column00)";
			try (ResultSet rs = s.executeQuery(sql)) {
				rs.next();
				return rs.getLong(1) + " files, checksum " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString();
			}
		}
	}

	private static String columns() {
		StringBuilder c = new StringBuilder();
		for (int i = 0; i < 17; i++) {
			c.append(i == 0 ? "" : ", ").append("'column").append(String.format("%02d", i)).append("': 'VARCHAR'");
		}
		return c.toString();
	}

	static InputStream unused() {
		return null;
	}

}
