/**
 * The rule catalogue and the findings it produces. Every check the product makes, from "file is empty"
 * to "表三 T3-ROW", is a rule with a stable id, a scope, a severity and message templates in Chinese and
 * English, loaded from {@code resources/rules/} and compiled there and then ({@link township.rollup.rules.CompiledRule}):
 * a rule that cannot run is a {@link township.rollup.rules.RuleFileException} before any job. Plain Java: no
 * Spring, no Batch.
 */
package township.rollup.rules;
