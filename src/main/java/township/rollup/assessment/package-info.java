/**
 * One submission's verdict: identity checks and the rule engine on top of what ingest read, in the
 * context of a run (year, registry, rule overrides). Plain Java.
 */
package township.rollup.assessment;
