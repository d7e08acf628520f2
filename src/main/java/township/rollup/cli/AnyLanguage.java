package township.rollup.cli;

import java.io.PrintStream;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;

/**
 * What a command prints whatever the language of the run, from the message catalogue: the
 * {@code cli.any.*} texts, the same in both bundles, for what is printed before the language is known
 * (the command line, the lock, a broken setting: in both languages at once) or in English only; and
 * the failures printed as a Chinese line followed by an English one.
 */
final class AnyLanguage {

	static final String PREFIX = "cli.any.";

	private AnyLanguage() {
	}

	/** The text of a {@code cli.any.*} key, which reads the same in both languages. */
	static String text(String key, Object... args) {
		if (!key.startsWith(PREFIX)) {
			throw new IllegalArgumentException(key + " is not a " + PREFIX + "* key");
		}
		return Messages.of(Language.ZH).get(key, args);
	}

	/** The Chinese text of {@code key} on one line, then the English text on the next. */
	static void printBoth(PrintStream out, String key, Object... args) {
		out.println(Messages.of(Language.ZH).get(key, args));
		out.println(Messages.of(Language.EN).get(key, args));
	}

}
