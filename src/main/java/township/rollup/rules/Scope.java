package township.rollup.rules;

import java.util.Arrays;

/** Where a rule looks. The Chinese words are the ones statistical offices use (表内, 表间, 跨期). */
public enum Scope {

	FILE("文件", "file"), CELL("单元格", "cell"), IN_TABLE("表内", "within a table"),
	CROSS_TABLE("表间", "across tables"), CROSS_YEAR("跨期", "across years"), ROLLUP("汇总", "roll-up");

	private final String zh;

	private final String en;

	Scope(String zh, String en) {
		this.zh = zh;
		this.en = en;
	}

	public String zh() {
		return zh;
	}

	public String en() {
		return en;
	}

	static Scope fromZh(String zh) {
		return Arrays.stream(values())
			.filter(s -> s.zh.equals(zh))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown rule scope: " + zh));
	}

}
