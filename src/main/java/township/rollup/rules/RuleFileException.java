package township.rollup.rules;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.i18n.Text;

/**
 * A rule file the catalogue cannot use: an unknown kind, a term naming no cell of the format, a misspelt
 * key… Raised when the catalogue loads, before any job starts; a configuration error (exit 2) whose
 * words (in the message catalogue) name the file, the line where known, and the rule. Its message, for
 * the log, is the English.
 */
public class RuleFileException extends IllegalArgumentException implements Text.Worded {

	private final transient Text text;

	RuleFileException(String resource, int line, String ruleId, Text problem) {
		this(place(resource, line, ruleId == null ? problem : Text.of("config.rules.rule", ruleId, problem)));
	}

	private RuleFileException(Text text) {
		super(text.in(Messages.of(Language.EN)));
		this.text = text;
	}

	private static Text place(String resource, int line, Text problem) {
		return line > 0 ? Text.of("config.at-line", resource, line, problem) : Text.of("config.in-file", resource, problem);
	}

	@Override
	public Text text() {
		return text;
	}

}
