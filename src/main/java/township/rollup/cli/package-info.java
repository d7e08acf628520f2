/**
 * How the product is run: the {@code rollup} command line (picocli), its exit codes, the run lock, the
 * settings, and what each command prints. cron is the scheduler; this is one short-lived process a run.
 */
package township.rollup.cli;
