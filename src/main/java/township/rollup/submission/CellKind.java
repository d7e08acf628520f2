package township.rollup.submission;

/**
 * What a cell held once read. Only {@link #NUMBER} carries a value; a blank is never read as 0, and a
 * rule whose operands are not all numbers cannot be assessed.
 */
public enum CellKind {

	NUMBER, BLANK, NOT_APPLICABLE, TEXT

}
