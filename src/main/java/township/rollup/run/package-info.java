/**
 * What one run works from, loaded and checked once before the job starts: the registry, this year's and
 * last year's settings, and the inbox as listed and hashed. A mistake in any of them is a configuration
 * error naming the file and line, never a failed run. Plain Java.
 */
package township.rollup.run;
