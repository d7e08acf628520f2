package township.rollup.rollup;

import java.util.HashMap;
import java.util.List;

import township.rollup.rules.Finding;
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

	public void verify(Totals totals, String unitCode, String label) {
		List<Finding> broken = engine.check(new Subject(label, totals.formatId(), unitCode, totals.cells(), new HashMap<>()))
			.stream()
			.filter(f -> f.severity() == Severity.ERROR)
			.toList();
		if (!broken.isEmpty()) {
			StringBuilder message = new StringBuilder("BUG: the consolidated totals of " + unitCode
					+ " break " + broken.size() + " identities, although every contribution passed them:");
			broken.stream().limit(10).forEach(f -> message.append("\n  ").append(f.ruleId()).append(' ')
				.append(f.where().cellCode()).append(": ").append(f.messageEn()));
			throw new ConsolidationBug(message.toString());
		}
	}

	/** The totals contradict the rules they were built under. */
	public static final class ConsolidationBug extends IllegalStateException {

		public ConsolidationBug(String message) {
			super(message);
		}

	}

}
