package township.rollup.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.i18n.Text;
import township.rollup.reportformat.ColumnDef;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.RowDef;

/**
 * Compiles a format's rule from its written form once, when the catalogue loads. {@code forEach} binds
 * variables to a list: {@code columns:<set>} (the column codes of a column set), {@code rows:<table>} (the
 * row codes of a table) or a literal list. A term is a cell code with {@code {variable}} placeholders;
 * {@code @name} expands a named set of the rule file; a leading {@code -} subtracts; {@code prev:} is last
 * year's value. Every expanded term must be a cell of the format: a rule that names no cell would pass
 * without checking anything.
 */
final class RuleCompiler {

	/** A rule that cannot be compiled, in the catalogue's words; the catalogue adds the file, line and rule id. */
	static final class Problem extends RuntimeException {

		private final transient Text text;

		Problem(String key, Object... args) {
			this(Text.of(key, args));
		}

		private Problem(Text text) {
			super(text.in(Messages.of(Language.EN)), null, false, false);
			this.text = text;
		}

		Text text() {
			return text;
		}

	}

	private final ReportFormat format;

	private final Map<String, List<String>> sets;

	RuleCompiler(ReportFormat format, Map<String, List<String>> sets) {
		this.format = format;
		this.sets = sets;
	}

	CompiledRule compile(RuleDef rule) {
		if (rule.kind() == RuleKind.BUILTIN) {
			throw new Problem("config.rules.builtin");
		}
		for (String key : rule.params().keySet()) {
			if (!rule.kind().keys().contains(key) && !RuleCatalogue.OPTIONAL_KEYS.contains(key)) {
				throw new Problem("config.rules.key", rule.kind(), key);
			}
		}
		String opText = rule.param("op");
		CompiledRule.Op op = opText == null ? CompiledRule.Op.EQUAL : CompiledRule.Op.parse(opText);
		if (op == null) {
			throw new Problem("config.rules.op", opText);
		}
		String anchor = rule.param("anchor");
		if (anchor != null && !anchor.equals("left") && !anchor.equals("right")) {
			throw new Problem("config.rules.anchor", anchor);
		}
		for (String number : List.of("minValue", "ratio", "minBase")) {
			if (rule.kind().keys().contains(number)) {
				String value = rule.param(number);
				if (value == null) {
					throw new Problem("config.rules.needs", rule.kind(), number);
				}
				try {
					new BigDecimal(value);
				}
				catch (NumberFormatException ex) {
					throw new Problem("config.rules.number", number, value);
				}
			}
		}
		if (rule.kind() == RuleKind.NARRATIVE) {
			return narrative(rule, op);
		}
		List<String> sides = switch (rule.kind()) {
			case BALANCE, COINCIDE -> List.of("left", "right");
			case ZERO, JUMP -> List.of("cells");
			case BUILTIN, NARRATIVE -> List.of();
		};
		List<CompiledRule.Binding> bindings = new ArrayList<>();
		boolean previous = false;
		for (Map<String, String> binding : bindings(rule)) {
			Map<String, List<Term>> terms = new LinkedHashMap<>();
			for (String side : List.of("left", "right", "cells")) {
				List<Term> expanded = expand(rule.listParam(side), binding);
				if (sides.contains(side) && expanded.isEmpty()) {
					throw binding.isEmpty() ? new Problem("config.rules.no-cell", side)
							: new Problem("config.rules.no-cell.for", side, binding);
				}
				for (Term term : expanded) {
					if (format.cell(term.cell()).isEmpty()) {
						throw binding.isEmpty() ? new Problem("config.rules.term", term.cellCode(), format.id())
								: new Problem("config.rules.term.for", term.cellCode(), binding, format.id());
					}
					previous |= term.previous();
				}
				terms.put(side, expanded);
			}
			bindings.add(new CompiledRule.Binding(terms.get("left"), terms.get("right"), terms.get("cells")));
		}
		return new CompiledRule(rule, op, "left".equals(anchor), rule.kind() == RuleKind.JUMP || previous, bindings);
	}

	/**
	 * A {@code NARRATIVE} rule: its left side is the 总体情况 figure, its right side the cell. Both must be
	 * the format's, and a consolidation says how many units stated it only with its INFO texts.
	 */
	private CompiledRule narrative(RuleDef rule, CompiledRule.Op op) {
		String narrative = rule.param("narrative");
		String cell = rule.param("cell");
		if (narrative == null || format.narrativeMetric(narrative).isEmpty()) {
			throw new Problem("config.rules.narrative", narrative, format.id());
		}
		if (cell == null || format.cell(cell).isEmpty()) {
			throw new Problem("config.rules.narrative.cell", cell, format.id());
		}
		Map<String, Object> texts = rule.mapParam("notAssessable");
		if (texts.get("zh") == null || texts.get("en") == null) {
			throw new Problem("config.rules.narrative.texts");
		}
		return new CompiledRule(rule, op, true, false,
				List.of(new CompiledRule.Binding(List.of(new Term(narrative, 1)), List.of(new Term(cell, 1)), List.of())));
	}

	/** Every binding of the rule's forEach variables, in order; one empty binding when it has none. */
	private List<Map<String, String>> bindings(RuleDef rule) {
		List<Map<String, String>> result = new ArrayList<>();
		result.add(new LinkedHashMap<>());
		for (Map.Entry<String, Object> each : rule.mapParam("forEach").entrySet()) {
			List<String> values = valuesOf(each.getValue());
			List<Map<String, String>> next = new ArrayList<>();
			for (Map<String, String> binding : result) {
				for (String value : values) {
					Map<String, String> extended = new LinkedHashMap<>(binding);
					extended.put(each.getKey(), value);
					next.add(extended);
				}
			}
			result = next;
		}
		return result;
	}

	private List<String> valuesOf(Object source) {
		if (source instanceof List<?> list) {
			return list.stream().map(Object::toString).toList();
		}
		String spec = source.toString();
		if (spec.startsWith("columns:")) {
			String name = spec.substring("columns:".length());
			if (!format.columnSets().containsKey(name)) {
				throw new Problem("config.rules.columns", spec, format.id(), name);
			}
			return format.columnSet(name).stream().map(ColumnDef::code).toList();
		}
		if (spec.startsWith("rows:")) {
			List<String> rows = format.rowsOf(spec.substring("rows:".length())).stream().map(RowDef::code).toList();
			if (rows.isEmpty()) {
				throw new Problem("config.rules.rows", spec, format.id());
			}
			return rows;
		}
		throw new Problem("config.rules.source", spec);
	}

	private List<Term> expand(List<String> written, Map<String, String> binding) {
		List<Term> terms = new ArrayList<>();
		for (String term : written) {
			int weight = 1;
			String text = term.strip();
			if (text.startsWith("-")) {
				weight = -1;
				text = text.substring(1).strip();
			}
			for (Map.Entry<String, String> var : binding.entrySet()) {
				text = text.replace("{" + var.getKey() + "}", var.getValue());
			}
			if (text.contains("{")) {
				throw new Problem("config.rules.unbound", term);
			}
			if (text.startsWith("@")) {
				int dot = text.indexOf('.');
				String setName = dot < 0 ? text.substring(1) : text.substring(1, dot);
				String rest = dot < 0 ? "" : text.substring(dot);
				List<String> members = sets.get(setName);
				if (members == null) {
					throw new Problem("config.rules.set", setName, term);
				}
				for (String member : members) {
					terms.add(new Term(member + rest, weight));
				}
			}
			else {
				terms.add(new Term(text, weight));
			}
		}
		return terms;
	}

}
