package township.rollup.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.ingest.Inbox;
import township.rollup.output.html.Charts;
import township.rollup.output.html.FindingLines;
import township.rollup.output.html.Html;
import township.rollup.output.html.Views;
import township.rollup.output.workbook.ReportWorkbook;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.NarrativeMetric;
import township.rollup.reportformat.OfficialLayout;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.RowDef;
import township.rollup.rollup.Basis;
import township.rollup.rollup.Consolidation;
import township.rollup.rollup.NumberVector;
import township.rollup.rollup.Tree;
import township.rollup.rules.Finding;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.Severity;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.UnitRecordStore;
import township.rollup.store.YearStateStore;
import township.rollup.submission.TextLimits;

/**
 * The outputs people read, rendered from the database after the CSV files: {@code report.html} (the
 * consolidating unit's report with its status boards, findings and charts), the workbook
 * {@code <code>_<name>_<year>.xlsx}, and a feedback page per unit that sent a file,
 * {@code feedback/<code>_<name>.html}. The board's units are read once, one at a time, so a nation's
 * pages are written in the memory of one unit; each file is replaced atomically, and a feedback page
 * whose content has not changed is left as it is (a nightly run rewrites only what changed).
 */
@Component
public class ReadableReports {

	private static final Logger log = LoggerFactory.getLogger(ReadableReports.class);

	public static final String REPORT_FILE = "report.html";

	public static final String FEEDBACK_DIR = "feedback";

	/** Which feedback pages to write: every unit that sent a file, only those that need action, or none. */
	public enum FeedbackPages {

		ALL, ACTION, NONE;

		static FeedbackPages of(String value) {
			return value == null || value.isBlank() ? ALL : valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
		}

	}

	/** The boards of a tree's levels are shown while they add up to at most this many lines. */
	static final int BOARD_LINES = 1000;

	/** The report lists the findings of at most this many units, what needs action first. */
	static final int FINDING_UNITS = 200;

	/** …and at most this many findings of one unit. */
	static final int FINDINGS_PER_UNIT = 25;

	/** Feedback pages written (and synced) together. */
	private static final int PAGE_BATCH = 256;

	private static final Pattern FEEDBACK = Pattern.compile("\\d{12}(_.*)?\\.html");

	private static final Pattern WORKBOOK = Pattern.compile("\\d{12}(_.*)?_\\d{4}\\.xlsx");

	private final ConsolidatedStore consolidated;

	private final StatusStore status;

	private final UnitRecordStore units;

	private final SubmissionStore submissions;

	private final YearStateStore years;

	private final ReceivedFileStore files;

	private final FindingStore findings;

	private final Messages m;

	private final FeedbackPages feedbackPages;

	private final OfficeTime times;

	private final java.time.Clock clock;

	private final Html html = new Html();

	public ReadableReports(ConsolidatedStore consolidated, StatusStore status, UnitRecordStore units,
			SubmissionStore submissions, YearStateStore years, ReceivedFileStore files, FindingStore findings,
			@Value("${rollup.publish-lang:zh}") String lang, @Value("${rollup.feedback-pages:all}") String feedbackPages,
			@Value("${rollup.time-zone:}") String timeZone, java.time.Clock clock) {
		this.consolidated = consolidated;
		this.status = status;
		this.units = units;
		this.submissions = submissions;
		this.years = years;
		this.files = files;
		this.findings = findings;
		this.m = Messages.of(Language.of(lang, Language.PUBLISH_SETTING));
		this.feedbackPages = FeedbackPages.of(feedbackPages);
		this.times = OfficeTime.of(timeZone);
		this.clock = clock;
	}

