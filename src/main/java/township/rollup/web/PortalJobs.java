package township.rollup.web;

import java.util.concurrent.locks.ReentrantLock;

import township.rollup.batch.JobNames;
import township.rollup.cli.JobRunner;

/**
 * The portal's runs of the jobs, one at a time: the portal holds the run lock for its whole life, so every
 * run on its database goes through here, and so does a file sent ({@link #exclusive}: written into the inbox,
 * received and its unit assessed by {@link township.rollup.batch.SentFileIngest}). A run under way finishes
 * before an upload is recorded, and an upload before the next run starts, so an upload is never lost, and a
 * run's totals hold exactly what that run recorded.
 */
public final class PortalJobs {

	private final JobRunner runner;

	/** Fair: uploads are assessed in the order they arrived. */
	private final ReentrantLock one = new ReentrantLock(true);

	public PortalJobs(JobRunner runner) {
		this.runner = runner;
	}

	/** The nightly run of the year, as cron would start it. */
	public int nightly(int year) {
		return run(JobNames.NIGHTLY, year);
	}

	/**
	 * A run handed over by {@code jobs/rollup nightly} waiting on the portal ({@link township.rollup.cli.HandOver}):
	 * it takes its turn like any other, so an upload arriving meanwhile waits for it and is counted by the
	 * next run, never by two or none; it prints in the caller's language.
	 */
	int handedOver(township.rollup.cli.HandOver.Request request, Runnable started) {
		one.lock();
		try {
			started.run();
			return runner.run(request.job(), request.year(), request.force(), request.unit(), request.texts());
		}
		finally {
			one.unlock();
		}
	}

	private int run(String job, int year) {
		one.lock();
		try {
			return runner.run(job, year, false);
		}
		finally {
			one.unlock();
		}
	}

	/** Runs {@code work} while no job runs (a file sent: written into the inbox and recorded). */
	public <T> T exclusive(java.util.function.Supplier<T> work) {
		one.lock();
		try {
			return work.get();
		}
		finally {
			one.unlock();
		}
	}

}
