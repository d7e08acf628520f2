package township.rollup.board;

import java.util.Comparator;
import java.util.Set;

import township.rollup.i18n.Messages;

/**
 * What a line of the status board means to the people who act on it, in the order they act: a file to
 * correct first (rejected by the rules, then returned by the office), then a file overdue ({@link Deadline}), then a file to send, then warnings to explain, then levels still waiting for their units;
 * accepted lines last. The pages and the workbook sort and word the board by this.
 */
public enum BoardState {

	REJECTED(0, true), CONFLICT(0, true), RETURNED(1, true), LATE(2, true), MISSING(3, true), OPEN_WARNINGS(4, true),
	LEVEL_INCOMPLETE(5, false), EXPLAINED(6, false), ACCEPTED(7, false), COVERED(8, false), LEVEL_COMPLETE(8, false);

	private final int rank;

	private final boolean needsAction;

	BoardState(int rank, boolean needsAction) {
		this.rank = rank;
		this.needsAction = needsAction;
	}

	/**
	 * A line's state; {@code ownFiles} are the units that stand on a file of their own, whose units need
	 * send nothing.
	 */
	public static BoardState of(BoardLine line, boolean covered) {
		return of(line, covered, Deadline.none());
	}

	/** A line's state, late instead of missing once the deadline has passed. */
	public static BoardState of(BoardLine line, boolean covered, Deadline deadline) {
		return switch (line.status()) {
			case REJECTED -> "CONFLICT".equals(line.reason()) ? CONFLICT : REJECTED;
			case MISSING -> covered ? COVERED : deadline.late(line) ? LATE : MISSING;
			case CONSOLIDATED -> line.completeCount() >= line.childrenCount() ? LEVEL_COMPLETE : LEVEL_INCOMPLETE;
			case ACCEPTED -> line.returned() ? RETURNED : line.openWarningCount() > 0 ? OPEN_WARNINGS : line.warningCount() > 0 ? EXPLAINED : ACCEPTED;
		};
	}

	/** Whether a unit of the registry is below one whose own file counts for it. */
	public static boolean covered(township.rollup.registry.Registry registry, String unitCode, Set<String> ownFiles) {
		for (var p = registry.member(unitCode).flatMap(registry::parent); p.isPresent(); p = registry.parent(p.get())) {
			if (ownFiles.contains(p.get().code())) {
				return true;
			}
		}
		return false;
	}

	public int rank() {
		return rank;
	}

	/** Whether the unit has to do something (correct, send or explain). */
	public boolean needsAction() {
		return needsAction;
	}

	/** The CSS class and message key part: {@code rejected}, {@code open-warnings}, … */
	public String css() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The state in words, with its numbers: errors, open warnings, complete units of a level. */
	public String describe(Messages m, BoardLine line) {
		return m.get("report.state." + key(), line.errorCount(), line.openWarningCount(), line.warningCount(),
				line.completeCount(), line.childrenCount());
	}

	/** What has to happen, or {@code ""}. */
	public String action(Messages m) {
		return needsAction || this == LEVEL_INCOMPLETE ? m.get("report.action." + key()) : "";
	}

	/** What needs action first, then by code. */
	public static final Comparator<BoardLine> order(java.util.function.Function<BoardLine, BoardState> state) {
		return Comparator.comparingInt((BoardLine l) -> state.apply(l).rank())
			.thenComparing(l -> -l.errorCount())
			.thenComparing(l -> -l.openWarningCount())
			.thenComparing(BoardLine::unitCode);
	}

}
