/**
 * Up the registry's tree, level by level: exact cell-by-cell sums of the accepted files of the units
 * below each level, in {@code BigDecimal} ({@code Consolidation} over {@code Tree}), what each level's totals
 * rest on ({@code Basis}), and the check that the sums keep every identity. Plain Java.
 */
package township.rollup.rollup;
