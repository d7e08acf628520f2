package township.rollup.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written reports of {@code src/test/resources/fixtures/validation/}: the clean report of each
 * format, and defect files that list the cells differing from it (a blank value removes the cell, as a
 * blank in a submission is absent from the values).
 */
public final class ValidationFixtures {

	private static final String DIR = "/fixtures/validation/";

	private ValidationFixtures() {
	}

	/** Every cell of the clean report of the format, in template order. */
	public static Map<String, BigDecimal> clean(String formatId) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		for (String[] line : rows("clean-" + formatId + ".csv")) {
			values.put(line[0], new BigDecimal(line[1]));
		}
		return values;
	}

	/** The clean report of the format with the fixture's cells changed. */
	public static Map<String, BigDecimal> withDefect(String formatId, String fixture) {
		Map<String, BigDecimal> values = clean(formatId);
		for (String[] line : rows(fixture)) {
			// a 总体情况 figure is optional, never in the clean report: a fixture may state one
			if (!values.containsKey(line[0]) && !line[0].startsWith("NARR.")) {
				throw new IllegalArgumentException(fixture + ": " + line[0] + " is not a cell of clean-" + formatId);
			}
			if (line.length < 2 || line[1].isBlank()) {
				values.remove(line[0]);
			}
			else {
				values.put(line[0], new BigDecimal(line[1]));
			}
		}
		return values;
	}

	/** The lines of a fixture after its header, split at commas and trimmed. */
	public static List<String[]> rows(String fixture) {
		List<String[]> rows = new ArrayList<>();
		List<String> lines = lines(fixture);
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			rows.add(Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new));
		}
		return rows;
	}

	private static List<String> lines(String fixture) {
		try (InputStream in = ValidationFixtures.class.getResourceAsStream(DIR + fixture)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + DIR + fixture);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
