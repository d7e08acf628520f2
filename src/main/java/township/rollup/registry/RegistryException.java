package township.rollup.registry;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.i18n.Text;

/**
 * The registry file cannot be used: a configuration error, not a finding about a submission. Its words are
 * in the message catalogue; its message, for the log, is the English.
 */
public class RegistryException extends RuntimeException implements Text.Worded {

	private final transient Text text;

	public RegistryException(Text text) {
		super(text.in(Messages.of(Language.EN)));
		this.text = text;
	}

	public RegistryException(Text text, Throwable cause) {
		super(text.in(Messages.of(Language.EN)), cause);
		this.text = text;
	}

	@Override
	public Text text() {
		return text;
	}

}
