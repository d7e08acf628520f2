package township.rollup.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a hand-written {@code cell,value} file of expected totals; cells not listed are expected 0. */
public final class ExpectedCells {

	private ExpectedCells() {
	}

	public static Map<String, BigDecimal> read(Path file) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			Map<String, BigDecimal> values = new LinkedHashMap<>();
			for (String line : lines.subList(1, lines.size())) {
				if (line.isBlank()) {
					continue;
				}
				String[] parts = line.split(",");
				values.put(parts[0].strip(), new BigDecimal(parts[1].strip()));
			}
			return values;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
