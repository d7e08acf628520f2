package township.rollup.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database a test runs against, chosen with {@code -Drollup.test.db=hsqldb|postgresql}: a real HSQLDB
 * file per test installation, or a fresh database per test on the PostgreSQL server that {@code .ci/run}
 * starts (connection from {@code ROLLUP_TEST_PG_*}, defaults 127.0.0.1:5432, user and password rollup).
 */
public abstract class TestDatabase {

	public static boolean postgres() {
		return "postgresql".equals(System.getProperty("rollup.test.db", "hsqldb"));
	}

	/** A fresh database for one test installation whose data folder is {@code dataDir}. */
	public static TestDatabase fresh(Path dataDir) {
		if (postgres()) {
			requirePostgres();
			return new Postgres();
		}
		return new Hsqldb(dataDir);
	}

	/**
	 * Skips the PostgreSQL runs of a test when no server is reachable, unless
	 * {@code ROLLUP_TEST_REQUIRE_POSTGRES=true} (as .ci/run sets it), where that is a failure.
	 */
	public static void requirePostgres() {
		if (!postgres()) {
			return;
		}
		try (Connection ignored = DriverManager.getConnection(Postgres.url("postgres"), Postgres.USER,
				Postgres.PASSWORD)) {
			// reachable
		}
		catch (SQLException ex) {
			String message = "PostgreSQL is not reachable at " + Postgres.HOST + ":" + Postgres.PORT + " as "
					+ Postgres.USER + " (.ci/postgres.sh starts one): " + ex.getMessage();
			if ("true".equalsIgnoreCase(System.getenv("ROLLUP_TEST_REQUIRE_POSTGRES"))) {
				throw new IllegalStateException(message, ex);
			}
			org.junit.jupiter.api.Assumptions.abort(message);
		}
	}

	/** Environment for jobs/rollup to use this database. */
	public abstract Map<String, String> environment();

	/** Spring properties for an in-process test to use this database. */
	public abstract Map<String, String> springProperties();

	/** Queries the database from the test, when no run is using it. */
	public abstract <T> T query(Function<JdbcTemplate, T> work);

	static final class Hsqldb extends TestDatabase {

		private final Path dataDir;

		Hsqldb(Path dataDir) {
			this.dataDir = dataDir.toAbsolutePath();
		}

		String url() {
			return "jdbc:hsqldb:file:" + dataDir + "/rollup;shutdown=true;hsqldb.tx=mvcc;hsqldb.write_delay=false";
		}

		@Override
		public Map<String, String> environment() {
			return Map.of();
		}

		@Override
		public Map<String, String> springProperties() {
			return Map.of("spring.datasource.url", url() + ";hsqldb.default_table_type=cached");
		}

		@Override
		public <T> T query(Function<JdbcTemplate, T> work) {
			try (Connection connection = DriverManager.getConnection(url(), "SA", "")) {
				T result = work.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
				try (Statement shutdown = connection.createStatement()) {
					shutdown.execute("SHUTDOWN");
				}
				return result;
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	static final class Postgres extends TestDatabase {

		static final String HOST = env("ROLLUP_TEST_PG_HOST", "127.0.0.1");

		static final String PORT = env("ROLLUP_TEST_PG_PORT", "5432");

		static final String USER = env("ROLLUP_TEST_PG_USER", "rollup");

		static final String PASSWORD = env("ROLLUP_TEST_PG_PASSWORD", "rollup");

		private final String name = "rollup_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

		Postgres() {
			try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
					Statement create = admin.createStatement()) {
				create.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("PostgreSQL is not reachable at " + HOST + ":" + PORT + " as " + USER
						+ " (start it as .ci/run does): " + ex.getMessage(), ex);
			}
		}

		static String url(String database) {
			return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
		}

		@Override
		public Map<String, String> environment() {
			Map<String, String> env = new HashMap<>();
			env.put("SPRING_PROFILES_ACTIVE", "postgres");
			env.put("ROLLUP_DB_HOST", HOST);
			env.put("ROLLUP_DB_PORT", PORT);
			env.put("ROLLUP_DB_NAME", name);
			env.put("ROLLUP_DB_USER", USER);
			env.put("ROLLUP_DB_PASSWORD", PASSWORD);
			return env;
		}

		@Override
		public Map<String, String> springProperties() {
			return Map.of("spring.datasource.url", url(name), "spring.datasource.username", USER,
					"spring.datasource.password", PASSWORD);
		}

		@Override
		public <T> T query(Function<JdbcTemplate, T> work) {
			try (Connection connection = DriverManager.getConnection(url(name), USER, PASSWORD)) {
				return work.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return value == null || value.isBlank() ? fallback : value;
		}

	}

}
