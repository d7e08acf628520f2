package township.rollup.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

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

	private static volatile RuleCatalogue standard;

	private final List<RuleDef> common;

	private final Map<String, List<RuleDef>> byFormat;

	private final Map<String, Map<String, List<String>>> setsByFormat;

	private final String fingerprint;

	private final String commonFingerprint;

	private RuleCatalogue(List<RuleDef> common, Map<String, List<RuleDef>> byFormat,
			Map<String, Map<String, List<String>>> setsByFormat, String fingerprint, String commonFingerprint) {
		this.common = common;
		this.byFormat = byFormat;
		this.setsByFormat = setsByFormat;
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

	record RuleFile(String comment, Map<String, List<String>> sets, List<Map<String, Object>> rules) {
	}

	private static RuleCatalogue load() {
		MessageDigest digest = sha256();
		String commonFingerprint = HexFormat.of().formatHex(sha256().digest(readResource("rules/common.json")));
		List<RuleDef> common = read("rules/common.json", null, digest).rules;
		Map<String, List<RuleDef>> byFormat = new LinkedHashMap<>();
		Map<String, Map<String, List<String>>> sets = new LinkedHashMap<>();
		for (String format : ReportFormats.standard().ids()) {
			Loaded loaded = read("rules/" + format + ".json", format, digest);
			byFormat.put(format, loaded.rules);
			sets.put(format, loaded.sets);
		}
		return new RuleCatalogue(common, byFormat, sets, HexFormat.of().formatHex(digest.digest()), commonFingerprint);
	}

	private record Loaded(List<RuleDef> rules, Map<String, List<String>> sets) {
	}

	private static Loaded read(String resource, String format, MessageDigest digest) {
		byte[] bytes = readResource(resource);
		digest.update(resource.getBytes(StandardCharsets.UTF_8));
		digest.update(bytes);
		RuleFile file = JSON.readValue(bytes, RuleFile.class);
		List<RuleDef> rules = new ArrayList<>();
		for (Map<String, Object> raw : file.rules()) {
			RuleDef rule = toRule(raw, format, resource);
			if (rules.stream().anyMatch(r -> r.id().equals(rule.id()))) {
				throw new IllegalStateException(resource + ": rule " + rule.id() + " is defined twice");
			}
			rules.add(rule);
		}
		return new Loaded(List.copyOf(rules), file.sets() == null ? Map.of() : Map.copyOf(file.sets()));
	}

	@SuppressWarnings("unchecked")
	private static RuleDef toRule(Map<String, Object> raw, String format, String resource) {
		String id = (String) raw.get("id");
		if (id == null) {
			throw new IllegalStateException(resource + ": a rule has no id");
		}
		Map<String, String> title = (Map<String, String>) raw.get("title");
		Map<String, String> message = (Map<String, String>) raw.get("message");
		if (title == null || message == null || message.get("zh") == null || message.get("en") == null) {
			throw new IllegalStateException(resource + ": rule " + id + " needs a title and zh/en messages");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		raw.forEach((k, v) -> {
			if (!RULE_KEYS.contains(k)) {
				params.put(k, v);
			}
		});
		List<String> formats = format == null ? List.of() : List.of(format);
		return new RuleDef(id, Scope.fromToken((String) raw.get("scope")), (String) raw.get("kind"),
				Severity.valueOf((String) raw.get("severity")), title.get("zh"), title.get("en"), message.get("zh"),
				message.get("en"), params, formats);
	}

	private static byte[] readResource(String resource) {
		try (InputStream in = RuleCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
