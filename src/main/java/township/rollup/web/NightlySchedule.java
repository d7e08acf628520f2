package township.rollup.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The nightly run by the portal itself ({@code rollup.schedule.nightly}, a Spring cron expression in the
 * office's time zone, for example {@code 0 30 2 * * *}): while the portal runs it owns the embedded
 * database, so cron's {@code jobs/rollup nightly} would be turned away. The run goes through
 * {@link PortalJobs}, one at a time with the uploads. Empty: no schedule (cron stays in charge).
 */
public final class NightlySchedule implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

	private final CronExpression expression;

	private final ZoneId zone;

	private final ThreadPoolTaskScheduler scheduler;

	/** A mistyped expression stops the portal at start-up (exit 2), naming the setting. */
	public NightlySchedule(String expression, ZoneId zone, PortalJobs jobs, int year) {
		this.zone = zone;
		if (expression == null || expression.isBlank()) {
			this.expression = null;
			this.scheduler = null;
			return;
		}
		this.expression = CronExpression.parse(expression.strip());
		this.scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("nightly-");
		scheduler.initialize();
		scheduler.schedule(() -> {
			try {
				int exit = jobs.nightly(year);
				log.info("scheduled nightly of {} ended with exit code {}", year, exit);
			}
			catch (RuntimeException ex) {
				log.error("scheduled nightly of {} failed", year, ex);
			}
		}, new CronTrigger(expression.strip(), zone));
		log.info("nightly of {} scheduled by '{}' in {}; next at {}", year, expression, zone, next(Instant.now()));
	}

	/** When the next scheduled run starts after {@code after}; empty without a schedule. */
	public Optional<Instant> next(Instant after) {
		if (expression == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(expression.next(after.atZone(zone))).map(t -> t.toInstant());
	}

	@Override
	public void destroy() {
		if (scheduler != null) {
			scheduler.shutdown();
		}
	}

}
