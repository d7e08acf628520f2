package township.rollup.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import township.rollup.i18n.Language;
import township.rollup.registry.Registry;
import township.rollup.store.AccountStore;
import township.rollup.store.AuditStore;
import township.rollup.web.Accounts;

/**
 * Township accounts for the portal benchmark, made by the portal's own {@link Accounts} in one process
 * (50 starts of {@code users add} took longer than the measurement on a loaded machine): {@code DATA-DIR
 * REGISTRY CODE…}, the database (HSQLDB, made by a run) closed. Prints {@code username password code} a
 * line, the one-time password as {@code users add} would print it.
 */
public final class PortalAccounts {

	public static void main(String[] args) throws Exception {
		String url = "jdbc:hsqldb:file:" + Path.of(args[0]).toAbsolutePath() + "/rollup;shutdown=true;hsqldb.tx=mvcc;"
				+ "hsqldb.write_delay=false;hsqldb.default_table_type=cached;hsqldb.lock_file=false;hsqldb.nio_data_file=false";
		Registry registry = Registry.load(Path.of(args[1]));
		try (Connection connection = DriverManager.getConnection(url, "SA", "")) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			Accounts accounts = new Accounts(new AccountStore(jdbc), new AuditStore(jdbc), Clock.systemUTC());
			for (int i = 2; i < args.length; i++) {
				String code = args[i];
				String password = accounts.add(registry, code, AccountStore.Role.TOWNSHIP, "t" + code, null, Language.ZH,
						"benchmark");
				System.out.println("t" + code + " " + password + " " + code);
			}
		}
	}

}
