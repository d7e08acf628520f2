package township.rollup.assessment;

/** Whether a submission enters the roll-up. Any ERROR finding rejects it. */
public enum Verdict {

	ACCEPTED, REJECTED;

	/** Its words in the message catalogue. */
	public String key() {
		return "verdict." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
