package township.rollup.rollup;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import township.rollup.rules.Finding;
import township.rollup.rules.RuleKind;
import township.rollup.rules.Severity;
import township.rollup.validation.RuleEngine;
import township.rollup.validation.Subject;

/**
 * Re-validates consolidated totals. Since each contribution passed the identities and the identities
 * are linear, a failure here is a bug in the product, never a township's mistake: the run must stop.
 */
public final class TotalsCheck {

	private final RuleEngine engine;

	public TotalsCheck(RuleEngine engine) {
		this.engine = engine;
	}

	/**
	 * Fails on a broken identity; returns the level's own findings: those of the rules that compare a
	 * 总体情况 figure with the tables ({@link RuleKind#NARRATIVE}), whose meaning at a level depends on how
	 * many of its reports stated the figure. The level's other warnings are sums of its units' warnings,
	 * each reported on its unit already.
	 */
	public List<Finding> verify(Totals totals, String unitCode, String label) {
		Map<String, BigDecimal> values = new HashMap<>(totals.cells());
		values.putAll(totals.narrative());
		// every accepted report holds every cell (a blank one is an error), so the most contributors of a
		// cell is the number of reports summed
		int reports = totals.cellContributors().values().stream().mapToInt(Integer::intValue).max().orElse(0);
		List<Finding> found = engine.check(new Subject(label, totals.formatId(), unitCode, "", values, new HashMap<>(),
				null, new Subject.Coverage(reports, totals.narrativeContributors())));
		List<Finding> broken = found.stream().filter(f -> f.severity() == Severity.ERROR).toList();
		if (!broken.isEmpty()) {
			StringBuilder message = new StringBuilder("BUG: the consolidated totals of " + unitCode
					+ " break " + broken.size() + " identities, although every contribution passed them:");
			broken.stream().limit(10).forEach(f -> message.append("\n  ").append(f.ruleId()).append(' ')
				.append(f.where().cellCode()).append(": ").append(f.messageEn()));
			throw new ConsolidationBug(message.toString());
		}
		return found.stream().filter(f -> engine.kindOf(f.ruleId()) == RuleKind.NARRATIVE).toList();
	}

	/** The totals contradict the rules they were built under. */
	public static final class ConsolidationBug extends IllegalStateException {

		public ConsolidationBug(String message) {
			super(message);
		}

	}

}
