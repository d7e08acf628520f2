/**
 * Realistic test data: a registry tree and submissions that keep every identity unless broken on
 * purpose, with the expected totals of every level computed while they are made. Plain Java.
 */
package township.rollup.generate;
