package township.rollup.board;

import java.util.Locale;

/** A unit's line on the board: its file accepted or rejected, no file, or summed from its units. */
public enum UnitStatus {

	ACCEPTED, REJECTED, MISSING, CONSOLIDATED;

	/** Its words in the message catalogue. */
	public String key() {
		return "status." + name().toLowerCase(Locale.ROOT);
	}

}
