package township.rollup.assessment;

import township.rollup.registry.Registry;

/** What a verdict depends on besides the file itself: the run's year and the registry. */
public record AssessmentContext(int year, Registry registry) {
}
