package township.rollup.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import township.rollup.board.Board;
import township.rollup.board.Gate;
import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.ingest.Inbox;
import township.rollup.output.OutputNames;
import township.rollup.output.ReadableReports;
import township.rollup.output.ReportPublisher;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.rules.Finding;
import township.rollup.rules.RuleOverrides;
import township.rollup.rules.Severity;
import township.rollup.rules.YearSettings;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.JobRunStore;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.StatusStore;
import township.rollup.store.YearStateStore;

/**
 * The few lines a run prints: its outcome, how many townships are accepted, rejected and missing (or
 * late, by the year's deadline, as the board says), where the files are, and the top findings. Everything else is in the files and the log.
 */
@Component
public class RunSummary {

	static final int TOP_FINDINGS = 10;

	private final StatusStore status;

	private final FindingStore findings;

	private final ConsolidatedStore consolidated;

	private final ReceivedFileStore files;

	private final RollupProperties settings;

	/** The time the board is read at, against the year's deadline. */
	private final java.time.Clock clock;

	public RunSummary(StatusStore status, FindingStore findings, ConsolidatedStore consolidated,
			ReceivedFileStore files, RollupProperties settings, java.time.Clock clock) {
		this.clock = clock;
		this.status = status;
		this.findings = findings;
		this.consolidated = consolidated;
		this.files = files;
		this.settings = settings;
	}

