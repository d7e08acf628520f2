/**
 * Township to city: exact cell-by-cell sums over the accepted submissions, in {@code BigDecimal}, and the
 * check that the sums keep every identity. Plain Java.
 */
package township.rollup.rollup;
