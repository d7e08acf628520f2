/**
 * The message catalogue: every text people read that is not a finding's message, in Chinese (the
 * default) and English, from resource bundles. Plain Java.
 */
package township.rollup.i18n;
