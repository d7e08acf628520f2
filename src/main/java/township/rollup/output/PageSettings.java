package township.rollup.output;

import java.time.Clock;
import java.time.Instant;

import township.rollup.board.BoardState;
import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;

/**
 * The settings every readable output is written with: the publication's language, which feedback pages
 * to write, the office's time zone and the clock.
 */
record PageSettings(Messages m, FeedbackSelection feedbackPages, OfficeTime times, Clock clock) {

	String time(Instant instant) {
		return times.format(instant);
	}

	/** Whether a unit in {@code state} that has something to show gets a feedback page. */
	boolean writesPage(BoardState state) {
		return switch (feedbackPages) {
			case ALL -> true;
			case ACTION -> state.needsAction();
			case NONE -> false;
		};
	}

	static String shortHash(String hash) {
		return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
	}

}
