package township.rollup.rules;

import java.util.Arrays;

/** Where a rule looks. The Chinese words are the ones statistical offices use (表内, 表间, 跨期). */
public enum Scope {

	FILE("文件"), CELL("单元格"), IN_TABLE("表内"), CROSS_TABLE("表间"), CROSS_YEAR("跨期"), ROLLUP("汇总");

	/** The word a rule file writes for the scope: data of the rule files, not what is shown. */
	private final String token;

	Scope(String token) {
		this.token = token;
	}

	/** Its words in the message catalogue. */
	public String key() {
		return "scope." + name().toLowerCase(java.util.Locale.ROOT);
	}

	static Scope fromToken(String token) {
		return Arrays.stream(values())
			.filter(s -> s.token.equals(token))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown rule scope: " + token));
	}

}
