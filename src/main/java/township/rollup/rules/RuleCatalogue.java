package township.rollup.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import township.rollup.bytes.Sha256;
import township.rollup.i18n.Text;
import township.rollup.reportformat.ReportFormats;

/**
 * Every rule this release knows: {@code rules/common.json} (file, metadata, row and cell rules that do
 * not depend on the format) and {@code rules/<format>.json} (identities and checks of one format).
 * The catalogue is versioned with the code; {@link #fingerprint()} changes whenever any rule file does,
 * which makes unchanged submissions be assessed again under the new rules.
 */
public final class RuleCatalogue {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final List<String> RULE_KEYS = List.of("id", "scope", "kind", "severity", "title", "message",
			"formats");

	/** Keys any rule may carry besides its kind's: where it comes from, its texts when it cannot be assessed. */
	static final List<String> OPTIONAL_KEYS = List.of("basis", "notAssessable", "parameters");

	private static final String COMMON = "rules/common.json";

	private static volatile RuleCatalogue standard;

	private final List<RuleDef> common;

	private final Map<String, List<RuleDef>> byFormat;

	private final Map<String, Map<String, List<String>>> setsByFormat;

	private final Map<String, List<CompiledRule>> compiledByFormat;

	private final String fingerprint;

	private final String commonFingerprint;

	private RuleCatalogue(List<RuleDef> common, Map<String, List<RuleDef>> byFormat,
			Map<String, Map<String, List<String>>> setsByFormat, Map<String, List<CompiledRule>> compiledByFormat,
			String fingerprint, String commonFingerprint) {
		this.common = common;
		this.byFormat = byFormat;
		this.setsByFormat = setsByFormat;
		this.compiledByFormat = compiledByFormat;
		this.fingerprint = fingerprint;
		this.commonFingerprint = commonFingerprint;
	}

	public static RuleCatalogue standard() {
		RuleCatalogue result = standard;
		if (result == null) {
			synchronized (RuleCatalogue.class) {
				result = standard;
				if (result == null) {
					result = load();
					standard = result;
				}
			}
		}
		return result;
	}

	/** The common rules, then each format's rules in file order; an id used by two formats appears twice. */
	public List<RuleDef> all() {
		List<RuleDef> all = new ArrayList<>(common);
		byFormat.values().forEach(all::addAll);
		return all;
	}

	/** A rule by id: a common rule, or the first format's definition of it. */
	public Optional<RuleDef> find(String id) {
		return all().stream().filter(r -> r.id().equals(id)).findFirst();
	}

