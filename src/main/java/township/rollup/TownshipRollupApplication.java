package township.rollup;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Import;

import township.rollup.batch.BatchConfiguration;
import township.rollup.cli.Cli;
import township.rollup.cli.CliConfiguration;
import township.rollup.output.ReadableReports;
import township.rollup.output.ReportPublisher;
import township.rollup.store.StoreConfiguration;

/**
 * township-rollup: consolidates the townships' 政府信息公开工作年度报告 into city totals.
 *
 * <p>
 * Deliberately no {@code @EnableBatchProcessing}: it would switch off Boot's JDBC job repository. The
 * auto-configurations the product uses, and its own beans, are listed rather than found: a cron job
 * starts thousands of times, and scanning the class path and testing a hundred auto-configurations'
 * conditions was most of what each start did before the first file was read.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
		DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
		FlywayAutoConfiguration.class, BatchJdbcAutoConfiguration.class })
@Import({ StoreConfiguration.class, BatchConfiguration.class, CliConfiguration.class, ReportPublisher.class,
		ReadableReports.class })
public class TownshipRollupApplication {

	/**
	 * Parses the command line, then runs the command; commands that need Spring end with
	 * {@code SpringApplication.exit(context)}, whose code is what the process exits with.
	 */
	public static void main(String[] args) {
		System.exit(Cli.run(args));
	}

}
