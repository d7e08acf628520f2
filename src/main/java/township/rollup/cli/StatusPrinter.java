package township.rollup.cli;

import java.util.List;

import org.springframework.stereotype.Component;

import township.rollup.board.BoardLine;
import township.rollup.cli.ConsoleTable.Align;
import township.rollup.i18n.Messages;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;
import township.rollup.submission.TextLimits;

/** Prints the status board as a table. */
@Component
class StatusPrinter {

	private final StatusStore status;

	private final SubmissionStore submissions;

	private final RollupProperties settings;

	StatusPrinter(StatusStore status, SubmissionStore submissions, RollupProperties settings) {
		this.status = status;
		this.submissions = submissions;
		this.settings = settings;
	}

	int print(int year) {
		Messages t = settings.messages();
		List<BoardLine> board = status.board(year);
		if (board.isEmpty()) {
			Console.OUT.println(t.get("cli.status.none", year));
			return ExitCodes.OK;
		}
		List<String> columns = List.of("code", "name", "status", "version", "errors", "warnings", "file");
		ConsoleTable table = new ConsoleTable(columns.stream().map(c -> t.get("cli.status.column." + c)).toList(),
				List.of(Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT));
		for (BoardLine line : board) {
			var version = line.submissionId() == null ? null : submissions.byId(line.submissionId()).orElse(null);
			boolean conflict = "CONFLICT".equals(line.reason());
			String state = t.get(line.status().key()) + (conflict ? t.get("cli.status.conflict") : "");
			table.row(java.util.Arrays.asList(line.unitCode(), line.unitName(), state, version == null ? "" : "v" + version.version(),
					String.valueOf(line.errorCount()), String.valueOf(line.warningCount()),
					version == null || conflict ? "" : TextLimits.name(version.fileName())));
		}
		table.lines().forEach(Console.OUT::println);
		return ExitCodes.OK;
	}

}