	void print(Messages t, JobExecution execution, int year, Registry registry, YearSettings settings, Inbox.Scan inbox,
			Duration took) {
		Unit city = registry.consolidating();
		BatchStatus outcome = execution.getStatus();
		String seconds = String.format("%.1f", took.toMillis() / 1000.0);
		Console.OUT.println(t.get(outcome == BatchStatus.COMPLETED ? "cli.summary.completed" : "cli.summary.failed",
				city.name(), city.code(), year, JobRunner.commandOf(execution.getJobInstance().getJobName()), outcome,
				seconds, execution.getId()));
		OfficeTime times = this.settings.times();
		Console.OUT.println(t.get("cli.summary.started", times.format(execution.getStartTime()), times.note(t),
				String.valueOf(execution.getJobParameters().getString(township.rollup.batch.RunParameters.RELEASE))));
		if (outcome != BatchStatus.COMPLETED) {
			boolean memory = false;
			for (Throwable failure : execution.getAllFailureExceptions()) {
				Console.OUT.println(t.get("cli.summary.cause", SpringLauncher.rootMessage(failure)));
				memory |= outOfMemory(failure);
			}
			// a rerun with the same heap fails the same way: say what to change instead
			Console.OUT.println(memory ? t.get("cli.summary.out-of-memory", heapMegabytes()) : t.get("cli.summary.resume"));
			return;
		}
		int received = files.countReceivedBy(execution.getId());
		if (!execution.getJobInstance().getJobName().equals(township.rollup.batch.JobNames.ROLLUP)) {
			Console.OUT.println(t.get("cli.summary.inbox", inbox.entries().size(), String.valueOf(received)));
			printInboxExtras(t, inbox);
			Inbox.notSubmissionsLine(t, findings.notSubmissions(year))
				.ifPresent(line -> Console.OUT.println(t.get("cli.summary.inbox.not-submission", line)));
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
	static void printInboxExtras(Messages t, Inbox.Scan inbox) {
		if (!inbox.folders().isEmpty()) {
			Console.OUT.println(t.get("cli.summary.inbox.folders",
					String.join(t.get("cli.summary.inbox.folders.separator"), inbox.folders().stream()
						.map(f -> township.rollup.submission.TextLimits.name(f) + "/")
						.toList())));
		}
		if (!inbox.ignored().isEmpty()) {
			Console.OUT.println(t.get("cli.summary.inbox.ignored", inbox.ignored().size()));
		}
	}

	/** The year's format and every rule override in force, so that the run report says what applied. */
	private void printSettings(Messages t, YearSettings settings) {
		Console.OUT.println(settings.formatReason() == null || settings.formatReason().isEmpty()
				? t.get("cli.summary.format", settings.formatId())
				: t.get("cli.summary.format-reason", settings.formatId(), settings.formatReason()));
		if (settings.deadline() != null) {
			Console.OUT.println(t.get("cli.summary.deadline", settings.deadlineText(), this.settings.times().zone().getId()));
		}
		for (RuleOverrides.Override o : settings.overrides().byRule().values()) {
			StringBuilder s = new StringBuilder(t.get("cli.summary.override", o.ruleId()));
			if (o.enabled() != null) {
				s.append(o.enabled() ? t.get("cli.summary.override.enabled") : t.get("cli.summary.override.disabled"));
			}
			if (o.severity() != null) {
				s.append(t.get("cli.summary.override.severity", o.severity()));
			}
			o.params().forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
			if (o.reason() != null && !o.reason().isEmpty()) {
				s.append(t.get("cli.summary.override.reason", o.reason()));
			}
			Console.OUT.println(s);
		}
	}

	void printUnchanged(Messages t, String jobName, int year, Registry registry, JobRunStore.Run last, Path outputDir) {
		Unit city = registry.consolidating();
		OfficeTime times = settings.times();
		Console.OUT.println(t.get("cli.summary.unchanged", city.name(), city.code(), year, JobRunner.commandOf(jobName),
				last.executionId(), times.format(last.endTime()), times.note(t)));
		printBoard(t, year, registry);
		printOutputs(t, year, registry);
	}

	void printFinal(Messages t, int year, Registry registry, YearStateStore.YearState state) {
		Unit city = registry.consolidating();
		OfficeTime times = settings.times();
		Console.OUT.println(t.get("cli.summary.final", city.name(), city.code(), year, times.format(state.changedAt()),
				String.valueOf(state.finalJobExecutionId()), times.note(t)));
		printBoard(t, year, registry);
		printOutputs(t, year, registry);
	}

	/** The annual gate's verdict: final, or provisional and why. */
	void printGate(Messages t, int year, Registry registry, boolean complete) {
		if (complete) {
			Console.OUT.println(t.get("cli.summary.gate.complete", year));
			return;
		}
		Gate gate = Board.of(registry, status.board(year)).gate();
		Console.OUT.println(t.get("cli.summary.gate.incomplete", gate.notAccepted(), gate.openWarnings()));
	}

	/** Names listed in a summary line at most; the files hold the rest. */
	static final int LISTED = 10;

	private void printBoard(Messages t, int year, Registry registry) {
		boardLines(t, Board.of(registry, status.board(year), settings.deadline(year, clock.instant())))
			.forEach(Console.OUT::println);
	}

	/**
	 * The board's lines of the summary: the units that send files by state (those without a file missing,
	 * or late once the board's deadline passed, as the board says), the levels of a tree, and who has not
	 * sent and who was rejected by name.
	 */
	static List<String> boardLines(Messages t, Board board) {
		List<String> out = new java.util.ArrayList<>();
		Board.Reporting reporting = board.reporting();
		List<Unit> leaves = reporting.units();
		String what = describe(t, leaves);
		// after the deadline the units without a file are late, before it missing: never both
		boolean late = reporting.late() > 0;
		String key = late ? tight(what) ? "cli.summary.board.late.tight" : "cli.summary.board.late"
				: tight(what) ? "cli.summary.board.tight" : "cli.summary.board";
		out.add(t.get(key, what, leaves.size(), reporting.accepted(), reporting.rejected(),
				late ? reporting.late() : reporting.missing())
				+ (reporting.covered() == 0 ? "" : t.get("cli.summary.board.covered", reporting.covered())));
		if (board.registry().isTree()) {
			levelLines(t, board.levels(), out);
		}
		named(t, "cli.summary.missing", reporting.missingLines(), l -> t.get("cli.summary.unit", l.unitName(), l.unitCode()), out);
		named(t, "cli.summary.late", reporting.lateLines(), l -> t.get("cli.summary.unit", l.unitName(), l.unitCode()), out);
		named(t, "cli.summary.rejected", reporting.rejectedLines(),
				l -> t.get("cli.summary.rejected.unit", l.unitName(), l.errorCount()), out);
		return out;
	}

	/** The line of {@code key} naming {@code lines} (the first {@link #LISTED}), when there are any. */
	private static void named(Messages t, String key, List<township.rollup.board.BoardLine> lines,
			java.util.function.Function<township.rollup.board.BoardLine, String> name, List<String> out) {
		if (!lines.isEmpty()) {
			out.add(t.get(key, listed(t, lines.stream().map(name).toList())));
		}
	}

	/**
	 * The levels of a tree: the consolidating unit's own units and how many are complete, each level's
	 * count, the units that stand on a file of their own, and the incomplete levels by name.
	 */
	private static void levelLines(Messages t, Board.Levels levels, List<String> out) {
		Unit root = levels.root();
		String kids = describe(t, levels.rootUnits().units());
		out.add(t.get("cli.summary.levels.root", root.name(), levels.rootUnits().units().size(), kids,
				levels.rootUnits().complete()));
		for (Board.Group level : levels.byDepth()) {
			String words = describe(t, level.units());
			out.add(t.get(tight(words) ? "cli.summary.levels.level.tight" : "cli.summary.levels.level", words,
					level.units().size(), level.complete()));
		}
		List<String> own = levels.ownFiles()
			.stream()
			.map(l -> t.get("cli.summary.unit", l.unitName(), l.unitCode()))
			.toList();
		if (!own.isEmpty()) {
			out.add(t.get("cli.summary.levels.own", listed(t, own)));
		}
		List<String> incomplete = levels.incomplete()
			.stream()
			.map(l -> t.get("cli.summary.levels.unit", l.unitName(), l.completeCount(), l.childrenCount()))
			.toList();
		if (!incomplete.isEmpty()) {
			out.add(t.get("cli.summary.levels.incomplete", listed(t, incomplete)));
		}
	}

	/**
	 * Whether the words of {@link #describe} end in a closing bracket (乡镇（街道）), after which the Chinese
	 * line puts no space before the count: its {@code .tight} text.
	 */
	private static boolean tight(String words) {
		return words.endsWith("）");
	}

	/** The words for a group of units: 乡镇（街道）, 县（市、区）, 乡镇（街道）和部门. */
	static String describe(Messages t, List<Unit> units) {
		java.util.Set<Unit.Category> categories = new java.util.TreeSet<>();
		units.forEach(u -> categories.add(u.category()));
		if (categories.isEmpty() || categories.contains(Unit.Category.OTHER) && categories.size() > 1) {
			return t.get("cli.summary.units.mixed");
		}
		return String.join(t.get("cli.summary.units.and"),
				categories.stream().map(c -> t.get(c.key())).toList());
	}

	private static String listed(Messages t, List<String> names) {
		return listed(t, names, "cli.summary.list.more");
	}

	/** The first {@link #LISTED} names, and how many more with the text of {@code moreKey}. */
	static String listed(Messages t, List<String> names, String moreKey) {
		String shown = String.join(t.get("cli.summary.list.separator"), names.subList(0, Math.min(LISTED, names.size())));
		// Chinese counts all the names (等 15 个), English the ones not listed (and 5 more)
		return names.size() > LISTED
				? shown + t.get(moreKey, t.english() ? names.size() - LISTED : names.size()) : shown;
	}

	private void printOutputs(Messages t, int year, Registry registry) {
		Path dir = settings.outputDir().resolve(String.valueOf(year));
		Optional<ConsolidatedStore.Report> report = consolidated.report(year, registry.consolidating().code());
		Console.OUT.println(t.get("cli.summary.outputs"));
		if (report.isPresent()) {
			Console.OUT.println(t.get("cli.summary.outputs.report",
					dir.resolve(ReportPublisher.reportFileName(registry.consolidating(), year)),
					report.get().acceptedCount()));
		}
		else {
			Console.OUT.println(t.get("cli.summary.outputs.none"));
		}
		if (registry.isTree()) {
			long levels = consolidated.reports(year).size() - (report.isPresent() ? 1 : 0);
			Console.OUT.println(t.get("cli.summary.outputs.levels", levels));
		}
		for (String name : List.of(ReportPublisher.STATUS_FILE, ReportPublisher.FINDINGS_FILE)) {
			if (Files.exists(dir.resolve(name))) {
				Console.OUT.println("    " + dir.resolve(name));
			}
		}
		// the files people read, listed only when this run (or an earlier one) wrote them
		Path page = dir.resolve(ReadableReports.REPORT_FILE);
		if (Files.exists(page)) {
			Console.OUT.println(t.get("cli.summary.outputs.page", page));
		}
		Path workbook = dir.resolve(OutputNames.named(registry.consolidating(), year, ".xlsx"));
		if (Files.exists(workbook)) {
			Console.OUT.println(t.get("cli.summary.outputs.workbook", workbook));
		}
		Path feedback = dir.resolve(ReadableReports.FEEDBACK_DIR);
		if (Files.isDirectory(feedback)) {
			long pages;
			try (var listed = Files.list(feedback)) {
				pages = listed.filter(f -> f.getFileName().toString().endsWith(".html")).count();
			}
			catch (java.io.IOException ex) {
				pages = 0;
			}
			if (pages > 0) {
				Console.OUT.println(t.get("cli.summary.outputs.feedback", feedback, pages));
			}
		}
	}

	static boolean outOfMemory(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof OutOfMemoryError) {
				return true;
			}
		}
		return false;
	}