	/** Writes the year's readable outputs into {@code dir} and returns the files written. */
	public List<Path> publish(int year, Registry registry, Path dir) {
		long started = System.nanoTime();
		Unit root = registry.consolidating();
		Optional<ConsolidatedStore.Report> rootReport = consolidated.report(year, root.code());
		ReportFormat format = rootReport.map(r -> ReportFormats.standard().get(r.formatId())).orElse(null);
		List<StatusStore.Filed> board = status.boardWithFiles(year);
		Map<String, StatusStore.Filed> byCode = new HashMap<>();
		board.forEach(f -> byCode.put(f.line().unitCode().strip(), f));
		Set<String> ownFiles = new HashSet<>();
		board.stream().filter(f -> "OWN_FILE".equals(f.line().source())).forEach(f -> ownFiles.add(f.line().unitCode()));
		Map<String, BoardState> states = new HashMap<>();
		board.forEach(f -> states.put(f.line().unitCode(),
				BoardState.of(f.line(), BoardState.covered(registry, f.line().unitCode(), ownFiles))));
		Tree tree = new Tree(registry, standings(board));

		Pass pass = new Pass(year, registry, root, format, tree, states, dir);
		List<Path> written = new ArrayList<>();
		long unitsDone;
		long reportDone;
		try {
			units.forEach(year, pass::unit);
			pass.flushPages();
			unitsDone = System.nanoTime();
			reportDone = unitsDone;
			written.addAll(pass.pagesWritten);
			removeStale(dir.resolve(FEEDBACK_DIR), FEEDBACK, pass.pageNames);
			if (rootReport.isPresent()) {
				ConsolidatedStore.Report report = rootReport.get();
				Map<String, BigDecimal> numbers = consolidated.cells(year, root.code());
				Map<String, Integer> contributors = pass.contributors(report);
				List<Views.NarrativeLine> narrative = narrative(format, numbers, contributors);
				Path reportFile = OutputNames.within(dir, REPORT_FILE);
				AtomicFiles.write(reportFile,
						reportPage(year, registry, report, format, numbers, narrative, board, byCode, states, pass));
				written.add(reportFile);
				reportDone = System.nanoTime();
				String workbookName = OutputNames.named(root, year, ".xlsx");
				Path workbookFile = OutputNames.within(dir, workbookName);
				AtomicFiles.write(workbookFile, out -> workbook(year, registry, report, format, numbers, narrative, board,
						states, pass).writeTo(out));
				written.add(workbookFile);
				removeStale(dir, WORKBOOK, Set.of(workbookName));
			}
			else {
				// no figures yet (nothing accepted, or not rolled up), as the CSV report is not written either;
				// the page stays, early in the collection period most of all: who sent, who was rejected, who
				// has not reported is then what the office needs to see
				Path reportFile = OutputNames.within(dir, REPORT_FILE);
				AtomicFiles.write(reportFile, pageWithoutFigures(year, registry, board, byCode, states, pass));
				written.add(reportFile);
				removeStale(dir, WORKBOOK, Set.of());
			}
		}
		finally {
			// the streamed workbook keeps its rows in temporary files until it is closed
			pass.closeWorkbook();
			pass.renderers.shutdownNow();
		}
		long done = System.nanoTime();
		log.info("readable outputs of {}: {} units read, {} feedback pages written, {} unchanged ({} ms); "
				+ "report.html {} ms; workbook {} ms", year, pass.unitsRead, pass.pagesWritten.size(), pass.pagesUnchanged,
				(unitsDone - started) / 1_000_000, (reportDone - unitsDone) / 1_000_000, (done - reportDone) / 1_000_000);
		return written;
	}

	static Map<String, Tree.Standing> standings(List<StatusStore.Filed> board) {
		Map<String, Tree.Standing> standings = new HashMap<>();
		for (StatusStore.Filed filed : board) {
			switch (filed.line().status()) {
				case ACCEPTED -> standings.put(filed.line().unitCode(), Tree.Standing.ACCEPTED);
				case REJECTED -> standings.put(filed.line().unitCode(), Tree.Standing.REJECTED);
				default -> {
				}
			}
		}
		return standings;
	}

	/**
	 * One read of the board's units: each unit's feedback page, its findings for the report (bounded) and the
	 * workbook (all), its numbers for the charts, and a second summing of the accepted files, which gives
	 * how many units stated each 总体情况 figure (the roll-up keeps only the sums). What it holds for the run
	 * is bounded, never the year's findings: one entry per registered unit at most (states, received times,
	 * the children's numbers), the report's findings ({@link #FINDING_UNITS} units of
	 * {@link #FINDINGS_PER_UNIT}), a batch of pages being rendered ({@link #PAGE_BATCH}), the sums of the
	 * tree's levels and the workbook's window of rows (its rows go to a temporary file).
	 */
	private final class Pass {

		final int year;

		final Registry registry;

		final Unit root;

		final ReportFormat format;

		final Map<String, BoardState> states;

		final Path dir;

		final Consolidation sums;

		final Basis bases;

		/** The accepted numbers of the root's children that send files themselves, for the chart. */
		final Map<String, Map<String, BigDecimal>> childNumbers = new HashMap<>();

		/** The units whose findings the report lists, what needs action first (bounded). */
		final TreeMap<String, Views.UnitFindings> reportFindings = new TreeMap<>();

		int unitsWithFindings;

		int unitsOmitted;

		/** Pages being rendered by {@link #renderers}, in the order of the board, written in batches. */
		final Map<String, java.util.concurrent.Future<byte[]>> pages = new LinkedHashMap<>();

		/**
		 * Rendering a page is most of a page's cost (Thymeleaf, 35 KB each), and each is independent of the
		 * others: it runs on every core while this thread reads the next units from the database.
		 */
		final java.util.concurrent.ExecutorService renderers = java.util.concurrent.Executors.newFixedThreadPool(
				Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
					Thread t = new Thread(r, "feedback-pages");
					t.setDaemon(true);
					return t;
				});

		final Set<String> pageNames = new HashSet<>();

		final List<Path> pagesWritten = new ArrayList<>();

		int pagesUnchanged;

		/** When each unit's current file arrived, for the boards. */
		final Map<String, Instant> received = new HashMap<>();

		final List<List<Object>> findingRows = new ArrayList<>();

		ReportWorkbook workbook;

		Pass(int year, Registry registry, Unit root, ReportFormat format, Tree tree, Map<String, BoardState> states,
				Path dir) {
			this.year = year;
			this.registry = registry;
			this.root = root;
			this.format = format;
			this.states = states;
			this.dir = dir;
			this.sums = format == null ? null : new Consolidation(format, registry, tree);
			this.bases = new Basis(registry);
			if (format != null) {
				workbook = new ReportWorkbook(m);
				workbook.startFindings(m.get("workbook.sheet.findings"), m.get("workbook.findings.title", year),
						findingsHead(), new int[] { 14, 12, 30, 8, 8, 30, 20, 16, 8, 10, 10, 10, 60, 40 },
						ReportPublisher.FINDINGS_FILE);
			}
		}

