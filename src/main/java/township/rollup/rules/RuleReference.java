package township.rollup.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;

/**
 * The rule reference, generated from the catalogue so that it cannot drift from it: a table of every
 * rule, then each rule with its scope, severity, formats, basis, check, parameters and messages.
 * {@code docs/rules.md} is this text; a test fails when the committed file is stale.
 */
public final class RuleReference {

	private static final Messages ZH = Messages.of(Language.ZH);

	private static final Messages EN = Messages.of(Language.EN);

	private static final List<String> EXPRESSION_KEYS = List.of("forEach", "left", "op", "right", "anchor", "cells",
			"unitKinds", "previousFormat", "narrative", "cell");

	private RuleReference() {
	}

	public static String render(RuleCatalogue catalogue) {
		Map<String, List<RuleDef>> byId = new LinkedHashMap<>();
		for (RuleDef rule : catalogue.all()) {
			byId.computeIfAbsent(rule.id(), k -> new ArrayList<>()).add(rule);
		}
		StringBuilder out = new StringBuilder();
		out.append("# Rule reference\n\n");
		out.append("Generated from the rule catalogue (`src/main/resources/rules/`) by `jobs/rollup rules`; do not edit "
				+ "by hand. A test fails when this file and the catalogue disagree: regenerate it with\n"
				+ "`jobs/rollup rules > docs/rules.md`.\n\n");
		out.append("- **ERROR** rejects the submission: it does not enter the roll-up.\n");
		out.append("- **WARNING** does not reject it, but stays open on the status board until the township explains it "
				+ "in its file with a line `NOTE,<rule id>,<explanation>`. An explanation never excuses an error.\n");
		out.append("- **INFO** is for information, for example a cross-year rule that cannot be assessed because last "
				+ "year's accepted report is missing: never a pass, never an error.\n");
		out.append("- Kind **BUILTIN** rules are raised by the product itself while it reads and identifies a file; "
				+ "the others can be switched off, given another severity or other parameters for a year in "
				+ "`input/settings/<year>.csv` (see the README).\n\n");
		out.append("| id | scope | severity | formats | checks |\n|---|---|---|---|---|\n");
		byId.forEach((id, defs) -> {
			RuleDef rule = defs.get(0);
			out.append("| [").append(id).append("](#").append(id.toLowerCase()).append(") | ").append(ZH.get(rule.scope().key()))
				.append(" | ").append(rule.severity()).append(" | ").append(formats(defs)).append(" | ")
				.append(rule.titleZh()).append(" / ").append(rule.titleEn()).append(" |\n");
		});
		byId.forEach((id, defs) -> {
			RuleDef rule = defs.get(0);
			out.append("\n## ").append(id).append("\n\n");
			out.append(rule.titleZh()).append(" / ").append(rule.titleEn()).append("\n\n");
			out.append("- scope: ").append(ZH.get(rule.scope().key())).append(" (").append(EN.get(rule.scope().key()))
				.append(")\n");
			out.append("- kind: ").append(rule.kind()).append("\n");
			out.append("- severity: ").append(rule.severity()).append("\n");
			out.append("- formats: ").append(formats(defs)).append("\n");
			if (rule.param("basis") != null) {
				out.append("- basis: ").append(rule.param("basis")).append("\n");
			}
			for (RuleDef def : defs) {
				String expression = expression(def);
				if (!expression.isEmpty()) {
					out.append("- check")
						.append(def.formats().isEmpty() ? "" : " (" + def.formats().get(0) + ")")
						.append(": ")
						.append(expression)
						.append("\n");
				}
			}
			List<String> parameters = rule.listParam("parameters");
			if (!parameters.isEmpty()) {
				out.append("- parameters: ")
					.append(parameters.stream()
						.map(p -> "`" + p + "` = " + rule.param(p) + " (setting `rule." + id + "." + p + "`)")
						.collect(Collectors.joining(", ")))
					.append("\n");
			}
			boolean differ = defs.stream().anyMatch(d -> !d.messageZh().equals(rule.messageZh()));
			for (RuleDef def : differ ? defs : List.of(rule)) {
				String suffix = differ ? " (" + def.formats().get(0) + ")" : "";
				out.append("- message").append(suffix).append(", zh: ").append(escape(def.messageZh())).append("\n");
				out.append("- message").append(suffix).append(", en: ").append(escape(def.messageEn())).append("\n");
			}
			Map<String, Object> notAssessable = rule.mapParam("notAssessable");
			if (!notAssessable.isEmpty()) {
				out.append("- not assessable (INFO, zh): ").append(escape(notAssessable.get("zh").toString())).append("\n");
				out.append("- not assessable (INFO, en): ").append(escape(notAssessable.get("en").toString())).append("\n");
			}
		});
		return out.toString();
	}

	private static String formats(List<RuleDef> defs) {
		if (defs.get(0).formats().isEmpty()) {
			return "all";
		}
		return defs.stream().flatMap(d -> d.formats().stream()).collect(Collectors.joining(", "));
	}

	private static String expression(RuleDef rule) {
		List<String> parts = new ArrayList<>();
		Map<String, Object> forEach = rule.mapParam("forEach");
		forEach.forEach((var, source) -> parts.add("for each `{" + var + "}` in " + source));
		switch (rule.kind()) {
			case BALANCE -> parts.add("`" + String.join(" + ", rule.listParam("left")) + "` "
					+ (rule.param("op") == null ? "=" : rule.param("op")) + " `"
					+ String.join(" + ", rule.listParam("right")) + "`"
					+ ("left".equals(rule.param("anchor")) ? " (reported at the left side)" : ""));
			case ZERO -> parts.add("`" + String.join("`, `", rule.listParam("cells")) + "` must be 0 for unit kinds "
					+ rule.listParam("unitKinds"));
			case COINCIDE -> parts.add("warns when `" + String.join(" + ", rule.listParam("left")) + "` = `"
					+ String.join(" + ", rule.listParam("right")) + "` ≥ minValue");
			case NARRATIVE -> parts.add("warns when `" + rule.param("narrative") + "` (a figure stated in the text) ≠ `"
					+ rule.param("cell") + "`, both present; on consolidated totals only when every report summed stated it");
			case JUMP -> parts.add("warns when one of `" + String.join("`, `", rule.listParam("cells"))
					+ "` changed more than ratio times since last year, from at least minBase");
			default -> {
				return "";
			}
		}
		if (rule.param("previousFormat") != null) {
			parts.add("only when last year's report is in the " + rule.param("previousFormat") + " format");
		}
		if (EXPRESSION_KEYS.stream().noneMatch(rule.params()::containsKey)) {
			return "";
		}
		return String.join("; ", parts).replace("-prev:", "− prev:").replace("+ -", "− ");
	}

	private static String escape(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

}
