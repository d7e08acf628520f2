package township.rollup.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a city changed about the catalogue for one report year: a rule switched off, given another
 * severity, or another parameter (such as the ratio of a year-over-year jump). Kept out of the code so
 * that a city can adapt without a release; every override in force is listed in the run report.
 */
public record RuleOverrides(Map<String, Override> byRule) {

	/** One rule's override. A null {@code enabled} or {@code severity} keeps the catalogue's. */
	public record Override(String ruleId, Boolean enabled, Severity severity, Map<String, String> params,
			String reason) {

		public Override {
			params = Map.copyOf(params);
		}

		public Override(String ruleId, boolean enabled, Severity severity, String reason) {
			this(ruleId, enabled, severity, Map.of(), reason);
		}

	}

	public RuleOverrides {
		byRule = Map.copyOf(byRule);
	}

	public static RuleOverrides none() {
		return new RuleOverrides(Map.of());
	}

	public static RuleOverrides of(Override... overrides) {
		Map<String, Override> map = new LinkedHashMap<>();
		for (Override o : overrides) {
			map.put(o.ruleId(), o);
		}
		return new RuleOverrides(map);
	}

	public Optional<Override> find(String ruleId) {
		return Optional.ofNullable(byRule.get(ruleId));
	}

	public boolean isEnabled(String ruleId) {
		return find(ruleId).map(Override::enabled).filter(e -> e != null).orElse(true);
	}

	public Severity severityOf(RuleDef rule) {
		return find(rule.id()).map(Override::severity).filter(s -> s != null).orElse(rule.severity());
	}

	/** A rule parameter as overridden for the year, else as the catalogue sets it. */
	public String param(RuleDef rule, String name) {
		return find(rule.id()).map(o -> o.params().get(name)).orElse(rule.param(name));
	}

}