		int unitsRead;

		/** The order of the form, per format: made once, used for every unit's findings. */
		final Map<String, java.util.Comparator<Finding>> orders = new HashMap<>();

		void unit(UnitRecordStore.UnitRecord record) {
			unitsRead++;
			StatusStore.Line line = record.line();
			Unit unit = registry.member(line.unitCode()).orElse(null);
			if (unit == null) {
				return;
			}
			if (record.receivedAt() != null) {
				received.put(line.unitCode(), record.receivedAt());
			}
			ReportFormat fileFormat = record.formatId() == null ? null : formatOr(record.formatId());
			Map<String, BigDecimal> numbers = record.hasFile() && fileFormat != null ? numbers(record, fileFormat) : null;
			boolean accepted = line.status() == StatusStore.Status.ACCEPTED && line.reason() == null;
			if (sums != null && accepted && numbers != null && fileFormat.id().equals(format.id())) {
				sums.add(unit, numbers);
				bases.add(unit, record.version(), record.sha256());
				if (unit.parentCode().equals(root.code())) {
					childNumbers.put(unit.code(), numbers);
				}
			}
			List<Finding> sorted = new ArrayList<>(record.findings());
			ReportFormat orderOf = fileFormat != null ? fileFormat : format != null ? format
					: ReportFormats.standard().get(ReportFormats.standard().ids().get(0));
			sorted.sort(orders.computeIfAbsent(orderOf.id(), id -> new FormOrder(orderOf).comparator()));
			BoardState state = states.getOrDefault(line.unitCode(), BoardState.of(line, false));
			String page = pageName(unit);
			boolean hasPage = record.hasFile() || state == BoardState.CONFLICT;
			boolean writePage = hasPage && switch (feedbackPages) {
				case ALL -> true;
				case ACTION -> state.needsAction();
				case NONE -> false;
			};
			collectForReport(unit, line, record, state, sorted, writePage ? page : null);
			if (workbook != null) {
				for (Finding f : sorted) {
					workbook.finding(findingRow(unit, f));
				}
			}
			if (writePage) {
				pageNames.add(page);
				String parent = registry.parent(unit).map(Unit::name).orElse("");
				String source = sourceKey(parent, record);
				if (renderedFrom(dir.resolve(FEEDBACK_DIR).resolve(page), source)) {
					// what the page shows has not changed since it was written: neither rendered nor written again
					pagesUnchanged++;
					return;
				}
				pages.put(page, renderers
					.submit(() -> feedbackPage(unit, parent, record, state, sorted, fileFormat, numbers, source)));
				if (pages.size() >= PAGE_BATCH) {
					flushPages();
				}
			}
		}

		private void collectForReport(Unit unit, StatusStore.Line line, UnitRecordStore.UnitRecord record,
				BoardState state, List<Finding> sorted, String page) {
			List<Finding> listed = sorted.stream().filter(f -> f.severity() != Severity.INFO).toList();
			if (listed.isEmpty()) {
				return;
			}
			unitsWithFindings++;
			String key = String.format("%d:%09d:%s", state.rank(), 999_999_999 - Math.min(line.errorCount(), 999_999_999),
					unit.code());
			if (reportFindings.size() >= FINDING_UNITS && key.compareTo(reportFindings.lastKey()) > 0) {
				unitsOmitted++;
				return;
			}
			List<Finding> shown = listed.size() > FINDINGS_PER_UNIT ? listed.subList(0, FINDINGS_PER_UNIT) : listed;
			long info = sorted.size() - listed.size();
			String more = listed.size() > shown.size() || info > 0
					? m.get("report.findings.more", listed.size() - shown.size(), info) : "";
			reportFindings.put(key, new Views.UnitFindings(unit.code(), unit.name(), state.describe(m, line),
					state.css(), record.fileName() == null ? "" : TextLimits.name(record.fileName()), FindingLines.groups(m, shown), more,
					page == null ? null : FEEDBACK_DIR + "/" + page));
			if (reportFindings.size() > FINDING_UNITS) {
				reportFindings.pollLastEntry();
				unitsOmitted++;
			}
		}

		private List<Object> findingRow(Unit unit, Finding f) {
			var w = f.where();
			List<Object> row = new ArrayList<>();
			row.add(unit.code());
			row.add(unit.name());
			row.add(w == null ? null : w.fileName());
			row.add(w == null || w.line() == null ? null : w.line());
			row.add(w == null ? null : w.tableName());
			row.add(w == null ? null : w.rowLabel() != null ? w.rowLabel() : w.rowCode());
			row.add(w == null ? null : w.columnLabel());
			row.add(f.ruleId());
			row.add(m.get("report.severity." + f.severity().name().toLowerCase(java.util.Locale.ROOT)));
			row.add(f.expected());
			row.add(f.actual());
			row.add(f.delta());
			row.add(f.message(m.language()));
			row.add(f.explanation());
			return row;
		}

