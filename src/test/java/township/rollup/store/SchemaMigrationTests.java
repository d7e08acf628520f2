package township.rollup.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigrationTests {

	@ParameterizedTest
	@ValueSource(strings = { "hsqldb", "postgresql" })
	void theVersionThatSkipsMigrationIsTheNewestMigrationOfEachVendor(String vendor) throws IOException {
		// a new migration must move the version, or a current schema would never get it
		List<Integer> versions;
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", vendor))) {
			versions = files.map(p -> p.getFileName().toString())
				.filter(n -> n.matches("V\\d+__.*\\.sql"))
				.map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
				.sorted()
				.toList();
		}
		assertThat(String.valueOf(versions.get(versions.size() - 1))).isEqualTo(SchemaMigration.CURRENT_VERSION);
	}

}
