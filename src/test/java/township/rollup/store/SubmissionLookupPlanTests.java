package township.rollup.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-chunk lookups of submissions must reach each unit through the (report_year, unit_code) index.
 * Written as {@code report_year = ? AND unit_code IN (…)}, HSQLDB started the index on the year alone and
 * filtered every submission of the year for each chunk: the assess step of 40,000 units took 3 min 18 s
 * instead of 19 s. A plan is what decides that, so the test reads HSQLDB's plan on the real schema.
 */
class SubmissionLookupPlanTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "CURRENT_OF", "LAST_NUMBERS", "LATEST_ACCEPTED_OF", "VERSION_IDS" })
	void everyBatchLookupStartsTheSubmissionIndexOnTheYearAndTheUnit(String lookup) throws Exception {
		// given the schema as the migrations make it, in a real HSQLDB file database
		String url = "jdbc:hsqldb:file:" + dir.resolve("plan") + ";shutdown=true;hsqldb.default_table_type=cached";
		Flyway.configure().dataSource(url, "SA", "").locations("classpath:db/migration/hsqldb").load().migrate();
		String sql = switch (lookup) {
			case "CURRENT_OF" -> SubmissionStore.CURRENT_OF;
			case "LAST_NUMBERS" -> SubmissionStore.LAST_NUMBERS;
			case "LATEST_ACCEPTED_OF" -> SubmissionStore.LATEST_ACCEPTED_OF;
			default -> SubmissionStore.VERSION_IDS;
		};

		// when HSQLDB plans it for a batch of three units
		String plan = plan(url, sql.formatted(String.join(",", Collections.nCopies(3, "(?, ?)"))));

		// then the scan of submission starts on both columns of an index, not on the year alone
		int table = plan.indexOf("table=SUBMISSION\n");
		assertThat(table).as(plan).isNotNegative();
		int next = plan.indexOf("range variable", table);
		String scan = plan.substring(table, next < 0 ? plan.length() : next);
		int start = scan.indexOf("start conditions=");
		assertThat(start).as(plan).isNotNegative();
		int other = scan.indexOf("other condition=", start);
		String startConditions = scan.substring(start, other < 0 ? scan.length() : other);
		assertThat(startConditions).as(plan)
			.contains("SUBMISSION.REPORT_YEAR")
			.contains("SUBMISSION.UNIT_CODE");
	}

	/** HSQLDB's plan of a query, as EXPLAIN PLAN prints it. */
	static String plan(String url, String sql) throws SQLException {
		StringBuilder plan = new StringBuilder();
		try (Connection c = DriverManager.getConnection(url, "SA", "");
				PreparedStatement explain = c.prepareStatement("EXPLAIN PLAN FOR " + sql);
				ResultSet rs = explain.executeQuery()) {
			while (rs.next()) {
				plan.append(rs.getString(1)).append('\n');
			}
		}
		return plan.toString();
	}

}
