package township.rollup.rules;

import java.util.List;

/**
 * The Java classes of checks; the rules are data of one of these kinds. Each kind lists the keys a rule of
 * it may carry besides the common ones, so that a misspelt key is an error when the catalogue loads, not a
 * rule that silently checks nothing.
 */
public enum RuleKind {

	/** Raised by the product's own code while reading and identifying a file. */
	BUILTIN(List.of()),
	/** sum(left) op sum(right). */
	BALANCE(List.of("forEach", "left", "right", "op", "anchor", "previousFormat")),
	/** Each cell must be 0, for the unit kinds listed. */
	ZERO(List.of("forEach", "cells", "unitKinds", "previousFormat")),
	/** sum(left) equal to sum(right) of at least minValue is suspicious. */
	COINCIDE(List.of("forEach", "left", "right", "minValue", "previousFormat")),
	/** A cell that changed more than ratio times since last year, from at least minBase. */
	JUMP(List.of("forEach", "cells", "ratio", "minBase", "previousFormat")),
	/**
	 * A number stated in 总体情况 ({@code narrative}, a {@code NARR.*} code) against a table's cell
	 * ({@code cell}), when both are present. A consolidation's narrative figure sums only the units that
	 * stated it: there the two are compared only when every unit summed stated it, else an INFO
	 * ({@code notAssessable}) says how many did.
	 */
	NARRATIVE(List.of("narrative", "cell"));

	private final List<String> keys;

	RuleKind(List<String> keys) {
		this.keys = keys;
	}

	List<String> keys() {
		return keys;
	}

}