	/** The heap this JVM may use (-Xmx), in MB. */
	static long heapMegabytes() {
		return Runtime.getRuntime().maxMemory() / (1024 * 1024);
	}

	/** The counts and the first errors and warnings, read as a stream: a nation's findings are many. */
	private void printTopFindings(Messages t, int year) {
		long[] counts = new long[4];
		RuleSpread spread = new RuleSpread();
		List<FindingStore.Owned> errors = new java.util.ArrayList<>();
		List<FindingStore.Owned> warnings = new java.util.ArrayList<>();
		findings.forEachStanding(year, o -> {
			spread.add(o);
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
			Console.OUT.println(t.get("cli.summary.findings.none", counts[3]));
			return;
		}
		Console.OUT.println(t.get("cli.summary.findings.top", counts[0], counts[1], counts[2], counts[3]));
		spread.dominant(counts[0] + counts[1])
			.ifPresent(rule -> Console.OUT.println(t.get("cli.summary.findings.dominant", rule.ruleId(),
					String.format(java.util.Locale.ROOT, "%,d", rule.files()),
					String.format(java.util.Locale.ROOT, "%,d", rule.findings()))));
		java.util.stream.Stream.concat(errors.stream(), warnings.stream())
			.limit(TOP_FINDINGS)
			.forEach(o -> Console.OUT.println("    " + line(t, o)));
	}

	static String line(Messages t, FindingStore.Owned owned) {
		Finding f = owned.finding();
		StringBuilder s = new StringBuilder();
		s.append('[').append(t.get(f.severity().key())).append("] ");
		s.append(f.ruleId()).append(' ');
		if (f.where().fileName() != null) {
			s.append(f.where().fileName());
			if (f.where().line() != null) {
				s.append(t.get("cli.finding.line", f.where().line()));
			}
			s.append(t.get("cli.finding.colon"));
		}
		s.append(f.message(t.language()));
		if (f.explanation() != null) {
			s.append(t.get("cli.finding.explained", f.explanation()));
		}
		return s.toString();
	}

	/**
	 * How far each rule's errors and warnings spread: findings and files. The findings come unit by unit,
	 * a file's together, so a file is counted when it changes: memory is per rule, not per file.
	 */
	static final class RuleSpread {

		/** A rule's findings and the files they are in. */
		record Spread(String ruleId, long files, long findings) {
		}

		private final Map<String, long[]> byRule = new java.util.TreeMap<>();

		private final Map<String, String> lastFile = new java.util.HashMap<>();

		void add(FindingStore.Owned owned) {
			Finding f = owned.finding();
			if (f.severity() == township.rollup.rules.Severity.INFO) {
				return;
			}
			long[] counts = byRule.computeIfAbsent(f.ruleId(), k -> new long[2]);
			counts[1]++;
			String file = owned.unitCode() + "\u0000" + f.where().fileName();
			if (!file.equals(lastFile.put(f.ruleId(), file))) {
				counts[0]++;
			}
		}

		/**
		 * The rule that makes most of the errors and warnings ({@code total}), when it is on enough files to
		 * be a template's doing rather than a few townships' mistakes: more than half of the findings, and on
		 * at least {@link #DOMINANT_FILES} files.
		 */
		java.util.Optional<Spread> dominant(long total) {
			return byRule.entrySet()
				.stream()
				.max(java.util.Comparator.comparingLong(e -> e.getValue()[1]))
				.map(e -> new Spread(e.getKey(), e.getValue()[0], e.getValue()[1]))
				.filter(s -> s.findings() * 2 > total && s.files() >= DOMINANT_FILES);
		}

	}

	/** Files a rule must be on before the summary calls it the run's main finding. */
	static final int DOMINANT_FILES = 10;

}
