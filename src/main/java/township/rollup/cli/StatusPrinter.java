package township.rollup.cli;

import java.util.List;

import org.springframework.stereotype.Component;

import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;

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
		Texts t = new Texts(settings.english());
		List<StatusStore.Line> board = status.board(year);
		if (board.isEmpty()) {
			Console.OUT.println(t.t(year + " 年度还没有运行过。", "No run for " + year + " yet."));
			return ExitCodes.OK;
		}
		Console.OUT.println(t.t("区划代码       单位名称        状态    版本  错误  警告  文件",
				"unit code      name            status    ver  errors warnings file"));
		for (StatusStore.Line line : board) {
			var version = line.submissionId() == null ? null : submissions.byId(line.submissionId()).orElse(null);
			boolean conflict = "CONFLICT".equals(line.reason());
			String state = t.english() ? line.status().en() : line.status().zh();
			if (conflict) {
				state += t.t("（多个文件）", " (several files)");
			}
			Console.OUT.println(String.format("%-14s %-14s %-8s %4s %5d %5d  %s", line.unitCode(), line.unitName(), state,
					version == null ? "" : "v" + version.version(), line.errorCount(), line.warningCount(),
					version == null || conflict ? "" : version.fileName()));
		}
		return ExitCodes.OK;
	}

}
