package township.rollup.assessment;

/** Whether a submission enters the roll-up. Any ERROR finding rejects it. */
public enum Verdict {

	ACCEPTED("已采纳"), REJECTED("已退回");

	private final String zh;

	Verdict(String zh) {
		this.zh = zh;
	}

	public String zh() {
		return zh;
	}

}
