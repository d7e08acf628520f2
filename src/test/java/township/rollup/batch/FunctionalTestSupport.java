package township.rollup.batch;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import township.rollup.TownshipRollupApplication;
import township.rollup.support.TestDatabase;

/**
 * The application context of the functional tests: the real application on a real database, HSQLDB in
 * a file under target/ or, with {@code -Drollup.test.db=postgresql}, a fresh PostgreSQL database.
 */
@SpringBootTest(classes = TownshipRollupApplication.class,
		properties = { "rollup.home=target/functional-tests", "rollup.input-dir=target/functional-tests/input" })
abstract class FunctionalTestSupport {

	private static TestDatabase database;

	@BeforeAll
	static void databaseAvailable() {
		TestDatabase.requirePostgres();
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		synchronized (FunctionalTestSupport.class) {
			if (database == null) {
				database = TestDatabase.fresh(Path.of("target/functional-tests/data"));
			}
		}
		database.springProperties().forEach((key, value) -> registry.add(key, () -> value));
	}

}
