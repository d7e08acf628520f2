package township.rollup.output.html;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import township.rollup.i18n.Messages;

/**
 * Renders the pages from the templates in {@code templates/} with Thymeleaf (standalone, no web server,
 * expressions in Spring's expression language), which escapes every value it
 * writes ({@code th:text}, {@code th:attr}): a township name or explanation of {@code <script>} comes out
 * as text. The pages' words come from the message catalogue ({@code #{report.…}} in a template is
 * {@link Messages#get}), in the language of the run. Templates are parsed once and kept.
 */
public final class Html {

	private final SpringTemplateEngine engine;

	public Html() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Html.class.getClassLoader());
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		// Spring's expression language, compiled to bytecode: a nation's feedback pages are 40,000 renderings
		this.engine = new SpringTemplateEngine();
		this.engine.setEnableSpringELCompiler(true);
		this.engine.setTemplateResolver(resolver);
		this.engine.setMessageResolver(new CatalogueMessages());
	}

	/** The page {@code template} with these variables, as UTF-8 bytes. */
	public byte[] render(String template, Messages messages, Map<String, Object> variables) {
		Context context = new Context(messages.language().locale(), variables);
		context.setVariable("messages", messages);
		return engine.process(template, context).getBytes(StandardCharsets.UTF_8);
	}

	/** {@code #{key(args)}} from the catalogue of the page's language. */
	private static final class CatalogueMessages extends AbstractMessageResolver {

		@Override
		public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] args) {
			Messages messages = (Messages) context.getVariable("messages");
			return messages.get(key, args == null ? new Object[0] : args);
		}

		@Override
		public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
				Object[] args) {
			// never reached: a missing key fails in Messages.get
			throw new IllegalStateException("message " + key + " is missing");
		}

	}

}
