/**
 * Spring Batch wiring only: the jobs, their steps, and thin readers, processors, writers and tasklets
 * around the plain-Java rooms. One job per command ({@code ingestJob}, {@code rollupJob},
 * {@code nightlyJob}, {@code annualJob}) over shared steps.
 */
package township.rollup.batch;
