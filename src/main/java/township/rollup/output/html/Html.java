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

	/**
	 * Skeletons kept, by their layout (the model without its texts; kept whole, never a hash that two
	 * layouts could share): a nation's feedback pages come in a few layouts, each about 200 KB here.
	 */
	private static final int SKELETONS = 128;

	private final Map<String, Skeleton> skeletons = java.util.Collections
		.synchronizedMap(new java.util.LinkedHashMap<>(SKELETONS * 2, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Skeleton> eldest) {
				return size() > SKELETONS;
			}

		});

	/**
	 * The page {@code template} with the variables {@code model} makes, as UTF-8 bytes, the same as
	 * {@link #render} gives, for a fraction of its cost when many pages share a layout. The model is made
	 * with the page's {@link Tokens}: what is left of it (the layout: which sections, how many rows, the
	 * official tables' headers) picks the skeleton, rendered once by the template engine; the page is that
	 * skeleton filled with the page's texts. Everything in the model but its texts must therefore show in
	 * its {@code toString()} (records, lists, numbers, booleans), and the template may decide on a text
	 * only by whether it is empty.
	 */
	public byte[] renderFromSkeleton(String template, Messages messages,
			java.util.function.Function<Tokens, Map<String, Object>> model) {
		Tokens tokens = new Tokens();
		Map<String, Object> variables = model.apply(tokens);
		String layout = template + "\n" + messages.language() + "\n" + variables;
		Skeleton skeleton = skeletons.get(layout);
		if (skeleton == null) {
			skeleton = Skeleton.of(new String(render(template, messages, variables), StandardCharsets.UTF_8));
			skeletons.put(layout, skeleton);
		}
		return skeleton.fill(tokens.values());
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
