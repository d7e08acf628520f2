package township.rollup.board;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The year's deadline for the units' files ({@code deadline} of the year's settings, in the office's time
 * zone) and the time the board is read at. After the deadline, a unit that sends files and has no
 * accepted one is late: one that sent nothing is shown as late instead of missing, one whose file failed
 * review stays shown as that (it is first anyway), and the unit's page says it is late. Exactly at the
 * deadline, a unit is not late yet.
 */
public record Deadline(Instant at, Instant now) {

	/** No deadline: nobody is ever late. */
	public static Deadline none() {
		return new Deadline(null, Instant.EPOCH);
	}

	/** The deadline of the settings ({@code null}: none) in {@code zone}, read at {@code now}. */
	public static Deadline of(LocalDateTime deadline, ZoneId zone, Instant now) {
		return deadline == null ? none() : new Deadline(deadline.atZone(zone).toInstant(), now);
	}

	public boolean passed() {
		return at != null && now.isAfter(at);
	}

	/** Whether a unit's line is late: the deadline passed and it has no accepted file (a level never is). */
	public boolean late(BoardLine line) {
		return passed() && line.status() != UnitStatus.ACCEPTED && line.status() != UnitStatus.CONSOLIDATED;
	}

}
