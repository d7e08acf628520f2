package township.rollup.importer;

import java.util.regex.Pattern;

/**
 * The six numbered sections every report has (report-format.md §2), recognised by their headings with
 * or without the ordinal: a table is read only inside its own section, so a label of another table or
 * of the prose can never start one of its rows.
 */
enum Section {

	PREAMBLE(null, ""), NARRATIVE("一、总体情况", ""), T2("二、主动公开政府信息情况", "T2"), T3("三、收到和处理政府信息公开申请情况", "T3"),
	T4("四、政府信息公开行政复议、行政诉讼情况", "T4"), PROBLEMS("五、存在的主要问题及改进情况", ""), OTHER("六、其他需要报告的事项", "");

	final String heading;

	final String tableCode;

	private final String key;

	Section(String heading, String tableCode) {
		this.heading = heading;
		this.tableCode = tableCode;
		this.key = heading == null ? null : withoutOrdinal(heading);
	}

	private static String withoutOrdinal(String text) {
		return LabelText.key(Ordinal.PATTERN.matcher(text).replaceFirst(""));
	}

	/** In a holder: an enum's constants are built before its other static fields. */
	private static final class Ordinal {

		static final Pattern PATTERN = Pattern
			.compile("^\\s*(?:[一二三四五六七八九十]+\\s*[、.．,，]|[(（]\\s*[一二三四五六七八九十]+\\s*[)）]|\\d+\\s*[、.．])\\s*");

	}

	/** The section a heading opens, or null when the text is not a section heading. */
	static Section ofHeading(String text) {
		String key = withoutOrdinal(text);
		if (key.isEmpty()) {
			return null;
		}
		for (Section section : values()) {
			if (key.equals(section.key)) {
				return section;
			}
		}
		return null;
	}

	static Section ofTable(String tableCode) {
		for (Section section : values()) {
			if (section.tableCode.equals(tableCode)) {
				return section;
			}
		}
		throw new IllegalArgumentException("no section for table " + tableCode);
	}

}
