package township.rollup.board;

import java.util.Locale;

/** A unit's line on the board: its file accepted or rejected, no file, or summed from its units. */
public enum UnitStatus {

	ACCEPTED, REJECTED, MISSING, CONSOLIDATED;

	/**
	 * Its stable code in files read by machines (status.csv's {@code status} column): {@code accepted},
	 * {@code rejected}, …, whatever the words people read.
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Its words in the message catalogue. */
	public String key() {
		return "status." + name().toLowerCase(Locale.ROOT);
	}

}
