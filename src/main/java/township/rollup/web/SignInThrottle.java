package township.rollup.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import township.rollup.store.AuditStore;
import township.rollup.store.AuditStore.Kind;

/**
 * Sign-in throttling per account: after {@link #FAILURES} failed sign-ins within {@link #WINDOW}, the account
 * is refused for {@link #LOCK}, even with the right password, and that is logged. Counted from the audit
 * log, so a restart of the portal does not reset it, and no thread ever waits (a built-in delay would let
 * an attacker tie up the server's threads).
 */
public final class SignInThrottle {

	public static final int FAILURES = 10;

	public static final Duration WINDOW = Duration.ofMinutes(15);

	public static final Duration LOCK = Duration.ofMinutes(15);

	private final AuditStore audit;

	private final Clock clock;

	public SignInThrottle(AuditStore audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	/** Until when an account is refused, if it is now. */
	public Optional<Instant> lockedUntil(String username) {
		Instant now = clock.instant();
		return audit.last(username, Kind.ACCOUNT_LOCKED).map(at -> at.plus(LOCK)).filter(until -> until.isAfter(now));
	}

	/**
	 * Logs a failed sign-in and locks the account when it is the {@link #FAILURES}th within the window
	 * (failures before the last lock do not count again); returns until when it is locked, if it now is.
	 */
	public synchronized Optional<Instant> failed(String username, String unitCode, String address) {
		Instant now = clock.instant();
		audit.add(new AuditStore.Event(now, Kind.SIGN_IN_FAILED, username, unitCode, address, null));
		// the window's start counts (a failure exactly 15 minutes ago is within them); failures up to and
		// including the one that locked the account last do not count again
		Instant since = now.minus(WINDOW).minusMillis(1);
		Optional<Instant> lastLock = audit.last(username, Kind.ACCOUNT_LOCKED);
		if (lastLock.isPresent() && !lastLock.get().isBefore(since)) {
			since = lastLock.get();
		}
		int failures = audit.count(username, Kind.SIGN_IN_FAILED, since);
		if (failures >= FAILURES) {
			audit.add(new AuditStore.Event(now, Kind.ACCOUNT_LOCKED, username, unitCode, address,
					failures + " failures since " + since));
			return Optional.of(now.plus(LOCK));
		}
		return Optional.empty();
	}

	/** Logs a sign-in refused because the account is locked. */
	public void refused(String username, String unitCode, String address) {
		audit.add(new AuditStore.Event(clock.instant(), Kind.SIGN_IN_REFUSED, username, unitCode, address, null));
	}

}
