package township.rollup.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's explanations (审核说明) by rule id, applied to its findings: a warning of a rule the file
 * explains carries the text; errors and infos never do. Reading and assessing both use this, so a
 * warning raised either way is explained the same way. Two notes for one rule are joined. A note with no
 * text explains nothing: the feedback page offers {@code NOTE,<rule>,} to copy, and a copy sent back
 * without the reason must leave the warning open (the assessor says so with NOTE-UNUSED).
 */
public record Explanations(Map<String, String> byRule) {

	/** From {@code (rule id, text)} pairs in file order. */
	public static Explanations of(List<Map.Entry<String, String>> notes) {
		Map<String, String> byRule = new LinkedHashMap<>();
		notes.stream()
			.filter(n -> n.getValue() != null && !n.getValue().isBlank())
			.forEach(n -> byRule.merge(n.getKey(), n.getValue(), (a, b) -> a + "；" + b));
		return new Explanations(byRule);
	}

	public List<Finding> apply(List<Finding> findings) {
		List<Finding> out = new ArrayList<>(findings.size());
		for (Finding f : findings) {
			String text = byRule.get(f.ruleId());
			out.add(f.severity() == Severity.WARNING && text != null ? f.explained(text) : f);
		}
		return out;
	}

}
