package township.rollup.i18n;

import java.math.BigDecimal;
import java.util.Enumeration;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message catalogue of everything people read outside the findings (whose texts live with their
 * rules): what the commands print, the HTML pages and the workbooks. One bundle per language,
 * {@code i18n/messages_zh.properties} and {@code i18n/messages_en.properties}, read as UTF-8.
 *
 * <p>
 * Placeholders are {@code {0}}, {@code {1}}, … and nothing else: unlike {@link java.text.MessageFormat}
 * an apostrophe is just an apostrophe, and a number is never grouped ({@code 2020}, not {@code 2,020}).
 */
public final class Messages {

	static final String BUNDLE = "i18n.messages";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	private static final Map<Language, Messages> CACHE = new ConcurrentHashMap<>();

	private final Language language;

	private final ResourceBundle bundle;

	private Messages(Language language) {
		this.language = language;
		this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK);
	}

	public static Messages of(Language language) {
		return CACHE.computeIfAbsent(language, Messages::new);
	}

	public Language language() {
		return language;
	}

	/** The bundle itself, for picocli, which reads the help's texts from it. */
	public ResourceBundle bundle() {
		return bundle;
	}

	public boolean english() {
		return language.english();
	}

	/** The text of {@code key} with its placeholders filled; a missing key is a bug and fails loudly. */
	public String get(String key, Object... args) {
		String pattern;
		try {
			pattern = bundle.getString(key);
		}
		catch (MissingResourceException ex) {
			throw new IllegalStateException("message " + key + " is missing in " + BUNDLE + "_"
					+ language.locale().getLanguage(), ex);
		}
		return format(pattern, args);
	}

	static String format(String pattern, Object... args) {
		Matcher m = PLACEHOLDER.matcher(pattern);
		StringBuilder out = new StringBuilder(pattern.length() + 16);
		while (m.find()) {
			int index = Integer.parseInt(m.group(1));
			if (index >= args.length) {
				throw new IllegalArgumentException("message \"" + pattern + "\" needs argument " + index);
			}
			m.appendReplacement(out, Matcher.quoteReplacement(plain(args[index])));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String plain(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal d) {
			return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}

	/** Every key of a language's bundle, for the test that both languages have the same keys. */
	static Set<String> keys(Language language) {
		ResourceBundle b = ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK);
		Set<String> keys = new TreeSet<>();
		for (Enumeration<String> e = b.getKeys(); e.hasMoreElements();) {
			keys.add(e.nextElement());
		}
		return keys;
	}

	/** Each language stands alone: a key missing in English must not quietly print the Chinese. */
	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

}
