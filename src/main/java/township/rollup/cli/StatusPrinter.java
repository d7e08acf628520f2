package township.rollup.cli;

import java.util.List;

import org.springframework.stereotype.Component;

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
		List<StatusStore.Line> board = status.board(year);
		if (board.isEmpty()) {
			Console.OUT.println(t.get("cli.status.none", year));
			return ExitCodes.OK;
		}
		Console.OUT.println(t.get("cli.status.header"));
		for (StatusStore.Line line : board) {
			var version = line.submissionId() == null ? null : submissions.byId(line.submissionId()).orElse(null);
			boolean conflict = "CONFLICT".equals(line.reason());
			String state = t.english() ? line.status().en() : line.status().zh();
			if (conflict) {
				state += t.get("cli.status.conflict");
			}
			Console.OUT.println(String.format("%-14s %-14s %-8s %4s %5d %5d  %s", line.unitCode(), line.unitName(), state,
					version == null ? "" : "v" + version.version(), line.errorCount(), line.warningCount(),
					version == null || conflict ? "" : TextLimits.name(version.fileName())));
		}
		return ExitCodes.OK;
	}

}
