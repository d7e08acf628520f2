package township.rollup.reportformat;

/** What a template cell may hold. */
public enum CellType {

	/** A non-negative whole number of items (件, 条, 次). */
	COUNT,

	/** A whole number that may be negative or carry a {@code +}: the 2019 {@code 本年增/减} column. */
	SIGNED_COUNT,

	/** A non-negative decimal amount in a stated unit (万元) with at most {@code scale} decimals. */
	AMOUNT

}
