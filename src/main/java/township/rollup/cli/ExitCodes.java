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

	/** Another run holds the lock; retry later (sysexits EX_TEMPFAIL). */
	public static final int LOCKED = 75;

	private ExitCodes() {
	}

}
