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
 * a file under {@link #HOME} or, with {@code -Drollup.test.db=postgresql}, a fresh PostgreSQL database.
 */
@SpringBootTest(classes = TownshipRollupApplication.class,
		properties = { "rollup.home=${rollup.test.functional-home:target/functional-tests}",
				"rollup.input-dir=${rollup.test.functional-home:target/functional-tests}/input" })
abstract class FunctionalTestSupport {

	/**
	 * The functional tests' installation folder: one per surefire fork (pom.xml sets
	 * {@code rollup.test.functional-home} to target/functional-tests-N), as two forks run two test
	 * classes at once and each class rewrites the inbox, the output and the database in it.
	 */
	static final Path HOME = Path.of(System.getProperty("rollup.test.functional-home", "target/functional-tests"));

	private static TestDatabase database;

	@BeforeAll
	static void databaseAvailable() {
		TestDatabase.requirePostgres();
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		synchronized (FunctionalTestSupport.class) {
			if (database == null) {
				database = TestDatabase.fresh(HOME.resolve("data"));
			}
		}
		database.springProperties().forEach((key, value) -> registry.add(key, () -> value));
	}

}
