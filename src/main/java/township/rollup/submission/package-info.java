/**
 * The domain values every room shares: a received file, the cells read from it, and its metadata.
 * Records only.
 */
package township.rollup.submission;
