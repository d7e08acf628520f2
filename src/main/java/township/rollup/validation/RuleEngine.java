package township.rollup.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import township.rollup.ingest.Inbox;
import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.CompiledRule;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleKind;
import township.rollup.rules.Term;
import township.rollup.rules.Where;

/**
 * Evaluates the catalogue's rules of a subject's format. Java holds the kinds; the rules are data:
 *
 * <ul>
 * <li>{@code BALANCE}: sum(left) {@code op} sum(right), {@code op} one of {@code =} (default), {@code <=},
 * {@code >=}. The finding is addressed to the first cell of the {@code anchor} side ({@code right} by
 * default); {@code actual} is that side's sum, {@code expected} the other's.</li>
 * <li>{@code ZERO}: each cell must be 0, for the unit kinds listed in {@code unitKinds}.</li>
 * <li>{@code COINCIDE}: sum(left) equal to sum(right) when that is at least {@code minValue} is
 * suspicious (small numbers coincide by chance).</li>
 * <li>{@code JUMP}: a cell that grew or shrank by more than {@code ratio} times since last year, from a
 * base of at least {@code minBase}.</li>
 * <li>{@code NARRATIVE}: a number stated in 总体情况 against a table's cell, when both are present; for
 * consolidated totals only when every report summed stated it.</li>
 * </ul>
 *
 * The rules arrive compiled ({@link CompiledRule}): kinds and terms were checked when the catalogue loaded.
 * A term written {@code prev:<cell>} is last year's value. Rules with such terms, and {@code JUMP},
 * compare years: without last year's accepted report they are reported as not assessable (INFO), never
 * passed and never failed. An operand that is blank or text makes a rule not assessable too; the cell
 * already has its own finding, so nothing is added for it.
 */
public final class RuleEngine {

	private final ReportFormats formats;

	private final FindingFactory findings;

	public RuleEngine(ReportFormats formats, FindingFactory findings) {
		this.formats = formats;
		this.findings = findings;
	}

	/** The kind of the catalogue's rule {@code ruleId}. */
	public RuleKind kindOf(String ruleId) {
		return findings.catalogue().rule(ruleId).kind();
	}

	public List<Finding> check(Subject subject) {
		RuleCatalogue catalogue = findings.catalogue();
		ReportFormat format = formats.get(subject.formatId());
		List<Finding> out = new ArrayList<>();
		for (CompiledRule rule : catalogue.compiled(format.id())) {
			if (!findings.overrides().isEnabled(rule.id())) {
				continue;
			}
			if (rule.crossYear()) {
				if (subject.prior() == null) {
					continue;
				}
				String previousFormat = rule.def().param("previousFormat");
				if (previousFormat != null && !previousFormat.equals(subject.prior().formatId())) {
					continue; // the comparison does not exist across these formats: nothing to assess
				}
				if (subject.prior().isMissing()) {
					findings.notAssessable(rule.def(), Where.file(subject.fileName()), subject.prior().year())
						.ifPresent(out::add);
					continue;
				}
			}
			switch (rule.kind()) {
				case BALANCE -> balance(rule, subject, format, out);
				case ZERO -> zero(rule, subject, format, out);
				case COINCIDE -> coincide(rule, subject, format, out);
				case JUMP -> jump(rule, subject, format, out);
				case NARRATIVE -> narrative(rule, subject, format, out);
				case BUILTIN -> throw new IllegalStateException("rule " + rule.id() + " is raised by the reader");
			}
		}
		return out;
	}

	private void balance(CompiledRule rule, Subject subject, ReportFormat format, List<Finding> out) {
		boolean anchorLeft = rule.anchorLeft();
		for (CompiledRule.Binding e : rule.bindings()) {
			List<Term> left = e.left();
			List<Term> right = e.right();
			BigDecimal leftSum = sum(left, subject);
			BigDecimal rightSum = sum(right, subject);
			if (leftSum == null || rightSum == null) {
				continue;
			}
			if (rule.op().holds(leftSum.compareTo(rightSum))) {
				continue;
			}
			List<Term> anchorSide = anchorLeft ? left : right;
			BigDecimal actual = anchorLeft ? leftSum : rightSum;
			BigDecimal expected = anchorLeft ? rightSum : leftSum;
			report(rule, subject, format, anchorOf(anchorSide), expected, actual, out);
		}
	}

	private void zero(CompiledRule rule, Subject subject, ReportFormat format, List<Finding> out) {
		List<String> kinds = rule.def().listParam("unitKinds");
		if (!kinds.isEmpty() && kinds.stream().noneMatch(k -> subject.unitKind().endsWith(k))) {
			return;
		}
		for (CompiledRule.Binding e : rule.bindings()) {
			for (Term term : e.cells()) {
				BigDecimal value = subject.value(term.cellCode());
				if (value != null && value.signum() != 0) {
					report(rule, subject, format, term.cellCode(), BigDecimal.ZERO, value, out);
				}
			}
		}
	}

