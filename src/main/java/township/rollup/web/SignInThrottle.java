package township.rollup.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import township.rollup.store.AuditStore;
import township.rollup.store.AuditStore.Kind;

/**
 * Sign-in throttling, per account and per address. After {@link #FAILURES} failed sign-ins of one account
 * within {@link #WINDOW}, the account is refused for {@link #LOCK}, even with the right password. After
 * {@code addressFailures} failed sign-ins from one address within the same window (whatever the account
 * names: someone trying many names), every sign-in from that address is refused for {@link #LOCK}. The
 * address limit is much higher (default {@link #ADDRESS_FAILURES}), because the townships of a county
 * may reach the portal through one address of its network; the address is the one the connection came
 * from, or the one a configured proxy forwarded ({@code rollup.portal.trusted-proxies}), never a header
 * anyone else sends. Both are logged; both are counted from the audit log, so a restart of the portal
 * does not reset them, and no thread ever waits (a built-in delay would let an attacker tie up the
 * server's threads).
 */
public final class SignInThrottle {

	public static final int FAILURES = 10;

	/** Failures from one address within the window, by default, before the address is refused. */
	public static final int ADDRESS_FAILURES = 100;

	/** The setting of the address limit. */
	public static final String ADDRESS_FAILURES_SETTING = "rollup.portal.sign-in.address-failures";

	public static final Duration WINDOW = Duration.ofMinutes(15);

	public static final Duration LOCK = Duration.ofMinutes(15);

	/** Until when sign-ins are refused, and whether because of the address (else the account). */
	public record Locked(Instant until, boolean address) {
	}

	private final AuditStore audit;

	private final Clock clock;

	private final int addressFailures;

	public SignInThrottle(AuditStore audit, Clock clock) {
		this(audit, clock, ADDRESS_FAILURES);
	}

	public SignInThrottle(AuditStore audit, Clock clock, int addressFailures) {
		if (addressFailures < FAILURES) {
			// lower than an account's limit, one person's typos would shut out a whole county
			throw new IllegalArgumentException(addressFailures + " < " + FAILURES);
		}
		this.audit = audit;
		this.clock = clock;
		this.addressFailures = addressFailures;
	}

	public int addressFailures() {
		return addressFailures;
	}

	/** Until when an account is refused, if it is now. */
	public Optional<Instant> lockedUntil(String username) {
		Instant now = clock.instant();
		return audit.last(username, Kind.ACCOUNT_LOCKED).map(at -> at.plus(LOCK)).filter(until -> until.isAfter(now));
	}

	/** Until when sign-ins from an address are refused, if they are now. */
	public Optional<Instant> addressLockedUntil(String address) {
		Instant now = clock.instant();
		return audit.lastFrom(address, Kind.ADDRESS_LOCKED).map(at -> at.plus(LOCK)).filter(until -> until.isAfter(now));
	}

	/**
	 * Logs a failed sign-in; locks the account when it is the {@link #FAILURES}th of the account within the
	 * window, and the address when it is the {@code addressFailures}th from the address (failures before
	 * the last lock do not count again); says until when, if either now is, the address's lock first.
	 */
	public synchronized Optional<Locked> failed(String username, String unitCode, String address) {
		Instant now = clock.instant();
		audit.add(new AuditStore.Event(now, Kind.SIGN_IN_FAILED, username, unitCode, address, null));
		Optional<Locked> locked = Optional.empty();
		// the window's start counts (a failure exactly 15 minutes ago is within them); failures up to and
		// including the one that locked the account last do not count again
		Instant since = since(now, audit.last(username, Kind.ACCOUNT_LOCKED));
		int failures = audit.count(username, Kind.SIGN_IN_FAILED, since);
		if (failures >= FAILURES) {
			audit.add(new AuditStore.Event(now, Kind.ACCOUNT_LOCKED, username, unitCode, address,
					failures + " failures since " + since));
			locked = Optional.of(new Locked(now.plus(LOCK), false));
		}
		if (address != null) {
			Instant fromSince = since(now, audit.lastFrom(address, Kind.ADDRESS_LOCKED));
			int fromAddress = audit.countFrom(address, Kind.SIGN_IN_FAILED, fromSince);
			if (fromAddress >= addressFailures) {
				audit.add(new AuditStore.Event(now, Kind.ADDRESS_LOCKED, username, unitCode, address,
						fromAddress + " failures from " + address + " since " + fromSince));
				locked = Optional.of(new Locked(now.plus(LOCK), true));
			}
		}
		return locked;
	}

	private static Instant since(Instant now, Optional<Instant> lastLock) {
		Instant since = now.minus(WINDOW).minusMillis(1);
		if (lastLock.isPresent() && !lastLock.get().isBefore(since)) {
			return lastLock.get();
		}
		return since;
	}

	/** Logs a sign-in refused because the account or the address is locked. */
	public void refused(String username, String unitCode, String address) {
		audit.add(new AuditStore.Event(clock.instant(), Kind.SIGN_IN_REFUSED, username, unitCode, address, null));
	}

}
