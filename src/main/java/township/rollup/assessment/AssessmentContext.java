package township.rollup.assessment;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.validation.Subject;

/**
 * What a verdict depends on besides the file itself: the run's year and the format it consolidates in,
 * the registry and the unit the file speaks for, and the unit's accepted report of the year before
 * ({@code null} when cross-year rules are not evaluated).
 */
public record AssessmentContext(int year, String yearFormat, Registry registry, Unit unit, Subject.Prior prior) {

	/** A report read on its own, in the year's default format, with no cross-year comparison. */
	public AssessmentContext(int year, Registry registry) {
		this(year, null, registry, null, null);
	}

}
