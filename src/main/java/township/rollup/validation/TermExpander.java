package township.rollup.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import township.rollup.reportformat.ColumnDef;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.RowDef;
import township.rollup.rules.RuleDef;

/**
 * Expands a rule's written terms into cells. {@code forEach} binds variables to a list:
 * {@code columns:<set>} (the column codes of a column set), {@code rows:<table>} (the row codes of a
 * table) or a literal list. A term is a cell code with {@code {variable}} placeholders; {@code @name}
 * expands a named set of the rule file; a leading {@code -} subtracts.
 */
final class TermExpander {

	private final ReportFormat format;

	private final Map<String, List<String>> sets;

	TermExpander(ReportFormat format, Map<String, List<String>> sets) {
		this.format = format;
		this.sets = sets;
	}

	/** Every binding of the rule's forEach variables, in order; one empty binding when it has none. */
	List<Map<String, String>> bindings(RuleDef rule) {
		List<Map<String, String>> result = new ArrayList<>();
		result.add(new LinkedHashMap<>());
		for (Map.Entry<String, Object> each : rule.mapParam("forEach").entrySet()) {
			List<String> values = valuesOf(each.getValue(), rule);
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

	private List<String> valuesOf(Object source, RuleDef rule) {
		if (source instanceof List<?> list) {
			return list.stream().map(Object::toString).toList();
		}
		String spec = source.toString();
		if (spec.startsWith("columns:")) {
			return format.columnSet(spec.substring("columns:".length())).stream().map(ColumnDef::code).toList();
		}
		if (spec.startsWith("rows:")) {
			return format.rowsOf(spec.substring("rows:".length())).stream().map(RowDef::code).toList();
		}
		throw new IllegalStateException("rule " + rule.id() + ": unknown forEach source " + spec);
	}

	List<Term> expand(List<String> written, Map<String, String> binding, RuleDef rule) {
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
				throw new IllegalStateException("rule " + rule.id() + ": unbound variable in term " + term);
			}
			if (text.startsWith("@")) {
				int dot = text.indexOf('.');
				String setName = dot < 0 ? text.substring(1) : text.substring(1, dot);
				String rest = dot < 0 ? "" : text.substring(dot);
				List<String> members = sets.get(setName);
				if (members == null) {
					throw new IllegalStateException("rule " + rule.id() + ": unknown set @" + setName);
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
