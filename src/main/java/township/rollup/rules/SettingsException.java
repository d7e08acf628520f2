package township.rollup.rules;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.i18n.Text;

/**
 * A year's settings file the run cannot use: a configuration error (exit 2). Its words are in the message
 * catalogue; its message, for the log, is the English.
 */
public class SettingsException extends IllegalArgumentException implements Text.Worded {

	private final transient Text text;

	SettingsException(Text text, Throwable cause) {
		super(text.in(Messages.of(Language.EN)), cause);
		this.text = text;
	}

	@Override
	public Text text() {
		return text;
	}

}