	public RuleDef rule(String id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("no rule " + id + " in the catalogue"));
	}

	/** The rule as defined for one format, falling back to the common rules. */
	public RuleDef rule(String id, String formatId) {
		return byFormat.getOrDefault(formatId, List.of())
			.stream()
			.filter(r -> r.id().equals(id))
			.findFirst()
			.orElseGet(() -> rule(id));
	}

	/** The rules of one format's file, without the common ones. */
	public List<RuleDef> formatRules(String formatId) {
		return byFormat.getOrDefault(formatId, List.of());
	}

	/** Named row lists of a format's rule file, used by rule terms written {@code @name}. */
	public Map<String, List<String>> sets(String formatId) {
		return setsByFormat.getOrDefault(formatId, Map.of());
	}

	/** SHA-256 over every rule file, in load order. */
	public String fingerprint() {
		return fingerprint;
	}

	/** SHA-256 of the common rules alone: the rules of reading a file, whose messages stored findings hold. */
	public String commonFingerprint() {
		return commonFingerprint;
	}

	/** The rules of one format, compiled when the catalogue loaded, in file order. */
	public List<CompiledRule> compiled(String formatId) {
		return compiledByFormat.getOrDefault(formatId, List.of());
	}

	record RuleFile(String comment, Map<String, List<String>> sets, List<Map<String, Object>> rules) {
	}

	private static RuleCatalogue load() {
		return load(RuleCatalogue::readResource);
	}

	/**
	 * Reads and compiles every rule file; {@code files} gives a file's bytes by resource name, or null. A
	 * file or rule that cannot be used is a {@link RuleFileException} naming the file, line and rule.
	 */
	static RuleCatalogue load(Function<String, byte[]> files) {
		Sha256 digest = Sha256.start();
		String commonFingerprint = Sha256.hex(required(files, COMMON));
		List<RuleDef> common = read(files, COMMON, null, digest).rules;
		for (RuleDef rule : common) {
			if (rule.kind() != RuleKind.BUILTIN) {
				throw new RuleFileException(COMMON, lineOf(required(files, COMMON), rule.id()), rule.id(),
						Text.of("config.rules.common-kind", rule.kind()));
			}
		}
		Map<String, List<RuleDef>> byFormat = new LinkedHashMap<>();
		Map<String, Map<String, List<String>>> sets = new LinkedHashMap<>();
		Map<String, List<CompiledRule>> compiled = new LinkedHashMap<>();
		for (String format : ReportFormats.standard().ids()) {
			String resource = "rules/" + format + ".json";
			Loaded loaded = read(files, resource, format, digest);
			byFormat.put(format, loaded.rules);
			sets.put(format, loaded.sets);
			RuleCompiler compiler = new RuleCompiler(ReportFormats.standard().get(format), loaded.sets);
			List<CompiledRule> rules = new ArrayList<>();
			for (RuleDef rule : loaded.rules) {
				try {
					rules.add(compiler.compile(rule));
				}
				catch (RuleCompiler.Problem ex) {
					throw new RuleFileException(resource, lineOf(required(files, resource), rule.id()), rule.id(),
							ex.text());
				}
			}
			compiled.put(format, List.copyOf(rules));
		}
		return new RuleCatalogue(common, byFormat, sets, compiled, digest.hex(), commonFingerprint);
	}

	private record Loaded(List<RuleDef> rules, Map<String, List<String>> sets) {
	}

	private static Loaded read(Function<String, byte[]> files, String resource, String format, Sha256 digest) {
		byte[] bytes = required(files, resource);
		digest.add(resource);
		digest.add(bytes);
		RuleFile file;
		try {
			file = JSON.readValue(bytes, RuleFile.class);
		}
		catch (JacksonException ex) {
			throw new RuleFileException(resource, ex.getLocation() == null ? 0 : ex.getLocation().getLineNr(), null,
					Text.of("config.rules.json", ex.getOriginalMessage()));
		}
		if (file.rules() == null) {
			throw new RuleFileException(resource, 0, null, Text.of("config.rules.no-list"));
		}
		List<RuleDef> rules = new ArrayList<>();
		for (Map<String, Object> raw : file.rules()) {
			RuleDef rule = toRule(raw, format, resource, bytes);
			if (rules.stream().anyMatch(r -> r.id().equals(rule.id()))) {
				throw new RuleFileException(resource, lineOf(bytes, rule.id()), rule.id(), Text.of("config.rules.twice"));
			}
			rules.add(rule);
		}
		return new Loaded(List.copyOf(rules), file.sets() == null ? Map.of() : Map.copyOf(file.sets()));
	}

	@SuppressWarnings("unchecked")
	private static RuleDef toRule(Map<String, Object> raw, String format, String resource, byte[] bytes) {
		if (!(raw.get("id") instanceof String id)) {
			throw new RuleFileException(resource, 0, null, Text.of("config.rules.no-id"));
		}
		int line = lineOf(bytes, id);
		Map<String, String> title = raw.get("title") instanceof Map<?, ?> t ? (Map<String, String>) t : null;
		Map<String, String> message = raw.get("message") instanceof Map<?, ?> m ? (Map<String, String>) m : null;
		if (title == null || message == null || message.get("zh") == null || message.get("en") == null) {
			throw new RuleFileException(resource, line, id, Text.of("config.rules.texts"));
		}
		RuleKind kind = Arrays.stream(RuleKind.values())
			.filter(k -> k.name().equals(raw.get("kind")))
			.findFirst()
			.orElseThrow(() -> new RuleFileException(resource, line, id, Text.of("config.rules.kind", raw.get("kind"),
					Arrays.stream(RuleKind.values()).map(Enum::name).collect(Collectors.joining(", ")))));
		Severity severity = Arrays.stream(Severity.values())
			.filter(v -> v.name().equals(raw.get("severity")))
			.findFirst()
			.orElseThrow(() -> new RuleFileException(resource, line, id,
					Text.of("config.rules.severity", raw.get("severity"))));
		Scope scope;
		try {
			scope = Scope.fromToken((String) raw.get("scope"));
		}
		catch (IllegalArgumentException | ClassCastException ex) {
			throw new RuleFileException(resource, line, id, Text.of("config.rules.scope", raw.get("scope")));
		}
		Map<String, Object> params = new LinkedHashMap<>();
		raw.forEach((k, v) -> {
			if (!RULE_KEYS.contains(k)) {
				params.put(k, v);
			}
		});
		List<String> formats = format == null ? List.of() : List.of(format);
		return new RuleDef(id, scope, kind, severity, title.get("zh"), title.get("en"), message.get("zh"),
				message.get("en"), params, formats);
	}

	/** The line of a rule's id in its file, for messages; 0 if it cannot be found. */
	private static int lineOf(byte[] bytes, String id) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"" + Pattern.quote(id) + "\"").matcher(text);
		if (!m.find()) {
			return 0;
		}
		return (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
	}

	private static byte[] required(Function<String, byte[]> files, String resource) {
		byte[] bytes = files.apply(resource);
		if (bytes == null) {
			throw new RuleFileException(resource, 0, null, Text.of("config.rules.missing"));
		}
		return bytes;
	}

	private static byte[] readResource(String resource) {
		try (InputStream in = RuleCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
			return in == null ? null : in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
