package township.rollup.rules;

import java.util.List;
import java.util.Map;

/**
 * One rule of the catalogue, as data. {@code kind} names the Java class of checks that evaluates it
 * ({@code BUILTIN} rules are raised by the product's own code while reading and identifying a file); {@code params} holds
 * what that kind needs, for example the terms of a {@code BALANCE} identity.
 */
public record RuleDef(String id, Scope scope, RuleKind kind, Severity severity, String titleZh, String titleEn,
		String messageZh, String messageEn, Map<String, Object> params, List<String> formats) {

	public String param(String name) {
		Object value = params.get(name);
		return value == null ? null : value.toString();
	}

	@SuppressWarnings("unchecked")
	public List<String> listParam(String name) {
		Object value = params.get(name);
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(Object::toString).toList();
		}
		return List.of(value.toString());
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> mapParam(String name) {
		Object value = params.get(name);
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

}
