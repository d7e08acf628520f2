package township.rollup.rules;

import java.util.List;

/**
 * A rule of a format as the engine runs it, compiled once when the catalogue loads: its kind and operator
 * typed, its variables bound and its {@code @sets} expanded into cells that the format has.
 *
 * @param def the rule as written (texts, severity, parameters a year may override)
 * @param op how the sides of a {@code BALANCE} compare ({@code =} unless written)
 * @param anchorLeft whether a finding points at the left side's first cell (else the right side's)
 * @param crossYear whether the rule compares with last year's report ({@code JUMP}, or a {@code prev:} term)
 * @param bindings the terms, one entry per binding of the rule's {@code forEach} variables
 */
public record CompiledRule(RuleDef def, Op op, boolean anchorLeft, boolean crossYear, List<Binding> bindings) {

	public CompiledRule {
		bindings = List.copyOf(bindings);
	}

	public String id() {
		return def.id();
	}

	public RuleKind kind() {
		return def.kind();
	}

	/** The terms of one binding; a side a kind does not use is empty. */
	public record Binding(List<Term> left, List<Term> right, List<Term> cells) {

		public Binding {
			left = List.copyOf(left);
			right = List.copyOf(right);
			cells = List.copyOf(cells);
		}

	}

	/** The comparison of a {@code BALANCE}. */
	public enum Op {

		EQUAL("="), AT_MOST("<="), AT_LEAST(">=");

		private final String written;

		Op(String written) {
			this.written = written;
		}

		/** Whether {@code left.compareTo(right)} satisfies the comparison. */
		public boolean holds(int comparison) {
			return switch (this) {
				case EQUAL -> comparison == 0;
				case AT_MOST -> comparison <= 0;
				case AT_LEAST -> comparison >= 0;
			};
		}

		static Op parse(String written) {
			for (Op op : values()) {
				if (op.written.equals(written)) {
					return op;
				}
			}
			return null;
		}

	}

}
