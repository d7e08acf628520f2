package township.rollup;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import township.rollup.cli.Cli;

/**
 * township-rollup: consolidates the townships' 政府信息公开工作年度报告 into city totals.
 *
 * <p>
 * Deliberately no {@code @EnableBatchProcessing}: it would switch off Boot's JDBC job repository.
 */
@SpringBootApplication
public class TownshipRollupApplication {

	/**
	 * Parses the command line, then runs the command; commands that need Spring end with
	 * {@code SpringApplication.exit(context)}, whose code is what the process exits with.
	 */
	public static void main(String[] args) {
		System.exit(Cli.run(args));
	}

}
