package township.rollup.rules;

/** How much a finding matters. Only {@link #ERROR} rejects a submission. */
public enum Severity {

	ERROR("错误"), WARNING("警告"), INFO("提示");

	private final String zh;

	Severity(String zh) {
		this.zh = zh;
	}

	public String zh() {
		return zh;
	}

}
