/**
 * The rules engine: evaluates the catalogue's rules of each kind against a submission's numbers (or a
 * consolidated report's). Java holds the kinds ({@code BALANCE}, …); the rules themselves are data.
 * Plain Java, unit-testable without Spring.
 */
package township.rollup.validation;
