package township.rollup.batch;

/**
 * Job parameter names. Identifying: {@code year}; {@code inputDigest}, the digest of everything the run
 * works from (inbox files by content, registry, rules); and {@code basedOn}, the last run that completed
 * for the year. A rerun with the same inputs on the same state is therefore the same job instance: after
 * a crash it restarts, and after success there is nothing to do. Paths are not identifying.
 */
public final class RunParameters {

	public static final String YEAR = "year";

	public static final String INPUT_DIGEST = "inputDigest";

	public static final String BASED_ON = "basedOn";

	public static final String INBOX = "inbox";

	public static final String OUTPUT_DIR = "outputDir";

	public static final String REGISTRY = "registry";

	public static final String SETTINGS = "settings";

	/** The unit whose subtree the run consolidates (absent: the whole registry). */
	public static final String UNIT = "unit";

	/**
	 * The release that ran (non-identifying: a new release resumes a failed run of the same inputs; a
	 * new release alone is no reason to run again).
	 */
	public static final String RELEASE = "release";

	private RunParameters() {
	}

}
