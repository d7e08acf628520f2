package township.rollup.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import township.rollup.i18n.Language;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.store.AccountStore;
import township.rollup.store.AccountStore.Account;
import township.rollup.store.AccountStore.Role;
import township.rollup.store.AuditStore;

/**
 * Accounts as people manage them, from the command line ({@code users …}) and at the portal's first start:
 * each new or reset account gets a one-time password, shown once and stored only as a bcrypt hash, which
 * must be changed at the next sign-in. There is no self-registration and no default password.
 */
public final class Accounts {

	/** Letters and digits that cannot be taken for each other when read aloud or copied by hand. */
	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	/** 14 characters of 55: about 81 bits. */
	static final int ONE_TIME_LENGTH = 14;

	/** The shortest password a person may choose (OWASP ASVS 5.0 V6.2.1). */
	public static final int MIN_LENGTH = 12;

	/** The first account of a fresh installation. */
	public static final String FIRST_ADMIN = "admin";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Why an account could not be added or changed: a message key of the catalogue and its arguments. */
	public static final class Refused extends RuntimeException {

		private final String key;

		private final transient Object[] args;

		Refused(String key, Object... args) {
			super(key);
			this.key = key;
			this.args = args;
		}

		public String key() {
			return key;
		}

		public Object[] args() {
			return args.clone();
		}

	}

	private final AccountStore store;

	private final AuditStore audit;

	private final Clock clock;

	private final PasswordEncoder encoder;

	public Accounts(AccountStore store, AuditStore audit, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
		this.encoder = encoder();
	}

	/** bcrypt, with the algorithm's name stored before each hash so that a later one can replace it. */
	public static PasswordEncoder encoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Adds an account for a unit of the registry and returns its one-time password. A township account is
	 * for a unit below the root (one that sends a file); an office account for a unit with units below it;
	 * an admin account for any unit. The user name defaults to the unit's code.
	 */
	public String add(Registry registry, String unitCode, Role role, String username, String displayName,
			Language language, String actor) {
		Unit unit = registry.unit(unitCode == null ? null : unitCode.strip())
			.orElseThrow(() -> new Refused("users.refused.unit", unitCode));
		if (role == Role.TOWNSHIP && registry.member(unit.code()).isEmpty()) {
			throw new Refused("users.refused.township", unit.name(), unit.code());
		}
		if (role == Role.OFFICE && registry.isLeaf(unit.code()) && registry.member(unit.code()).isPresent()) {
			throw new Refused("users.refused.office", unit.name(), unit.code());
		}
		String name = username == null || username.isBlank() ? unit.code() : username.strip();
		if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
			throw new Refused("users.refused.username", name);
		}
		String password = oneTimePassword();
		boolean added = store.add(new AccountStore.NewAccount(name, unit.code(), role,
				displayName == null || displayName.isBlank() ? unit.name() : displayName.strip(), encoder.encode(password),
				language.code()), clock.instant());
		if (!added) {
			throw new Refused("users.refused.taken", name);
		}
		audit.add(new AuditStore.Event(clock.instant(), AuditStore.Kind.ACCOUNT_ADDED, actor, unit.code(), null,
				name + " " + role.word()));
		return password;
	}

	/**
	 * The admin account of a fresh installation, for the registry's root, and its one-time password;
	 * empty when any account exists already (the password is shown once, at the first start only).
	 */
	public Optional<String> firstAdmin(Registry registry, Language language) {
		if (store.any()) {
			return Optional.empty();
		}
		return Optional.of(add(registry, registry.consolidating().code(), Role.ADMIN, FIRST_ADMIN, null, language,
				FIRST_ADMIN));
	}

	/** A new one-time password for an account, which must be changed at the next sign-in. */
	public String reset(String username, String actor) {
		Account account = existing(username);
		String password = oneTimePassword();
		store.setPassword(account.username(), encoder.encode(password), true, clock.instant());
		audit.add(new AuditStore.Event(clock.instant(), AuditStore.Kind.PASSWORD_RESET, actor, account.unitCode(), null,
				account.username()));
		return password;
	}

	/** Disables an account: it can no longer sign in; its history stays. */
	public void disable(String username, String actor) {
		Account account = existing(username);
		store.setDisabled(account.username(), true, clock.instant());
		audit.add(new AuditStore.Event(clock.instant(), AuditStore.Kind.ACCOUNT_DISABLED, actor, account.unitCode(),
				null, account.username()));
	}

	public List<Account> list() {
		return store.all();
	}

	/**
	 * A person's own new password, replacing the one-time one: at least {@link #MIN_LENGTH} characters,
	 * not the user name, not the password it replaces.
	 */
	public void change(String username, String current, String next, String address) {
		Account account = existing(username);
		if (!encoder.matches(current == null ? "" : current, account.passwordHash())) {
			throw new Refused("portal.password.wrong");
		}
		if (next == null || next.length() < MIN_LENGTH) {
			throw new Refused("portal.password.short", MIN_LENGTH);
		}
		if (next.equalsIgnoreCase(account.username()) || next.equals(current)) {
			throw new Refused("portal.password.same");
		}
		store.setPassword(account.username(), encoder.encode(next), false, clock.instant());
		audit.add(new AuditStore.Event(clock.instant(), AuditStore.Kind.PASSWORD_CHANGED, account.username(),
				account.unitCode(), address, null));
	}

	private Account existing(String username) {
		return store.find(username == null ? "" : username.strip())
			.orElseThrow(() -> new Refused("users.refused.no-user", username));
	}

	static String oneTimePassword() {
		StringBuilder out = new StringBuilder(ONE_TIME_LENGTH);
		for (int i = 0; i < ONE_TIME_LENGTH; i++) {
			out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}

}
