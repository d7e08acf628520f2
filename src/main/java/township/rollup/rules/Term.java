package township.rollup.rules;

/**
 * One operand of a rule after compiling: a cell and its weight (+1 or −1). A cell code written
 * {@code prev:<cell>} is last year's value of that cell.
 */
public record Term(String cellCode, int weight) {

	static final String PREV = "prev:";

	/** Whether this is last year's value. */
	public boolean previous() {
		return cellCode.startsWith(PREV);
	}

	/** The cell of the format, without {@code prev:}. */
	public String cell() {
		return previous() ? cellCode.substring(PREV.length()) : cellCode;
	}

}
