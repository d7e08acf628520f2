package township.rollup.cli;

import java.util.Optional;

import township.rollup.validation.Subject;

/**
 * Where {@code check} finds a unit's accepted report of the year before, for the cross-year rules. One
 * small seam: the database layer is being reshaped, and only its implementation
 * ({@link CheckCommand#fromStore}) knows how the reports are stored.
 */
@FunctionalInterface
interface PriorReports {

	/** The latest accepted report of the unit for {@code year} (format and numbers), or empty when it has none. */
	Optional<Subject.Prior> priorOf(int year, String unitCode);

}