	private void coincide(CompiledRule rule, Subject subject, ReportFormat format, List<Finding> out) {
		BigDecimal minValue = new BigDecimal(findings.overrides().param(rule.def(), "minValue"));
		for (CompiledRule.Binding e : rule.bindings()) {
			List<Term> left = e.left();
			List<Term> right = e.right();
			BigDecimal leftSum = sum(left, subject);
			BigDecimal rightSum = sum(right, subject);
			if (leftSum != null && rightSum != null && rightSum.compareTo(minValue) >= 0
					&& leftSum.compareTo(rightSum) == 0) {
				report(rule, subject, format, anchorOf(left), rightSum, leftSum, out);
			}
		}
	}

	private void jump(CompiledRule rule, Subject subject, ReportFormat format, List<Finding> out) {
		BigDecimal ratio = new BigDecimal(findings.overrides().param(rule.def(), "ratio"));
		BigDecimal minBase = new BigDecimal(findings.overrides().param(rule.def(), "minBase"));
		for (CompiledRule.Binding e : rule.bindings()) {
			for (Term term : e.cells()) {
				BigDecimal now = subject.value(term.cellCode());
				BigDecimal before = subject.prior().values().get(term.cellCode());
				if (now == null || before == null || before.compareTo(minBase) < 0) {
					continue;
				}
				if (now.compareTo(before.multiply(ratio)) > 0 || now.multiply(ratio).compareTo(before) < 0) {
					report(rule, subject, format, term.cellCode(), before, now, out,
							Map.of("ratio", FindingFactory.plain(ratio), "previousYear", subject.prior().year()));
				}
			}
		}
	}

	/**
	 * The 总体情况 figure against the table's cell, when the report has both. The finding stands at the
	 * cell (the form's place, which every output orders by) and names both numbers and the line of each;
	 * {@code expected} is the figure stated, {@code actual} the table's. Consolidated totals are compared
	 * only when every report summed stated the figure: a sum over some units against the table of all would
	 * be a warning nobody can act on, so then an INFO says how many stated it (or, for a unit's own
	 * consolidated file, that nobody can tell).
	 */
	private void narrative(CompiledRule rule, Subject subject, ReportFormat format, List<Finding> out) {
		CompiledRule.Binding binding = rule.bindings().get(0);
		String figure = binding.left().get(0).cell();
		String cell = binding.right().get(0).cell();
		BigDecimal stated = subject.value(figure);
		BigDecimal table = subject.value(cell);
		if (stated == null || table == null) {
			return;
		}
		Map<String, Object> args = new HashMap<>();
		args.put("stated", stated);
		args.put("tableValue", table);
		args.put("statedLine", subject.line(figure));
		args.put("workbook", Inbox.Named.of(subject.fileName()) == Inbox.Named.XLSX);
		Subject.Coverage coverage = subject.coverage();
		// consolidated totals: no NOTE can explain them, their units' own findings say where it differs
		args.put("level", coverage != null);
		if (coverage != null && !coverage.complete(figure)) {
			args.put("counted", coverage.isKnown());
			args.put("statedCount", coverage.statedOf(figure));
			args.put("reports", coverage.reports());
			findings.notAssessable(rule.def(), where(subject, format, cell), args).ifPresent(out::add);
			return;
		}
		if (stated.compareTo(table) != 0) {
			report(rule, subject, format, cell, stated, table, out, args);
		}
	}

	private void report(CompiledRule rule, Subject subject, ReportFormat format, String anchor, BigDecimal expected,
			BigDecimal actual, List<Finding> out) {
		report(rule, subject, format, anchor, expected, actual, out,
				subject.prior() == null ? Map.of() : Map.of("previousYear", subject.prior().year()));
	}

	private void report(CompiledRule rule, Subject subject, ReportFormat format, String anchor, BigDecimal expected,
			BigDecimal actual, List<Finding> out, Map<String, ?> args) {
		findings.create(rule.def(), where(subject, format, anchor), expected, actual, args).ifPresent(out::add);
	}

	private static String anchorOf(List<Term> side) {
		return side.stream().filter(t -> !t.previous()).findFirst().orElse(side.get(0)).cell();
	}

	private static BigDecimal sum(List<Term> terms, Subject subject) {
		BigDecimal total = BigDecimal.ZERO;
		for (Term term : terms) {
			BigDecimal value;
			if (term.previous()) {
				value = subject.prior() == null || subject.prior().isMissing() ? null
						: subject.prior().values().get(term.cell());
			}
			else {
				value = subject.value(term.cellCode());
			}
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
