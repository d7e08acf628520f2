package township.rollup.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleDef;
import township.rollup.rules.Where;

/**
 * Evaluates the catalogue's rules for a subject's format. Rules of kind {@code INGEST} are raised while
 * reading and are skipped here. An identity whose operands are not all numbers is not assessable: the
 * blank or text cell already has its own finding, and the identity is not reported on top of it.
 */
public final class RuleEngine {

	private final ReportFormats formats;

	private final FindingFactory findings;

	public RuleEngine(ReportFormats formats, FindingFactory findings) {
		this.formats = formats;
		this.findings = findings;
	}

	public List<Finding> check(Subject subject) {
		RuleCatalogue catalogue = findings.catalogue();
		ReportFormat format = formats.get(subject.formatId());
		TermExpander expander = new TermExpander(format, catalogue.sets(format.id()));
		List<Finding> out = new ArrayList<>();
		for (RuleDef rule : catalogue.formatRules(format.id())) {
			switch (rule.kind()) {
				case "BALANCE" -> balance(rule, subject, format, expander, out);
				default -> throw new IllegalStateException("rule " + rule.id() + ": unknown kind " + rule.kind());
			}
		}
		return out;
	}

	/** sum(left) must equal sum(right); the finding points at the first cell on the right. */
	private void balance(RuleDef rule, Subject subject, ReportFormat format, TermExpander expander,
			List<Finding> out) {
		for (Map<String, String> binding : expander.bindings(rule)) {
			List<Term> left = expander.expand(rule.listParam("left"), binding, rule);
			List<Term> right = expander.expand(rule.listParam("right"), binding, rule);
			BigDecimal expected = sum(left, subject);
			BigDecimal actual = sum(right, subject);
			if (expected == null || actual == null || expected.compareTo(actual) == 0) {
				continue;
			}
			String anchor = right.get(0).cellCode();
			out.addAll(findings.create(rule, where(subject, format, anchor), expected, actual, Map.of()).stream()
				.toList());
		}
	}

	private static BigDecimal sum(List<Term> terms, Subject subject) {
		BigDecimal total = BigDecimal.ZERO;
		for (Term term : terms) {
			BigDecimal value = subject.value(term.cellCode());
			if (value == null) {
				return null;
			}
			total = term.weight() > 0 ? total.add(value) : total.subtract(value);
		}
		return total;
	}

	static Where where(Subject subject, ReportFormat format, String cellCode) {
		CellDef cell = format.cell(cellCode)
			.orElseThrow(() -> new IllegalStateException("format " + format.id() + " has no cell " + cellCode));
		return Where.file(subject.fileName())
			.atLine(subject.line(cellCode))
			.row(cell.tableCode(), format.table(cell.tableCode()).name(), cell.row().code(), cell.row().label())
			.column(cell.column().code(), cell.column().displayLabel());
	}

}
