package township.rollup.submission;

import java.math.BigDecimal;

/** One value cell as read: its code (for example {@code T3.r1.np}), the raw text, its kind and value. */
public record Cell(String code, int line, String raw, CellKind kind, BigDecimal value) {

	/** The text as written is kept for people, bounded like everything from a file (TextLimits). */
	public Cell {
		raw = TextLimits.cut(raw, TextLimits.RAW_CELL);
	}

	public boolean isNumber() {
		return kind == CellKind.NUMBER;
	}

}
