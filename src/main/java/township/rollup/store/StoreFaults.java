package township.rollup.store;

import java.sql.SQLException;

/**
 * Tells a fault of what was being stored from a fault of the system. A data exception (SQLSTATE class
 * 22: a value too long or out of range, a character the database will not hold) or an integrity
 * violation (class 23) comes from the content of one file; anything else (a lost connection, a full
 * disk, a missing table) is the system's, and stops the run so that it can be resumed once fixed.
 */
public final class StoreFaults {

	private StoreFaults() {
	}

	public static boolean isContentFault(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLException sql) {
				String state = sql.getSQLState();
				return state != null && (state.startsWith("22") || state.startsWith("23"));
			}
		}
		return false;
	}

	/** The database's own words for a content fault, for the finding that quarantines the file. */
	public static String reason(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLException sql) {
				return "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
			}
		}
		return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
	}

}
