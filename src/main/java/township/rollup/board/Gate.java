package township.rollup.board;

import java.util.ArrayList;
import java.util.List;

import township.rollup.rollup.Tree;

/**
 * The annual completeness gate's verdict on a board: the year may become final when every level of the
 * tree is complete (every unit that counts accepted), no accepted file has an unexplained warning, and no
 * unit's own file stands beside its units' files (a version the office returned counts as not accepted); otherwise the reports stay provisional, for the
 * {@link Reason reasons} listed. {@code notAccepted} and {@code openWarnings} are what the run summary
 * quotes: units that send files and have no accepted file, and the warnings not explained on the board.
 */
public record Gate(List<Reason> reasons, long notAccepted, int openWarnings, List<Tree.Overlap> overlaps) {

	/** Why the year may not become final. */
	public enum Reason {

		/** Nothing has been assessed this year. */
		EMPTY,

		/** A unit that counts has no accepted file (rejected, missing, or a level still waiting for one). */
		INCOMPLETE,

		/** An accepted file has a warning nobody explained. */
		OPEN_WARNINGS,

		/** A unit's own file stands beside its units' files. */
		OVERLAP

	}

	public Gate {
		reasons = List.copyOf(reasons);
		overlaps = List.copyOf(overlaps);
	}

	static Gate of(Board board) {
		List<Reason> reasons = new ArrayList<>();
		if (board.isEmpty()) {
			reasons.add(Reason.EMPTY);
		}
		else if (!board.tree().level(board.registry().consolidating().code()).complete()) {
			reasons.add(Reason.INCOMPLETE);
		}
		List<BoardLine> lines = board.lines().stream().map(FiledLine::line).toList();
		if (lines.stream().anyMatch(l -> l.status() == UnitStatus.ACCEPTED && l.openWarningCount() > 0)) {
			reasons.add(Reason.OPEN_WARNINGS);
		}
		if (!board.overlaps().isEmpty()) {
			reasons.add(Reason.OVERLAP);
		}
		// a version the office returned is not accepted until the unit sends the next one
		long notAccepted = lines.stream().filter(l -> !l.level() && !l.standsAccepted()).count();
		int open = lines.stream().mapToInt(BoardLine::openWarningCount).sum();
		return new Gate(reasons, notAccepted, open, board.overlaps());
	}

	/** Whether the year may become final. */
	public boolean complete() {
		return reasons.isEmpty();
	}

	/** The stage every consolidated report of the year takes. */
	public String stage() {
		return complete() ? "FINAL" : "PROVISIONAL";
	}

}
