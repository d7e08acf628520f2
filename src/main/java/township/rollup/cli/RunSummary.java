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
		long notAccepted = board.stream()
			.filter(l -> l.source() == null && l.status() != StatusStore.Status.ACCEPTED)
			.count();
		int open = board.stream().mapToInt(StatusStore.Line::openWarningCount).sum();
		Console.OUT.println(t.t("  年度不完整：" + notAccepted + " 个单位未采纳（退回或未报送），" + open
				+ " 条警告未说明。已生成临时汇总（PROVISIONAL），退出码 3。",
				"  the year is incomplete: " + notAccepted + " units not accepted (rejected or missing), " + open
						+ " warnings unexplained. A PROVISIONAL report was written; exit code 3."));
	}

	/** Names listed in a summary line at most; the files hold the rest. */
	static final int LISTED = 10;

	private void printBoard(Texts t, int year, Registry registry) {
		List<StatusStore.Line> board = status.board(year);
		List<Unit> leaves = registry.leaves();
		java.util.Set<String> leafCodes = new java.util.HashSet<>();
		leaves.forEach(u -> leafCodes.add(u.code()));
		// a unit below one that sent its own consolidated file need not send anything
		java.util.Set<String> ownFiles = new java.util.HashSet<>();
		board.stream().filter(l -> "OWN_FILE".equals(l.source())).forEach(l -> ownFiles.add(l.unitCode()));
		java.util.function.Predicate<StatusStore.Line> covered = l -> {
			for (var p = registry.member(l.unitCode()).flatMap(registry::parent); p.isPresent(); p = registry.parent(p.get())) {
				if (ownFiles.contains(p.get().code())) {
					return true;
				}
			}
			return false;
		};
		List<StatusStore.Line> reporting = board.stream().filter(l -> leafCodes.contains(l.unitCode())).toList();
		long accepted = reporting.stream().filter(l -> l.status() == StatusStore.Status.ACCEPTED).count();
		long rejected = reporting.stream().filter(l -> l.status() == StatusStore.Status.REJECTED).count();
		long covers = reporting.stream().filter(l -> l.status() == StatusStore.Status.MISSING && covered.test(l)).count();
		long missing = reporting.stream().filter(l -> l.status() == StatusStore.Status.MISSING).count() - covers;
		String what = describe(t, leaves);
		Console.OUT.println(t.t("  " + what + (what.endsWith("）") ? "" : " ") + leaves.size() + " 个：已采纳 " + accepted
				+ "，已退回 " + rejected + "，未报送 " + missing + (covers == 0 ? "" : "，由上级本级文件涵盖 " + covers),
				"  " + what + ": " + leaves.size() + " registered: " + accepted + " accepted, " + rejected + " rejected, "
						+ missing + " missing" + (covers == 0 ? "" : ", " + covers + " covered by their county's own file")));
		if (registry.isTree()) {
			printLevels(t, board, registry);
		}
		List<String> missingNames = reporting.stream()
			.filter(l -> l.status() == StatusStore.Status.MISSING && !covered.test(l))
			.map(l -> l.unitName() + "（" + l.unitCode() + "）")
			.toList();
		if (!missingNames.isEmpty()) {
			Console.OUT.println(t.t("  未报送：", "  missing: ") + listed(t, missingNames));
		}
		List<String> rejectedNames = board.stream()
			.filter(l -> l.status() == StatusStore.Status.REJECTED)
			.map(l -> l.unitName() + "（" + t.t("错误 ", "errors: ") + l.errorCount() + "）")
			.toList();
		if (!rejectedNames.isEmpty()) {
			Console.OUT.println(t.t("  已退回：", "  rejected: ") + listed(t, rejectedNames));
		}
	}

	/**
	 * The levels of a tree: the consolidating unit's own units and how many are complete, each level's
	 * count, the units that stand on a file of their own, and the incomplete levels by name.
	 */
	private void printLevels(Texts t, List<StatusStore.Line> board, Registry registry) {
		Unit root = registry.consolidating();
		List<Unit> children = registry.children(root.code());
		java.util.Map<String, StatusStore.Line> byCode = new java.util.HashMap<>();
		board.forEach(l -> byCode.put(l.unitCode(), l));
		long complete = children.stream().filter(c -> isComplete(byCode.get(c.code()), registry.isLeaf(c.code()))).count();
		String kids = describe(t, children);
		Console.OUT.println(t.t("  " + root.name() + "：" + children.size() + " 个" + kids + "中 " + complete + " 个完整",
				"  " + root.name() + ": " + complete + " of " + children.size() + " " + kids + " complete"));
		java.util.Map<Integer, List<Unit>> byDepth = new java.util.TreeMap<>();
		for (Unit unit : registry.members()) {
			if (!registry.isLeaf(unit.code())) {
				byDepth.computeIfAbsent(registry.depth(unit.code()), k -> new java.util.ArrayList<>()).add(unit);
			}
		}
		for (List<Unit> level : byDepth.values()) {
			long done = level.stream().filter(u -> isComplete(byCode.get(u.code()), false)).count();
			String words = describe(t, level);
			Console.OUT.println(t.t("  " + words + (words.endsWith("）") ? "" : " ") + level.size() + " 个，其中完整 " + done
					+ " 个",
					"  " + describe(t, level) + ": " + level.size() + ", " + done + " complete"));
		}
		List<String> own = board.stream()
			.filter(l -> "OWN_FILE".equals(l.source()))
			.map(l -> l.unitName() + "（" + l.unitCode() + "）")
			.toList();
		if (!own.isEmpty()) {
			Console.OUT.println(t.t("  采用本级汇总文件（其下单位的文件不计入上级合计）：",
					"  standing on their own consolidated file (their units' files are not summed above them): ")
					+ listed(t, own));
		}
		List<String> incomplete = board.stream()
			.filter(l -> l.source() != null && !isComplete(l, false))
			.sorted(java.util.Comparator.comparingInt((StatusStore.Line l) -> registry.depth(l.unitCode())))
			.map(l -> l.unitName() + "（" + l.completeCount() + "/" + l.childrenCount() + "）")
			.toList();
		if (!incomplete.isEmpty()) {
			Console.OUT.println(t.t("  不完整的汇总单位：", "  incomplete levels: ") + listed(t, incomplete));
		}
	}

	private static boolean isComplete(StatusStore.Line line, boolean leaf) {
		if (line == null) {
			return false;
		}
		if (leaf || "OWN_FILE".equals(line.source())) {
			return line.status() == StatusStore.Status.ACCEPTED;
		}
		return line.childrenCount() > 0 && line.completeCount() == line.childrenCount();
	}

	/** The words for a group of units: 乡镇（街道）, 县（市、区）, 乡镇（街道）和部门. */
	static String describe(Texts t, List<Unit> units) {
		java.util.Set<Unit.Category> categories = new java.util.TreeSet<>();
		units.forEach(u -> categories.add(u.category()));
		if (categories.isEmpty() || categories.contains(Unit.Category.OTHER) && categories.size() > 1) {
			return t.t("下级单位", "reporting units");
		}
		return String.join(t.t("和", " and "),
				categories.stream().map(c -> t.english() ? c.en() : c.zh()).toList());
	}

	private static String listed(Texts t, List<String> names) {
		String shown = String.join("，", names.subList(0, Math.min(LISTED, names.size())));
		return names.size() > LISTED ? shown + t.t("等 " + names.size() + " 个（全部见 status.csv）",
				" and " + (names.size() - LISTED) + " more (all in status.csv)") : shown;
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
		if (registry.isTree()) {
			long levels = consolidated.reports(year).size() - (report.isPresent() ? 1 : 0);
			Console.OUT.println(t.t("    以及各级汇总单位的汇总表 " + levels + " 个（同一目录）",
					"    and the consolidated reports of " + levels + " levels below it (same folder)"));
		}
		for (String name : List.of(ReportPublisher.STATUS_FILE, ReportPublisher.FINDINGS_FILE)) {
			if (Files.exists(dir.resolve(name))) {
				Console.OUT.println("    " + dir.resolve(name));
			}
		}
	}

	/** The counts and the first errors and warnings, read as a stream: a nation's findings are many. */
	private void printTopFindings(Texts t, int year) {
		long[] counts = new long[4];
		List<FindingStore.Owned> errors = new java.util.ArrayList<>();
		List<FindingStore.Owned> warnings = new java.util.ArrayList<>();
		findings.forEachStanding(year, o -> {
			switch (o.finding().severity()) {
				case ERROR -> {
					counts[0]++;
					if (errors.size() < TOP_FINDINGS) {
						errors.add(o);
					}
				}
				case WARNING -> {
					counts[1]++;
					if (o.finding().isOpenWarning()) {
						counts[2]++;
					}
					if (warnings.size() < TOP_FINDINGS) {
						warnings.add(o);
					}
				}
				case INFO -> counts[3]++;
			}
		});
		if (counts[0] + counts[1] == 0) {
			Console.OUT.println(t.t("  审核问题：无错误、无警告（提示 " + counts[3] + " 条，见 findings.csv）",
					"  findings: no errors, no warnings (" + counts[3] + " infos in findings.csv)"));
			return;
		}
		Console.OUT.println(t.t("  主要审核问题（错误 " + counts[0] + "，警告 " + counts[1] + "，其中未说明 " + counts[2] + "；提示 "
				+ counts[3] + "；全部见 findings.csv）：", "  top findings (" + counts[0] + " errors, " + counts[1]
						+ " warnings, " + counts[2] + " unexplained; " + counts[3] + " infos; all in findings.csv):"));
		java.util.stream.Stream.concat(errors.stream(), warnings.stream())
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
