package township.rollup.i18n;

import java.util.Locale;

/** The languages of what people read: Chinese first, English available. */
public enum Language {

	ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

	private final Locale locale;

	Language(Locale locale) {
		this.locale = locale;
	}

	public Locale locale() {
		return locale;
	}

	/** {@code en} (any case) is English; anything else, the default, is Chinese. */
	public static Language of(String code) {
		return code != null && code.strip().equalsIgnoreCase("en") ? EN : ZH;
	}

	public boolean english() {
		return this == EN;
	}

}
