package township.rollup.cli;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import township.rollup.board.Board;
import township.rollup.board.BoardLine;
import township.rollup.board.BoardState;
import township.rollup.board.FiledLine;
import township.rollup.cli.ConsoleTable.Align;
import township.rollup.i18n.Messages;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;
import township.rollup.submission.TextLimits;

/** Prints the status board as a table, read against the year's deadline as the pages' board is. */
@Component
class StatusPrinter {

	private final StatusStore status;

	private final SubmissionStore submissions;

	private final RollupProperties settings;

	/** The time the board is read at, against the year's deadline. */
	private final Clock clock;

	StatusPrinter(StatusStore status, SubmissionStore submissions, RollupProperties settings, Clock clock) {
		this.clock = clock;
		this.status = status;
		this.submissions = submissions;
		this.settings = settings;
	}

	int print(int year) {
		Messages t = settings.messages();
		List<BoardLine> lines = status.board(year);
		if (lines.isEmpty()) {
			Console.OUT.println(t.get("cli.status.none", year));
			return ExitCodes.OK;
		}
		Board board = Board.of(settings.loadRegistry(), lines, settings.deadline(year, clock.instant()));
		table(t, board, id -> submissions.byId(id)).forEach(Console.OUT::println);
		return ExitCodes.OK;
	}

	/**
	 * The board as a table, a line per unit in code order: its status (a unit without a file late once the
	 * deadline passed, as the board's state says), version, counts and file; {@code versions} finds a
	 * line's version.
	 */
	static List<String> table(Messages t, Board board, Function<Long, Optional<SubmissionStore.Version>> versions) {
		List<String> columns = List.of("code", "name", "status", "version", "errors", "warnings", "file");
		ConsoleTable table = new ConsoleTable(columns.stream().map(c -> t.get("cli.status.column." + c)).toList(),
				List.of(Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT));
		for (FiledLine filed : board.lines()) {
			BoardLine line = filed.line();
			var version = line.submissionId() == null ? null : versions.apply(line.submissionId()).orElse(null);
			boolean conflict = "CONFLICT".equals(line.reason());
			BoardState state = board.state(line.unitCode());
			String words = state == BoardState.LATE ? state.describe(t, line)
					: t.get(line.status().key()) + (conflict ? t.get("cli.status.conflict") : "");
			table.row(java.util.Arrays.asList(line.unitCode(), line.unitName(), words, version == null ? "" : "v" + version.version(),
					String.valueOf(line.errorCount()), String.valueOf(line.warningCount()),
					version == null || conflict ? "" : TextLimits.name(version.fileName())));
		}
		return table.lines();
	}

}
