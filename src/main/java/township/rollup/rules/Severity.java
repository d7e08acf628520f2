package township.rollup.rules;

/** How much a finding matters. Only {@link #ERROR} rejects a submission. */
public enum Severity {

	ERROR, WARNING, INFO;

	/** Its words in the message catalogue. */
	public String key() {
		return "severity." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
