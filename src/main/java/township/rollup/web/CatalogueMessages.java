package township.rollup.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;

/** The message catalogue for the portal's templates ({@code #{key(args)}}), as everywhere else: {@link Messages}. */
final class CatalogueMessages implements MessageSource {

	static Language language(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? Language.EN : Language.ZH;
	}

	@Override
	public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
		Messages messages = Messages.of(language(locale));
		if (code == null || !messages.bundle().containsKey(code)) {
			// Spring Security asks for its own keys with its English text as the default; it never reaches a page
			return defaultMessage;
		}
		return messages.get(code, args == null ? new Object[0] : args);
	}

	@Override
	public String getMessage(String code, Object[] args, Locale locale) {
		String text = getMessage(code, args, null, locale);
		if (text == null) {
			throw new NoSuchMessageException(code, locale);
		}
		return text;
	}

	@Override
	public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
		String[] codes = resolvable.getCodes();
		if (codes == null || codes.length == 0) {
			throw new NoSuchMessageException("", locale);
		}
		return getMessage(codes[0], resolvable.getArguments(), locale);
	}

}
