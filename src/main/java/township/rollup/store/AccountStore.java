package township.rollup.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The portal's accounts: one person each, scoped to one unit of the registry, with a role, a password
 * hash (never the password), whether it must be changed at the next sign-in, and the language of the
 * person's pages. Accounts are never deleted: a person who leaves is disabled, so that the audit log's
 * names keep meaning someone.
 */
@Repository
public class AccountStore {

	/** What an account may do; its scope is always one unit and, for an office, the units below it. */
	public enum Role {

		/** A unit that sends a file: its own page, its own files. */
		TOWNSHIP,
		/** A unit with units below it: sees its subtree, never edits a unit's numbers. */
		OFFICE,
		/** Manages accounts and the year's state; sees everything. */
		ADMIN;

		/** The word on the command line and in the database: {@code township}, {@code office}, {@code admin}. */
		public String word() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The role a word names, in any case; empty for any other word. */
		public static Optional<Role> of(String word) {
			for (Role role : values()) {
				if (role.word().equalsIgnoreCase(word == null ? "" : word.strip())) {
					return Optional.of(role);
				}
			}
			return Optional.empty();
		}

	}

	public record Account(long id, String username, String unitCode, Role role, String displayName,
			String passwordHash, boolean mustChange, boolean disabled, String language, Instant createdAt,
			Instant changedAt) {
	}

	/** An account to add; its password hash is of a one-time password, to be changed at first sign-in. */
	public record NewAccount(String username, String unitCode, Role role, String displayName, String passwordHash,
			String language) {
	}

	private final JdbcTemplate jdbc;

	public AccountStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Account> find(String username) {
		return jdbc.query("SELECT * FROM portal_user WHERE username = ?", AccountStore::map, username)
			.stream()
			.findFirst();
	}

	/** Every account, by unit then user name. */
	public List<Account> all() {
		return jdbc.query("SELECT * FROM portal_user ORDER BY unit_code, username", AccountStore::map);
	}

	public boolean any() {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM portal_user", Integer.class);
		return n != null && n > 0;
	}

	/** Adds an account that must change its password at first sign-in; false if the user name is taken. */
	public boolean add(NewAccount account, Instant now) {
		if (find(account.username()).isPresent()) {
			return false;
		}
		jdbc.update("INSERT INTO portal_user (username, unit_code, role, display_name, password_hash, must_change, "
				+ "disabled, language, created_at, changed_at) VALUES (?, ?, ?, ?, ?, TRUE, FALSE, ?, ?, ?)",
				account.username(), account.unitCode(), account.role().word(), account.displayName(),
				account.passwordHash(), account.language(), Timestamp.from(now), Timestamp.from(now));
		return true;
	}

	/**
	 * A new password hash: a one-time one ({@code mustChange}, from {@code users reset}) or the person's own
	 * (from the change at sign-in); false if there is no such account.
	 */
	public boolean setPassword(String username, String passwordHash, boolean mustChange, Instant now) {
		return jdbc.update("UPDATE portal_user SET password_hash = ?, must_change = ?, changed_at = ? WHERE username = ?",
				passwordHash, mustChange, Timestamp.from(now), username) == 1;
	}

	/** Disables (or enables) an account; false if there is no such account. */
	public boolean setDisabled(String username, boolean disabled, Instant now) {
		return jdbc.update("UPDATE portal_user SET disabled = ?, changed_at = ? WHERE username = ?", disabled,
				Timestamp.from(now), username) == 1;
	}

	private static Account map(ResultSet rs, int i) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("unit_code").strip(),
				Role.of(rs.getString("role")).orElseThrow(), rs.getString("display_name"), rs.getString("password_hash"),
				rs.getBoolean("must_change"), rs.getBoolean("disabled"), rs.getString("language"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("changed_at").toInstant());
	}

}
