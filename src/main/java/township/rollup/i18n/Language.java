package township.rollup.i18n;

import java.util.Locale;

/**
 * The languages of what people read: Chinese first, English available. The one type of both language
 * settings, the console's ({@code --lang}, {@code ROLLUP_LANG}, {@code rollup.lang}: what ops read) and
 * the publication's ({@code rollup.publish-lang}: what the office publishes), and {@link #of(String, String)}
 * the one place either is read.
 */
public enum Language {

	ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

	/** The console's setting: what ops read (the summary, messages, the help). */
	public static final String CONSOLE_SETTING = "rollup.lang";

	/** The publication's setting: report.html, the feedback pages, the workbook; Chinese by default. */
	public static final String PUBLISH_SETTING = "rollup.publish-lang";

	private final Locale locale;

	Language(Locale locale) {
		this.locale = locale;
	}

	public Locale locale() {
		return locale;
	}

	/** The code people write in a setting: {@code zh} or {@code en}. */
	public String code() {
		return locale.getLanguage();
	}

	/**
	 * The language a setting names: {@code zh} or {@code en}, in any case; not set (null), Chinese.
	 * Anything else is refused rather than quietly taken for Chinese: a French console that prints Chinese
	 * would look like a bug.
	 *
	 * @param setting where the value was written ({@code --lang}, {@code ROLLUP_LANG}, …), for the message
	 * @throws Unknown for any other value, blank included
	 */
	public static Language of(String value, String setting) {
		if (value == null) {
			return ZH;
		}
		for (Language language : values()) {
			if (language.code().equalsIgnoreCase(value.strip())) {
				return language;
			}
		}
		throw new Unknown(value, setting);
	}

	public boolean english() {
		return this == EN;
	}

	/** A language setting with a value that is neither {@code zh} nor {@code en}; the message, in both. */
	public static final class Unknown extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		Unknown(String value, String setting) {
			super(Messages.of(ZH).get("lang.unknown", setting, value) + System.lineSeparator()
					+ Messages.of(EN).get("lang.unknown", setting, value));
		}

	}

}