		void flushPages() {
			if (pages.isEmpty()) {
				return;
			}
			Path feedback = dir.resolve(FEEDBACK_DIR);
			Map<String, byte[]> changed = new LinkedHashMap<>();
			pages.forEach((name, rendering) -> {
				byte[] bytes = rendered(name, rendering);
				if (!unchanged(OutputNames.within(feedback, name), bytes)) {
					changed.put(name, bytes);
				}
				else {
					pagesUnchanged++;
				}
			});
			if (!changed.isEmpty()) {
				AtomicFiles.writeAll(feedback, changed);
				changed.keySet().forEach(name -> pagesWritten.add(feedback.resolve(name)));
			}
			pages.clear();
		}

		/** How many units stated each 总体情况 figure, when the report was summed from the files read now. */
		Map<String, Integer> contributors(ConsolidatedStore.Report report) {
			Map<String, Integer> counts = new HashMap<>();
			if (sums == null) {
				return counts;
			}
			boolean same = bases.of(root.code()).equals(report.basisSha256());
			sums.forEachLevel(result -> {
				if (same && result.level().unit().code().equals(root.code()) && result.totals() != null) {
					counts.putAll(result.totals().narrativeContributors());
				}
			});
			return same ? counts : null;
		}

		private static byte[] rendered(String name, java.util.concurrent.Future<byte[]> rendering) {
			try {
				return rendering.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while rendering " + name, ex);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException("cannot render " + name, ex.getCause());
			}
		}

