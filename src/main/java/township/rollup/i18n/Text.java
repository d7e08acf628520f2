package township.rollup.i18n;

import java.util.Arrays;
import java.util.List;

/**
 * A text of the message catalogue not yet put into words: its key and arguments, an argument being itself a
 * text where one message is made of two (a place and what is wrong there). What a plain room raises for
 * people to read (a broken registry, settings or rule file) carries one, and the command that prints it
 * chooses the language.
 */
public record Text(String key, List<Object> args) {

	public Text {
		args = List.copyOf(args);
	}

	public static Text of(String key, Object... args) {
		return new Text(key, Arrays.asList(args));
	}

	/** In the words of one language; a text among the arguments in the same language. */
	public String in(Messages m) {
		return m.get(key, args.stream().map(a -> a instanceof Text t ? t.in(m) : a).toArray());
	}

	/**
	 * Chinese, then English: for what is printed before the console's language is known (a broken
	 * registry, settings or rule file stops the command before it starts).
	 */
	public String bilingual() {
		return in(Messages.of(Language.ZH)) + " / " + in(Messages.of(Language.EN));
	}

	/** A failure whose words are in the catalogue. */
	public interface Worded {

		Text text();

	}

	/**
	 * What to print of a failure before the console's language is known: its words in both languages if it
	 * has them, else its message.
	 */
	public static String bilingual(Throwable failure) {
		return failure instanceof Worded worded ? worded.text().bilingual() : String.valueOf(failure.getMessage());
	}

}
