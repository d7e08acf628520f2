package township.rollup.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import township.rollup.batch.RunHistory;
import township.rollup.ingest.Inbox;
import township.rollup.output.ReportPublisher;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.rules.Finding;
import township.rollup.rules.RuleOverrides;
import township.rollup.rules.Severity;
import township.rollup.rules.YearSettings;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.StatusStore;
import township.rollup.store.YearStateStore;

/**
 * The few lines a run prints: its outcome, how many townships are accepted, rejected and missing,
 * where the files are, and the top findings. Everything else is in the files and the log.
 */
@Component
public class RunSummary {

	static final int TOP_FINDINGS = 10;

	private final StatusStore status;

	private final FindingStore findings;

	private final ConsolidatedStore consolidated;

	private final JdbcTemplate jdbc;

	private final RollupProperties settings;

	public RunSummary(StatusStore status, FindingStore findings, ConsolidatedStore consolidated, JdbcTemplate jdbc,
			RollupProperties settings) {
		this.status = status;
		this.findings = findings;
		this.consolidated = consolidated;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	void print(Texts t, JobExecution execution, int year, Registry registry, YearSettings settings, Inbox.Scan inbox,
			Duration took) {
		Unit city = registry.consolidating();
		BatchStatus outcome = execution.getStatus();
		String seconds = String.format("%.1f", took.toMillis() / 1000.0);
		Console.OUT.println(t.t(city.name() + "（" + city.code() + "）" + year + " 年度 "
				+ JobRunner.commandOf(execution.getJobInstance().getJobName()) + "："
				+ (outcome == BatchStatus.COMPLETED ? "完成" : "失败") + "（" + outcome + "），用时 " + seconds + " 秒，运行 #"
				+ execution.getId(),
				city.name() + " (" + city.code() + ") " + year + " " + JobRunner.commandOf(execution.getJobInstance().getJobName())
						+ ": " + outcome + " in " + seconds + " s, run #" + execution.getId()));
		if (outcome != BatchStatus.COMPLETED) {
			for (Throwable failure : execution.getAllFailureExceptions()) {
				Console.OUT.println("  " + t.t("原因：", "cause: ") + SpringLauncher.rootMessage(failure));
			}
			Console.OUT.println(t.t("  重新运行同一命令即可从中断处继续；详见 logs/rollup.log。",
					"  Run the same command again to resume where it stopped; see logs/rollup.log."));
			return;
		}
		Integer received = jdbc.queryForObject("SELECT COUNT(*) FROM received_file WHERE job_execution_id = ?",
				Integer.class, execution.getId());
		if (!execution.getJobInstance().getJobName().equals(township.rollup.batch.JobNames.ROLLUP)) {
			Console.OUT.println(t.t("  收件目录文件 " + inbox.entries().size() + " 个，其中新收或有变化 " + received + " 个",
					"  inbox: " + inbox.entries().size() + " files, " + received + " new or changed"));
			printInboxExtras(t, inbox);
		}
		printSettings(t, settings);
		printBoard(t, year, registry);
		printOutputs(t, year, registry);
		printTopFindings(t, year);
	}

	/**
	 * What is in the inbox folder but was not read as a submission, so that nothing there is silently
	 * passed over: sub-folders (a clerk may have put files one level too deep) and hidden or lock files.
	 */
	static void printInboxExtras(Texts t, Inbox.Scan inbox) {
		if (!inbox.folders().isEmpty()) {
			Console.OUT.println(t.t("  收件目录中的子目录不会读取，其中的文件不算报送：",
					"  sub-folders of the inbox are not read, and files in them are not submissions: ")
					+ String.join(t.t("、", ", "), inbox.folders().stream()
						.map(f -> township.rollup.submission.TextLimits.cut(f, township.rollup.submission.TextLimits.FILE_NAME) + "/")
						.toList()));
		}
		if (!inbox.ignored().isEmpty()) {
			Console.OUT.println(t.t("  另有隐藏文件或 Excel 临时文件 " + inbox.ignored().size() + " 个，未读取",
					"  " + inbox.ignored().size() + " hidden or Excel lock files were not read"));
		}
	}

	/** The year's format and every rule override in force, so that the run report says what applied. */
	private void printSettings(Texts t, YearSettings settings) {
		Console.OUT.println(t.t("  报表格式：" + settings.formatId(), "  report format: " + settings.formatId())
				+ (settings.formatReason() == null || settings.formatReason().isEmpty() ? ""
						: t.t("（", " (") + settings.formatReason() + t.t("）", ")")));
		for (RuleOverrides.Override o : settings.overrides().byRule().values()) {
			StringBuilder s = new StringBuilder(t.t("  本年度规则调整：", "  rule override: ")).append(o.ruleId());
			if (o.enabled() != null) {
				s.append(o.enabled() ? t.t(" 启用", " enabled") : t.t(" 停用", " disabled"));
			}
			if (o.severity() != null) {
				s.append(t.t(" 级别改为 ", " severity ")).append(o.severity());
			}
			o.params().forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
			if (o.reason() != null && !o.reason().isEmpty()) {
				s.append(t.t("（原因：", " (reason: ")).append(o.reason()).append(t.t("）", ")"));
			}
			Console.OUT.println(s);
		}
	}

	void printUnchanged(Texts t, String jobName, int year, Registry registry, RunHistory.Run last, Path outputDir) {
		Unit city = registry.consolidating();
		Console.OUT.println(t.t(city.name() + "（" + city.code() + "）" + year + " 年度 " + JobRunner.commandOf(jobName)
				+ "：自运行 #" + last.executionId() + "（" + last.endTime() + "）以来没有任何变化，未做改动。",
				city.name() + " (" + city.code() + ") " + year + " " + JobRunner.commandOf(jobName)
						+ ": nothing changed since run #" + last.executionId() + " (" + last.endTime()
						+ "); nothing was done."));
		printBoard(t, year, registry);
		printOutputs(t, year, registry);
	}

	void printFinal(Texts t, int year, Registry registry, YearStateStore.YearState state) {
		Unit city = registry.consolidating();
		Console.OUT.println(t.t(city.name() + "（" + city.code() + "）" + year + " 年度已于 " + state.changedAt() + " 定稿（运行 #"
				+ state.finalJobExecutionId() + "），输入未变化，未做改动。",
				city.name() + " (" + city.code() + ") " + year + " was finalized at " + state.changedAt() + " (run #"
						+ state.finalJobExecutionId() + "); the inputs are unchanged and nothing was done."));
		printBoard(t, year, registry);
		printOutputs(t, year, registry);
	}

	/** The annual gate's verdict: final, or provisional and why. */
	void printGate(Texts t, int year, boolean complete) {
		if (complete) {
			Console.OUT.println(t.t("  年度完整：" + year + " 年度已定稿（FINAL）。输出文件及其 SHA-256 见 manifest.csv；此后的运行不再更改本年度。",
					"  the year is complete: " + year + " is now FINAL. manifest.csv lists every file with its SHA-256; later runs will not change the year."));
			return;
		}
		List<StatusStore.Line> board = status.board(year);
		long notAccepted = board.stream().filter(l -> l.status() != StatusStore.Status.ACCEPTED).count();
		int open = board.stream().mapToInt(StatusStore.Line::openWarningCount).sum();
		Console.OUT.println(t.t("  年度不完整：" + notAccepted + " 个单位未采纳（退回或未报送），" + open
				+ " 条警告未说明。已生成临时汇总（PROVISIONAL），退出码 3。",
				"  the year is incomplete: " + notAccepted + " units not accepted (rejected or missing), " + open
						+ " warnings unexplained. A PROVISIONAL report was written; exit code 3."));
	}

	private void printBoard(Texts t, int year, Registry registry) {
		List<StatusStore.Line> board = status.board(year);
		long accepted = board.stream().filter(l -> l.status() == StatusStore.Status.ACCEPTED).count();
		long rejected = board.stream().filter(l -> l.status() == StatusStore.Status.REJECTED).count();
		long missing = board.stream().filter(l -> l.status() == StatusStore.Status.MISSING).count();
		boolean townships = registry.members().stream().allMatch(township.rollup.registry.Unit::isTownLevel);
		Console.OUT.println(t.t((townships ? "  乡镇（街道）" : "  下级单位 ") + registry.members().size() + " 个：已采纳 " + accepted
				+ "，已退回 " + rejected + "，未报送 " + missing,
				(townships ? "  townships: " : "  reporting units: ") + registry.members().size() + " registered: "
						+ accepted + " accepted, " + rejected + " rejected, " + missing + " missing"));
		List<String> missingNames = board.stream()
			.filter(l -> l.status() == StatusStore.Status.MISSING)
			.map(l -> l.unitName() + "（" + l.unitCode() + "）")
			.toList();
		if (!missingNames.isEmpty()) {
			Console.OUT.println(t.t("  未报送：", "  missing: ") + String.join("，", missingNames));
		}
		List<String> rejectedNames = board.stream()
			.filter(l -> l.status() == StatusStore.Status.REJECTED)
			.map(l -> l.unitName() + "（" + t.t("错误 ", "errors: ") + l.errorCount() + "）")
			.toList();
		if (!rejectedNames.isEmpty()) {
			Console.OUT.println(t.t("  已退回：", "  rejected: ") + String.join("，", rejectedNames));
		}
	}

	private void printOutputs(Texts t, int year, Registry registry) {
		Path dir = settings.outputDir().resolve(String.valueOf(year));
		Optional<ConsolidatedStore.Report> report = consolidated.report(year, registry.consolidating().code());
		Console.OUT.println(t.t("  输出：", "  outputs: "));
		if (report.isPresent()) {
			Console.OUT.println("    " + dir.resolve(ReportPublisher.reportFileName(registry.consolidating(), year))
					+ t.t("（汇总 " + report.get().acceptedCount() + " 个单位）",
							" (sum of " + report.get().acceptedCount() + " units)"));
		}
		else {
			Console.OUT.println(t.t("    （没有已采纳的报表，未生成汇总表）", "    (no accepted submission, no consolidated report)"));
		}
		for (String name : List.of(ReportPublisher.STATUS_FILE, ReportPublisher.FINDINGS_FILE)) {
			if (Files.exists(dir.resolve(name))) {
				Console.OUT.println("    " + dir.resolve(name));
			}
		}
	}

	private void printTopFindings(Texts t, int year) {
		List<FindingStore.Owned> standing = findings.standing(year);
		long errors = standing.stream().filter(o -> o.finding().severity() == Severity.ERROR).count();
		long warnings = standing.stream().filter(o -> o.finding().severity() == Severity.WARNING).count();
		long open = standing.stream().filter(o -> o.finding().isOpenWarning()).count();
		long infos = standing.stream().filter(o -> o.finding().severity() == Severity.INFO).count();
		if (errors + warnings == 0) {
			Console.OUT.println(t.t("  审核问题：无错误、无警告（提示 " + infos + " 条，见 findings.csv）",
					"  findings: no errors, no warnings (" + infos + " infos in findings.csv)"));
			return;
		}
		Console.OUT.println(t.t("  主要审核问题（错误 " + errors + "，警告 " + warnings + "，其中未说明 " + open + "；提示 " + infos
				+ "；全部见 findings.csv）：", "  top findings (" + errors + " errors, " + warnings + " warnings, " + open
						+ " unexplained; " + infos + " infos; all in findings.csv):"));
		standing.stream()
			.filter(o -> o.finding().severity() != Severity.INFO)
			.sorted(Comparator.comparing((FindingStore.Owned o) -> o.finding().severity()))
			.limit(TOP_FINDINGS)
			.forEach(o -> Console.OUT.println("    " + line(t, o)));
	}

	static String line(Texts t, FindingStore.Owned owned) {
		Finding f = owned.finding();
		StringBuilder s = new StringBuilder();
		s.append('[').append(t.english() ? f.severity().name() : f.severity().zh()).append("] ");
		s.append(f.ruleId()).append(' ');
		if (f.where().fileName() != null) {
			s.append(f.where().fileName());
			if (f.where().line() != null) {
				s.append(t.t(" 第 " + f.where().line() + " 行", " line " + f.where().line()));
			}
			s.append(t.t("：", ": "));
		}
		s.append(t.english() ? f.messageEn() : f.messageZh());
		if (f.explanation() != null) {
			s.append(t.t(" 【已说明：", " [explained: ")).append(f.explanation()).append(t.t("】", "]"));
		}
		return s.toString();
	}

}
