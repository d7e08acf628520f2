package township.rollup.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of a year's walk ({@link Keyset}) must be read from the primary key's index and stop at its limit.
 * Ordered by {@code unit_code} alone, HSQLDB built and sorted the whole year's join for every page: the
 * roll-up of 40,000 units took 5 min 48 s instead of seconds. A plan is what decides that, so the test
 * reads HSQLDB's plan on the real schema.
 */
class PagePlanTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "STANDING_PAGE", "UNIT_RECORDS_PAGE", "ACCEPTED_PAGE", "BOARD_PAGE", "BOARD_WITH_FILES_PAGE",
			"REPORTS_PAGE" })
	void everyPageOfTheBoardIsOrderedByTheIndex(String page) throws Exception {
		// given the schema as the migrations make it, in a real HSQLDB file database
		String url = "jdbc:hsqldb:file:" + dir.resolve("plan") + ";shutdown=true;hsqldb.default_table_type=cached";
		Flyway.configure().dataSource(url, "SA", "").locations("classpath:db/migration/hsqldb").load().migrate();
		String sql = switch (page) {
			case "STANDING_PAGE" -> FindingStore.STANDING_PAGE;
			case "UNIT_RECORDS_PAGE" -> UnitRecordStore.PAGE;
			case "ACCEPTED_PAGE" -> SubmissionStore.ACCEPTED_PAGE;
			case "BOARD_PAGE" -> StatusStore.BOARD_PAGE;
			case "BOARD_WITH_FILES_PAGE" -> StatusStore.BOARD_WITH_FILES_PAGE;
			default -> ConsolidatedStore.REPORTS_PAGE;
		};

		// when HSQLDB plans it
		String plan = SubmissionLookupPlanTests.plan(url, sql);

		// then the order comes from an index, and the limit applies while reading
		int order = plan.indexOf("order by=[");
		assertThat(order).as(plan).isNotNegative();
		int limit = plan.indexOf("limit=[", order);
		assertThat(plan.substring(order, limit < 0 ? plan.length() : limit)).as(plan).contains("uses index");
	}


}
