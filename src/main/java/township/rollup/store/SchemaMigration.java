package township.rollup.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates an empty or older schema; a schema already at this release's version is left alone
 * with one query, instead of Flyway validating every migration at every start. A cron job starts
 * thousands of times a year, and this is most of what start-up does to the database. A schema whose
 * history is not the expected one (a failed migration, another release) still goes through Flyway, which
 * validates and refuses what is wrong.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigration {

	/** The newest migration of both vendors' folders; a test keeps it in step with the files. */
	static final String CURRENT_VERSION = "8";

	private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

	@Bean
	FlywayMigrationStrategy migrateUnlessCurrent(DataSource dataSource) {
		return flyway -> {
			if (isCurrent(dataSource)) {
				log.debug("schema at version {}: no migration", CURRENT_VERSION);
				return;
			}
			migrate(flyway);
		};
	}

	private static void migrate(Flyway flyway) {
		flyway.migrate();
	}

	static boolean isCurrent(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
						+ "WHERE \"installed_rank\" = (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")")) {
			return rs.next() && CURRENT_VERSION.equals(rs.getString(1)) && rs.getBoolean(2) && !rs.next();
		}
		catch (SQLException ex) {
			// no history table yet (a new database), or one we cannot read: Flyway decides
			return false;
		}
	}

}
