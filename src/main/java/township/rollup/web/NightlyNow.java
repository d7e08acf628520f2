package township.rollup.web;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.access.AccessDeniedException;

import township.rollup.registry.Registry;
import township.rollup.store.AuditStore;

/**
 * The nightly run started from the board ("run now"), by the office of the registry's root or the admin:
 * the nightly consolidates and publishes the whole registry, so an office of a lower level may not start
 * it (its own units' figures are in it, but so are everyone else's, and the run takes the portal's one slot
 * for everyone). It runs on a thread of its own, through {@link PortalJobs} (one run at a time with the
 * uploads and the schedule), so the request answers at once; a second click while one waits or runs starts
 * nothing.
 */
public final class NightlyNow implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NightlyNow.class);

	private final PortalSettings settings;

	private final PortalJobs jobs;

	private final AuditStore audit;

	private final Clock clock;

	private final AtomicBoolean under = new AtomicBoolean();

	private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "nightly-now");
		t.setDaemon(true);
		return t;
	});

	public NightlyNow(PortalSettings settings, PortalJobs jobs, AuditStore audit, Clock clock) {
		this.settings = settings;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether {@code user} may start the nightly: the office of the registry's root, or the admin. */
	static boolean mayRun(PortalUser user, Registry registry) {
		return switch (user.scope().role()) {
			case TOWNSHIP -> false;
			case OFFICE -> user.scope().unitCode().equals(registry.consolidating().code());
			case ADMIN -> true;
		};
	}

	/** Starts the nightly unless one started here is waiting or running; whether it was started. */
	public boolean start(PortalUser user, String address) {
		if (!mayRun(user, settings.registry())) {
			throw new AccessDeniedException("nightly");
		}
		if (!under.compareAndSet(false, true)) {
			return false;
		}
		int year = settings.year();
		audit.add(new AuditStore.Event(clock.instant(), AuditStore.Kind.NIGHTLY_STARTED, user.username(),
				user.scope().unitCode(), address, String.valueOf(year)));
		thread.execute(() -> {
			try {
				int exit = jobs.nightly(year);
				log.info("nightly of {} started by {} ended with exit code {}", year, user.username(), exit);
			}
			catch (RuntimeException ex) {
				log.error("nightly of {} started by {} failed", year, user.username(), ex);
			}
			finally {
				under.set(false);
			}
		});
		return true;
	}

	/** Whether a run started here is waiting for its turn or running. */
	public boolean underWay() {
		return under.get();
	}

	/** Waits until no run started here is waiting or running; whether it came to that in time. */
	public boolean awaitIdle(Duration limit) throws InterruptedException {
		long end = System.nanoTime() + limit.toNanos();
		while (under.get()) {
			if (System.nanoTime() > end) {
				return false;
			}
			TimeUnit.MILLISECONDS.sleep(50);
		}
		return true;
	}

	@Override
	public void destroy() throws InterruptedException {
		thread.shutdown();
		// a run under way finishes (its steps commit one by one; a run cut short is resumed by the next)
		thread.awaitTermination(30, TimeUnit.SECONDS);
	}

}