		void closeWorkbook() {
			if (workbook != null) {
				workbook.close();
				workbook = null;
			}
		}

	}

	private ReportFormat formatOr(String id) {
		try {
			return ReportFormats.standard().get(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A file's numbers (cells and 总体情况 figures) as read; from its reading where no vector is stored. */
	private Map<String, BigDecimal> numbers(UnitRecordStore.UnitRecord record, ReportFormat format) {
		if (NumberVector.fits(format, record.numbers())) {
			return NumberVector.decode(format, record.numbers());
		}
		var parsed = files.load(record.receivedFileId()).parsed();
		if (parsed.isEmpty()) {
			return null;
		}
		Map<String, BigDecimal> numbers = new LinkedHashMap<>(parsed.get().numbers());
		numbers.putAll(parsed.get().narrativeNumbers());
		return numbers;
	}

	/**
	 * What a feedback page is made of, as a digest written into the page: the unit's line, file and
	 * findings, its parent's name, and the templates, texts, rules, language and time zone that render them.
	 * Equal digests make equal pages, so a nightly run renders only the pages of units that changed.
	 */
	private String sourceKey(String parent, UnitRecordStore.UnitRecord r) {
		MessageDigest digest = sha256();
		StringBuilder text = new StringBuilder(512).append(renderingDigest()).append('\n').append(parent).append('\n')
			.append(r.line()).append('\n').append(r.receivedFileId()).append(',').append(r.version()).append(',')
			.append(r.fileName()).append(',').append(r.sha256()).append(',').append(r.sizeBytes()).append(',')
			.append(r.encoding()).append(',').append(r.receivedAt()).append(',').append(r.assessedAt()).append(',')
			.append(r.formatId()).append('\n').append(r.numbers()).append('\n')
			.append(township.rollup.rules.FindingCodec.encode(r.findings()));
		return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private volatile String renderingDigest;

	private String renderingDigest() {
		String known = renderingDigest;
		if (known != null) {
			return known;
		}
		MessageDigest digest = sha256();
		for (String resource : List.of("templates/feedback.html", "templates/fragments.html",
				"i18n/messages_zh.properties", "i18n/messages_en.properties")) {
			try (var in = ReadableReports.class.getClassLoader().getResourceAsStream(resource)) {
				digest.update(in.readAllBytes());
			}
			catch (IOException | NullPointerException ex) {
				throw new IllegalStateException("cannot read " + resource, ex);
			}
		}
		digest.update((RuleCatalogue.standard().fingerprint() + "/" + m.language() + "/" + times.zone() + "/" + feedbackPages)
			.getBytes(StandardCharsets.UTF_8));
		known = HexFormat.of().formatHex(digest.digest());
		renderingDigest = known;
		return known;
	}

	/** Whether a page on disk was rendered from {@code source} (its digest is in the page's head). */
	private static boolean renderedFrom(Path page, String source) {
		if (!Files.isRegularFile(page)) {
			return false;
		}
		byte[] head = new byte[1024];
		try (var in = Files.newInputStream(page)) {
			int n = in.readNBytes(head, 0, head.length);
			return new String(head, 0, n, StandardCharsets.UTF_8).contains("content=\"" + source + "\"");
		}
		catch (IOException ex) {
			return false;
		}
	}

	static String pageName(Unit unit) {
		String name = OutputNames.safe(unit.name());
		return unit.code() + (name.isEmpty() ? "" : "_" + name) + ".html";
	}

	private static boolean unchanged(Path file, byte[] bytes) {
		try {
			return Files.isRegularFile(file) && Files.size(file) == bytes.length
					&& java.util.Arrays.equals(Files.readAllBytes(file), bytes);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void removeStale(Path dir, Pattern pattern, Set<String> keep) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (var list = Files.list(dir)) {
			for (Path file : list.toList()) {
				String name = file.getFileName().toString();
				if (pattern.matcher(name).matches() && !keep.contains(name)) {
					AtomicFiles.deleteIfExists(file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + dir, ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String time(Instant instant) {
		return times.format(instant);
	}

	private static String shortHash(String hash) {
		return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
	}

	// the report

	private Views.Banner banner(int year, ConsolidatedStore.Report report) {
		String stage = report.stage() == null ? "NIGHTLY" : report.stage();
		String counts = "OWN_FILE".equals(report.source()) ? m.get("report.banner.own_file")
				: m.get("report.banner.counts", report.acceptedCount(), report.rejectedCount(), report.missingCount());
		String inbox = years.get(year).map(YearStateStore.YearState::inboxDigest).map(ReadableReports::shortHash).orElse("");
		return new Views.Banner(stage, m.get("report.stage." + stage.toLowerCase(java.util.Locale.ROOT)),
				time(report.createdAt()), shortHash(RuleCatalogue.standard().fingerprint()), shortHash(report.basisSha256()),
				inbox, counts);
	}

	private List<Views.NarrativeLine> narrative(ReportFormat format, Map<String, BigDecimal> numbers,
			Map<String, Integer> contributors) {
		List<Views.NarrativeLine> lines = new ArrayList<>();
		for (NarrativeMetric metric : format.narrativeMetrics()) {
			BigDecimal value = numbers.get(metric.code());
			String stated = contributors == null ? m.get("report.narrative.contributors_unknown")
					: m.get("report.narrative.contributors", contributors.getOrDefault(metric.code(), 0));
			lines.add(new Views.NarrativeLine(metric.code(), metric.label(),
					value == null ? m.get("report.narrative.none") : Charts.plain(value), stated));
		}
		return lines;
	}

	private List<Views.Board> boards(Registry registry, Map<String, StatusStore.Filed> byCode,
			Map<String, BoardState> states, Map<String, Instant> received, List<String> omitted) {
		List<Views.Board> boards = new ArrayList<>();
		int lines = 0;
		ArrayDeque<Unit> queue = new ArrayDeque<>();
		queue.add(registry.consolidating());
		while (!queue.isEmpty()) {
			Unit level = queue.poll();
			List<Unit> children = registry.children(level.code());
			if (children.isEmpty()) {
				continue;
			}
			if (!boards.isEmpty() && lines + children.size() > BOARD_LINES) {
				omitted.add(level.name());
				continue;
			}
			lines += children.size();
			List<StatusStore.Filed> filed = new ArrayList<>();
			for (Unit child : children) {
				StatusStore.Filed f = byCode.get(child.code());
				if (f != null) {
					filed.add(f);
				}
				if (!registry.isLeaf(child.code())) {
					queue.add(child);
				}
			}
			filed.sort((a, b) -> BoardState.order(l -> states.getOrDefault(l.unitCode(), BoardState.MISSING))
				.compare(a.line(), b.line()));
			List<Views.BoardLine> boardLines = new ArrayList<>();
			Map<BoardState, Integer> tally = new java.util.EnumMap<>(BoardState.class);
			for (StatusStore.Filed f : filed) {
				StatusStore.Line l = f.line();
				BoardState state = states.getOrDefault(l.unitCode(), BoardState.MISSING);
				tally.merge(state, 1, Integer::sum);
				boolean conflict = state == BoardState.CONFLICT;
				Unit unit = registry.member(l.unitCode()).orElse(null);
				boolean page = unit != null && (f.version() != null || conflict) && switch (feedbackPages) {
					case ALL -> true;
					case ACTION -> state.needsAction();
					case NONE -> false;
				};
				boardLines.add(new Views.BoardLine(l.unitCode(), l.unitName(), l.kind() == null ? "" : l.kind(),
						state.describe(m, l), state.css(), conflict || f.version() == null ? "" : "v" + f.version(),
						conflict ? "" : time(received.get(l.unitCode())), conflict || f.encoding() == null ? "" : f.encoding(),
						conflict || f.fileName() == null ? "" : TextLimits.name(f.fileName()), String.valueOf(l.errorCount()),
						String.valueOf(l.warningCount()), String.valueOf(l.openWarningCount()), state.action(m),
						page ? FEEDBACK_DIR + "/" + pageName(unit) : null));
			}
			List<String> parts = new ArrayList<>();
			tally.forEach((state, n) -> parts.add(m.get("report.board.tally", m.get("report.board.kind." + state.key()), n)));
			boards.add(new Views.Board("board-" + level.code(), m.get("report.board.title", level.name(), children.size()),
					String.join(m.get("report.list.separator"), parts), boardLines));
		}
		return boards;
	}


	private byte[] reportPage(int year, Registry registry, ConsolidatedStore.Report report, ReportFormat format,
			Map<String, BigDecimal> numbers, List<Views.NarrativeLine> narrative, List<StatusStore.Filed> board,
			Map<String, StatusStore.Filed> byCode, Map<String, BoardState> states, Pass pass) {
		Unit root = registry.consolidating();
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("year", year);
		v.put("unitName", root.name());
		v.put("unitCode", root.code());
		v.put("format", format);
		v.put("banner", banner(year, report));
		v.put("timeZone", times.note(m));
		v.put("noFigures", "");
		List<Views.Table> tables = new ArrayList<>();
		for (OfficialLayout.Grid grid : OfficialLayout.grids(format, numbers)) {
			tables.add(Views.Table.of(grid, grid.tableCode().equals("T2") && hasAmount(format, "T2")
					? m.get("report.tables.amount_note") : ""));
		}
		v.put("tables", tables);
		v.put("narrative", narrative);
		List<String> omitted = new ArrayList<>();
		v.put("boards", boards(registry, byCode, states, pass.received, omitted));
		v.put("boardsOmitted", omitted.isEmpty() ? "" : m.get("report.board.omitted", omitted.size(), BOARD_LINES));
		v.put("notSubmissions", Inbox.notSubmissionsLine(m, findings.notSubmissions(year))
			.map(line -> m.get("report.board.not_submissions", line))
			.orElse(""));
		v.put("findings", List.copyOf(pass.reportFindings.values()));
		v.put("findingsSummary", m.get("report.findings.summary", pass.unitsWithFindings, pass.reportFindings.size(),
				FINDINGS_PER_UNIT));
		v.put("findingsOmitted", pass.unitsOmitted == 0 ? "" : m.get("report.findings.omitted", pass.unitsOmitted));
		v.put("outcomes", outcomesChart(year, registry, format, pass, states));
		v.put("comparison", comparisonChart(year, root, numbers));
		v.put("comparisonMissing", m.get("report.chart.compare.missing", year - 1));
		boolean isFinal = "FINAL".equals(report.stage());
		List<Views.Input> inputs = new ArrayList<>();
		if (isFinal) {
			for (SubmissionStore.Input input : submissions.currentInputs(year)) {
				inputs.add(new Views.Input(input.unitCode(),
						registry.member(input.unitCode()).map(Unit::name).orElse(""), TextLimits.name(input.fileName()),
						input.sha256()));
			}
		}
		v.put("inputs", inputs);
		v.put("workbook", OutputNames.named(root, year, ".xlsx"));
		v.put("csv", OutputNames.report(root, year));
		return html.render("report", m, v);
	}

	/**
	 * report.html before there are figures: the banner (NIGHTLY, the board's counts), a sentence saying why
	 * there are no figures, the boards and the findings; no tables, charts or links to files not written.
	 */
	private byte[] pageWithoutFigures(int year, Registry registry, List<StatusStore.Filed> board,
			Map<String, StatusStore.Filed> byCode, Map<String, BoardState> states, Pass pass) {
		Unit root = registry.consolidating();
		int accepted = 0;
		int rejected = 0;
		int missing = 0;
		for (StatusStore.Filed f : board) {
			if (f.line().source() != null) {
				continue;
			}
			switch (f.line().status()) {
				case ACCEPTED -> accepted++;
				case REJECTED -> rejected++;
				case MISSING -> missing++;
				default -> {
				}
			}
		}
		String inbox = years.get(year).map(YearStateStore.YearState::inboxDigest).map(ReadableReports::shortHash).orElse("");
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("year", year);
		v.put("unitName", root.name());
		v.put("unitCode", root.code());
		v.put("format", null);
		v.put("banner", new Views.Banner("NIGHTLY", m.get("report.stage.nightly"), time(clock.instant()),
				shortHash(RuleCatalogue.standard().fingerprint()), "", inbox,
				m.get("report.banner.counts", accepted, rejected, missing)));
		v.put("timeZone", times.note(m));
		v.put("noFigures", accepted == 0 ? m.get("report.no_figures.none_accepted")
				: m.get("report.no_figures.not_rolled_up", accepted));
		v.put("tables", List.of());
		v.put("narrative", List.of());
		List<String> omitted = new ArrayList<>();
		v.put("boards", boards(registry, byCode, states, pass.received, omitted));
		v.put("boardsOmitted", omitted.isEmpty() ? "" : m.get("report.board.omitted", omitted.size(), BOARD_LINES));
		v.put("findings", List.copyOf(pass.reportFindings.values()));
		v.put("findingsSummary", m.get("report.findings.summary", pass.unitsWithFindings, pass.reportFindings.size(),
				FINDINGS_PER_UNIT));
		v.put("findingsOmitted", pass.unitsOmitted == 0 ? "" : m.get("report.findings.omitted", pass.unitsOmitted));
		v.put("outcomes", null);
		v.put("comparison", null);
		v.put("comparisonMissing", "");
		v.put("inputs", List.of());
		v.put("workbook", "");
		v.put("csv", "");
		return html.render("report", m, v);
	}

	private static boolean hasAmount(ReportFormat format, String table) {
		return format.cells().stream().anyMatch(c -> c.tableCode().equals(table)
				&& c.type() == township.rollup.reportformat.CellType.AMOUNT);
	}

	private Charts.Stacked outcomesChart(int year, Registry registry, ReportFormat format, Pass pass,
			Map<String, BoardState> states) {
		List<Charts.UnitOutcomes> drawn = new ArrayList<>();
		List<String> notCounted = new ArrayList<>();
		for (Unit child : registry.children(registry.consolidating().code())) {
			Map<String, BigDecimal> numbers = registry.isLeaf(child.code()) ? pass.childNumbers.get(child.code())
					: consolidatedOf(year, child);
			if (numbers == null || numbers.isEmpty()) {
				notCounted.add(child.name());
				continue;
			}
			drawn.add(outcomes(format, child.name(), numbers));
		}
		return Charts.outcomes(m, drawn, notCounted);
	}

	private Map<String, BigDecimal> consolidatedOf(int year, Unit unit) {
		return consolidated.report(year, unit.code()).isPresent() ? consolidated.cells(year, unit.code()) : null;
	}

	static Charts.UnitOutcomes outcomes(ReportFormat format, String name, Map<String, BigDecimal> numbers) {
		List<BigDecimal> groups = new ArrayList<>();
		for (String prefix : Charts.OUTCOME_ROWS) {
			BigDecimal sum = BigDecimal.ZERO;
			for (RowDef row : format.rowsOf("T3")) {
				if (row.code().equals(prefix) || row.code().startsWith(prefix + "_")) {
					sum = sum.add(numbers.getOrDefault(row.code() + ".tot", BigDecimal.ZERO));
				}
			}
			groups.add(sum);
		}
		return new Charts.UnitOutcomes(name, numbers.getOrDefault("T3.r1.tot", BigDecimal.ZERO), groups);
	}

	/** The headline figures, in both formats: applications received, reviews, lawsuits, 主动公开. */
	private Charts.Comparison comparisonChart(int year, Unit root, Map<String, BigDecimal> numbers) {
		Optional<ConsolidatedStore.Report> last = consolidated.report(year - 1, root.code());
		if (last.isEmpty()) {
			return null;
		}
		Map<String, BigDecimal> before = consolidated.cells(year - 1, root.code());
		List<Charts.Pair> pairs = new ArrayList<>();
		pairs.add(new Charts.Pair(m.get("report.chart.compare.received"), before.get("T3.r1.tot"), numbers.get("T3.r1.tot")));
		pairs.add(new Charts.Pair(m.get("report.chart.compare.reviews"), before.get("T4.rev.tot"), numbers.get("T4.rev.tot")));
		pairs.add(new Charts.Pair(m.get("report.chart.compare.lawsuits"), sum(before, "T4.lit_direct.tot", "T4.lit_after.tot"),
				sum(numbers, "T4.lit_direct.tot", "T4.lit_after.tot")));
		pairs.add(new Charts.Pair(m.get("report.chart.compare.proactive"), before.get("NARR.proactive_items"),
				numbers.get("NARR.proactive_items")));
		String note = m.get("report.chart.compare.note", year - 1,
				m.get("report.stage." + last.get().stage().toLowerCase(java.util.Locale.ROOT)));
		return Charts.comparison(m, year, pairs, note);
	}

	private static BigDecimal sum(Map<String, BigDecimal> numbers, String... codes) {
		BigDecimal total = null;
		for (String code : codes) {
			BigDecimal v = numbers.get(code);
			if (v != null) {
				total = total == null ? v : total.add(v);
			}
		}
		return total;
	}

	// the workbook

	private ReportWorkbook workbook(int year, Registry registry, ConsolidatedStore.Report report,
			ReportFormat format, Map<String, BigDecimal> numbers, List<Views.NarrativeLine> narrative,
			List<StatusStore.Filed> board, Map<String, BoardState> states, Pass pass) {
		ReportWorkbook wb = pass.workbook;
		Unit root = registry.consolidating();
		Views.Banner banner = banner(year, report);
		// the consolidating unit's submission to the level above, with the same numbers as its CSV report
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		Map<String, BigDecimal> stated = new LinkedHashMap<>();
		numbers.forEach((code, value) -> (code.startsWith("NARR.") ? stated : cells).put(code, value));
		wb.report(format, new SubmissionCsvWriter.Header(root.name(), root.code(), year), cells, stated,
				List.of(m.get("workbook.table.stage", banner.stageText(), banner.runTime(), banner.ruleSet(),
						banner.basis(), times.note(m)), m.get("workbook.table.format", format.title(), format.basis())));
		List<String> sheets = new ArrayList<>();
		sheets.add(m.get("template.xlsx.sheet.cover"));
		format.tables().forEach(t -> sheets.add(t.name()));
		sheets.add(m.get("template.xlsx.sheet.extra"));
		List<List<Object>> narrativeRows = new ArrayList<>();
		for (Views.NarrativeLine line : narrative) {
			BigDecimal value = numbers.get(line.code());
			narrativeRows.add(List.of(line.label(), value == null ? (Object) "" : value, line.contributors()));
		}
		String narrativeSheet = m.get("workbook.sheet.narrative");
		sheets.add(narrativeSheet);
		wb.list(narrativeSheet, m.get("workbook.narrative.title", root.name(), year),
				List.of(m.get("report.narrative.figure"), m.get("report.narrative.value"), m.get("report.narrative.stated")),
				narrativeRows, new int[] { 36, 12, 24 }, ReportPublisher.FINDINGS_FILE);
		List<StatusStore.Filed> sorted = new ArrayList<>(board);
		sorted.sort((a, b) -> BoardState.order(l -> states.getOrDefault(l.unitCode(), BoardState.MISSING))
			.compare(a.line(), b.line()));
		List<List<Object>> boardRows = new ArrayList<>();
		for (StatusStore.Filed f : sorted) {
			StatusStore.Line l = f.line();
			BoardState state = states.getOrDefault(l.unitCode(), BoardState.MISSING);
			boolean conflict = state == BoardState.CONFLICT;
			String parent = l.parentCode() == null ? "" : registry.unit(l.parentCode()).map(Unit::name).orElse(l.parentCode());
			List<Object> row = new ArrayList<>();
			row.add(l.unitCode());
			row.add(l.unitName());
			row.add(parent);
			row.add(state.describe(m, l));
			row.add(state.action(m));
			row.add(conflict || f.version() == null ? null : f.version());
			row.add(conflict ? null : TextLimits.name(f.fileName()));
			row.add(conflict ? null : f.encoding());
			row.add(conflict ? null : f.sha256());
			row.add(l.errorCount());
			row.add(l.warningCount());
			row.add(l.openWarningCount());
			boardRows.add(row);
		}
		String boardSheet = m.get("workbook.sheet.board");
		sheets.add(boardSheet);
		wb.list(boardSheet, m.get("workbook.board.title", root.name(), year),
				List.of(m.get("report.board.code"), m.get("report.board.name"), m.get("workbook.board.parent"),
						m.get("report.board.state"), m.get("report.board.action"), m.get("report.board.version"),
						m.get("report.board.file"), m.get("report.board.encoding"), m.get("workbook.board.sha256"),
						m.get("report.board.errors"), m.get("report.board.warnings"), m.get("report.board.open")),
				boardRows, new int[] { 14, 14, 14, 24, 30, 6, 30, 10, 66, 6, 6, 6 }, ReportPublisher.STATUS_FILE);
		sheets.add(m.get("workbook.sheet.findings"));
		wb.order(sheets);
		return wb;
	}

	private List<String> findingsHead() {
		return List.of(m.get("report.board.code"), m.get("report.board.name"), m.get("report.board.file"),
				m.get("workbook.findings.line"), m.get("workbook.findings.table"), m.get("report.finding.row"),
				m.get("report.finding.column"), m.get("report.finding.rule"), m.get("report.finding.severity"),
				m.get("report.finding.expected"), m.get("report.finding.actual"), m.get("report.finding.delta"),
				m.get("report.finding.message"), m.get("report.finding.explanation"));
	}

	// a unit's feedback page

	private byte[] feedbackPage(Unit unit, String parentName, UnitRecordStore.UnitRecord record, BoardState state,
			List<Finding> sorted, ReportFormat fileFormat, Map<String, BigDecimal> numbers, String source) {
		Map<String, Object> v = new LinkedHashMap<>();
		StatusStore.Line line = record.line();
		v.put("year", line.year());
		v.put("source", source);
		v.put("unitName", unit.name());
		v.put("unitCode", unit.code());
		v.put("parentName", parentName);
		v.put("state", state.describe(m, line));
		v.put("stateCss", state.css());
		v.put("action", state.action(m));
		v.put("verdict", state.action(m).isEmpty() ? state.describe(m, line)
				: m.get("feedback.verdict", state.describe(m, line), state.action(m)));
		v.put("accepted", line.status() == StatusStore.Status.ACCEPTED);
		v.put("fileName", record.fileName() == null ? "" : TextLimits.name(record.fileName()));
		v.put("sha256", record.sha256() == null ? "" : record.sha256());
		v.put("size", record.sizeBytes() == null ? "" : String.valueOf(record.sizeBytes()));
		v.put("encoding", record.encoding() == null ? "" : record.encoding());
		v.put("version", record.version() == null ? "" : "v" + record.version());
		v.put("receivedAt", time(record.receivedAt()));
		v.put("assessedAt", time(record.assessedAt()));
		v.put("timeZone", times.note(m));
		v.put("ruleSet", shortHash(RuleCatalogue.standard().fingerprint()));
		v.put("counts", m.get("feedback.counts", line.errorCount(), line.warningCount(), line.openWarningCount()));
		List<Finding> toFix = sorted.stream()
			.filter(f -> f.severity() == Severity.ERROR || f.isOpenWarning())
			.toList();
		List<Finding> other = sorted.stream()
			.filter(f -> !(f.severity() == Severity.ERROR || f.isOpenWarning()))
			.toList();
		v.put("toFix", FindingLines.groups(m, toFix));
		v.put("other", FindingLines.groups(m, other));
		List<Views.Table> tables = new ArrayList<>();
		if (fileFormat != null && numbers != null) {
			Set<String> flagged = new HashSet<>();
			sorted.stream()
				.filter(f -> f.severity() != Severity.INFO && f.where() != null && f.where().cellCode() != null)
				.forEach(f -> flagged.add(f.where().cellCode()));
			v.put("flagged", flagged);
			for (OfficialLayout.Grid grid : OfficialLayout.grids(fileFormat, numbers)) {
				tables.add(Views.Table.of(grid, ""));
			}
			v.put("formatTitle", m.get("feedback.format", fileFormat.title(), fileFormat.basis()));
		}
		else {
			v.put("flagged", Set.of());
			v.put("formatTitle", "");
		}
		v.put("tables", tables);
		return html.render("feedback", m, v);
	}

}
