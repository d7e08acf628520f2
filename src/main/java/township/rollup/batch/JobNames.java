package township.rollup.batch;

/** Names stored in the job repository; ops queries and logs use them. */
public final class JobNames {

	public static final String INGEST = "ingestJob";

	public static final String ROLLUP = "rollupJob";

	public static final String NIGHTLY = "nightlyJob";

	public static final String ANNUAL = "annualJob";

	public static final String RECEIVE_STEP = "receiveStep";

	public static final String RECEIVE_PARTITION_STEP = "receivePartitionStep";

	public static final String ASSESS_STEP = "assessStep";

	public static final String ASSESS_PARTITION_STEP = "assessPartitionStep";

	public static final String BOARD_STEP = "boardStep";

	public static final String ROLLUP_STEP = "rollupStep";

	public static final String PUBLISH_STEP = "publishStep";

	public static final String GATE_STEP = "gateStep";

	public static final String FINALIZE_STEP = "finalizeStep";

	private JobNames() {
	}

}
