package township.rollup.cli;

/** Exit codes, documented in the README; wrappers pass them through unchanged. */
public final class ExitCodes {

	/** The run completed (findings about submissions are not a failure of the run). */
	public static final int OK = 0;

	/** The run itself failed; running the same command again resumes it. */
	public static final int FAILED = 1;

	/** Usage or configuration error: nothing was run. */
	public static final int USAGE = 2;

	/** {@code annual} found the year incomplete and wrote a provisional report. */
	public static final int INCOMPLETE = 3;

	/**
	 * The year is finalized and its inbox's submission files are no longer the ones it was finalized on
	 * (a file added, changed or removed, each named in the message): nothing was run, and a person must
	 * decide whether to {@code reopen --year Y}. Not a failure to retry, and not a mistake on the command
	 * line: distinct so that cron's mail and scripts can tell it apart. A finalized year whose files are
	 * unchanged exits {@link #OK}, whatever else (rules, registry, settings, release) changed.
	 */
	public static final int FINAL_CHANGED = 4;

	/** Another run holds the lock; retry later (sysexits EX_TEMPFAIL). */
	public static final int LOCKED = 75;

	private ExitCodes() {
	}

}
