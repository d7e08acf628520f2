package township.rollup.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The run lock in the database itself, for PostgreSQL: a session-level advisory lock held on a
 * connection of its own for the whole run. The lock file keeps two runs of one installation apart, but
 * a PostgreSQL database can be reached from two installations (or two machines) with two lock files;
 * the server releases the lock when the connection ends, so a killed run never leaves it behind. The
 * embedded database needs none: its files live in the data folder that the lock file guards.
 */
public final class DatabaseLock {

	/** One key for the product: "rollup" in ASCII. One database holds one installation's data. */
	static final long KEY = 0x726f6c6c7570L;

	private static Connection held;

	private DatabaseLock() {
	}

	/** Whether the database is PostgreSQL and so needs this lock. */
	public static boolean appliesTo(String jdbcUrl) {
		return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
	}

	/**
	 * Takes the lock for the life of the process, or returns false when another session holds it.
	 * @throws SQLException when the database cannot be reached (the run then fails as any other would)
	 */
	public static synchronized boolean acquire(String jdbcUrl, String user, String password) throws SQLException {
		if (held != null) {
			return true;
		}
		Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, KEY);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next() && result.getBoolean(1)) {
					held = connection;
					return true;
				}
			}
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		connection.close();
		return false;
	}

}
