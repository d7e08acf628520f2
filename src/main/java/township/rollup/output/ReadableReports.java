package township.rollup.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import township.rollup.board.Board;
import township.rollup.board.BoardLine;
import township.rollup.board.BoardState;
import township.rollup.board.UnitStatus;
import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.ingest.Inbox;
import township.rollup.output.html.Views;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rollup.Basis;
import township.rollup.rollup.Consolidation;
import township.rollup.rollup.NumberVector;
import township.rollup.rules.Finding;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.UnitRecordStore;
import township.rollup.store.YearStateStore;

/**
 * The outputs people read, rendered from the database after the CSV files: {@code report.html}
 * ({@link ReportPage}), the workbook {@code <code>_<name>_<year>.xlsx} ({@link WorkbookOutput}), and a
 * feedback page per unit that sent a file ({@link FeedbackPages}). This class coordinates them: it reads
 * the board's units once, one at a time, and hands each unit to every output, so a nation's pages are
 * written in the memory of one unit; each file is replaced atomically, and files of units no longer on
 * the board are removed.
 */
@Component
public class ReadableReports {

	private static final Logger log = LoggerFactory.getLogger(ReadableReports.class);

	public static final String REPORT_FILE = "report.html";

	public static final String FEEDBACK_DIR = "feedback";

	private static final Pattern FEEDBACK = Pattern.compile("\\d{12}(_.*)?\\.html");

	private static final Pattern WORKBOOK = Pattern.compile("\\d{12}(_.*)?_\\d{4}\\.xlsx");

	private final ConsolidatedStore consolidated;

	private final StatusStore status;

	private final UnitRecordStore units;

	private final SubmissionStore submissions;

	private final YearStateStore years;

	private final ReceivedFileStore files;

	private final FindingStore findings;

	private final PageSettings settings;

	/** Where the year's settings are: the board says who is late by its deadline. */
	private final java.nio.file.Path settingsDir;

	public ReadableReports(ConsolidatedStore consolidated, StatusStore status, UnitRecordStore units,
			SubmissionStore submissions, YearStateStore years, ReceivedFileStore files, FindingStore findings,
			@Value("${rollup.publish-lang:zh}") String lang, @Value("${rollup.feedback-pages:all}") String feedbackPages,
			@Value("${rollup.time-zone:}") String timeZone, java.time.Clock clock,
			@Value("${rollup.settings-dir:input/settings}") java.nio.file.Path settingsDir) {
		this.settingsDir = settingsDir;
		this.consolidated = consolidated;
		this.status = status;
		this.units = units;
		this.submissions = submissions;
		this.years = years;
		this.files = files;
		this.findings = findings;
		this.settings = new PageSettings(Messages.of(Language.of(lang, Language.PUBLISH_SETTING)), FeedbackSelection.of(feedbackPages),
				OfficeTime.of(timeZone), clock);
	}

	/**
	 * Writes the year's readable outputs into {@code dir} and returns the files written; {@code pagesWritten}
	 * runs once every feedback page is written, before they are made durable and named (a crash test's point).
	 */
	public List<Path> publish(int year, Registry registry, Path dir, Runnable pagesWritten) {
		long started = System.nanoTime();
		long[] costStarted = processCost();
		Unit root = registry.consolidating();
		Optional<ConsolidatedStore.Report> rootReport = consolidated.report(year, root.code());
		ReportFormat format = rootReport.map(r -> ReportFormats.standard().get(r.formatId())).orElse(null);
		Board board = Board.filed(registry, status.boardWithFiles(year), township.rollup.board.Deadline.of(
				township.rollup.rules.YearSettings.load(settingsDir, year, township.rollup.rules.RuleCatalogue.standard(),
						ReportFormats.standard()).deadline(), settings.times().zone(), settings.clock().instant()));
		String inbox = years.get(year).map(YearStateStore.YearState::inboxDigest).map(PageSettings::shortHash).orElse("");
		ReportPage reportPage = new ReportPage(settings, consolidated);

		List<Path> written = new ArrayList<>();
		long unitsDone;
		long reportDone;
		Pass pass = new Pass(registry, root, format, board);
		try (FeedbackPages pages = new FeedbackPages(settings, dir);
				WorkbookOutput workbook = format == null ? null : new WorkbookOutput(settings, year)) {
			pass.pages = pages;
			pass.workbook = workbook;
			units.forEach(year, record -> {
				long start = System.nanoTime();
				pass.unit(record);
				pass.unitNanos += System.nanoTime() - start;
			});
			long unitsRead = System.nanoTime();
			pages.flush(pagesWritten);
			unitsDone = System.nanoTime();
			// the pass's parts, to see which one to cut: the reading thread's time less its waits for pages is
			// reading the units back and the findings for the report and the workbook
			long[] parts = pages.timingsMillis();
			long[] cost = processCost();
			log.info("of the units read and pages of {}: reading thread {} ms (in each unit's outputs {} ms, the rest "
					+ "reading the units from the database; waiting for pages {} ms, final sync {} ms; page threads "
					+ "(summed): render {} ms, write {} ms), flush {} ms; the process's CPU {} ms, of which in "
					+ "garbage collections {} ms", year, (unitsRead - started) / 1_000_000,
					pass.unitNanos / 1_000_000, parts[0], parts[1], parts[2], parts[3], (unitsDone - unitsRead) / 1_000_000,
					(cost[0] - costStarted[0]) / 1_000_000, cost[1] - costStarted[1]);
			reportDone = unitsDone;
			written.addAll(pages.written());
			removeStale(dir.resolve(FEEDBACK_DIR), FEEDBACK, pages.names());
			String notSubmissions = Inbox.notSubmissionsLine(settings.m(), findings.notSubmissions(year))
				.map(line -> settings.m().get("report.board.not_submissions", line))
				.orElse("");
			ReportPage.Units shown = new ReportPage.Units(board, pass.reportFindings,
					pass.childNumbers, notSubmissions);
			Path reportFile = OutputNames.within(dir, REPORT_FILE);
			if (rootReport.isPresent()) {
				ConsolidatedStore.Report report = rootReport.get();
				Map<String, BigDecimal> numbers = consolidated.cells(year, root.code());
				List<Views.NarrativeLine> narrative = reportPage.narrative(format, numbers, pass.contributors(report));
				Views.Banner banner = reportPage.banner(report, inbox);
				List<SubmissionStore.Input> inputs = "FINAL".equals(report.stage()) ? submissions.currentInputs(year)
						: List.of();
				AtomicFiles.write(reportFile,
						reportPage.withFigures(year, registry, report, format, numbers, banner, narrative, shown, inputs));
				written.add(reportFile);
				reportDone = System.nanoTime();
				written.add(writeWorkbook(year, registry, dir, workbook, format, numbers, banner, narrative, board));
			}
			else {
				// no figures yet (nothing accepted, or not rolled up), as the CSV report is not written either;
				// the page stays, early in the collection period most of all: who sent, who was rejected, who
				// has not reported is then what the office needs to see
				AtomicFiles.write(reportFile, reportPage.withoutFigures(year, registry, inbox, shown));
				written.add(reportFile);
				removeStale(dir, WORKBOOK, Set.of());
			}
			long done = System.nanoTime();
			log.info("readable outputs of {}: {} units read, {} feedback pages written, {} unchanged ({} ms); "
					+ "report.html {} ms; workbook {} ms", year, pass.unitsRead, pages.written().size(), pages.unchanged(),
					(unitsDone - started) / 1_000_000, (reportDone - unitsDone) / 1_000_000, (done - reportDone) / 1_000_000);
		}
		return written;
	}

	/**
	 * The process's CPU time (ns, -1 where the platform does not say) and its garbage collections' time so
	 * far (ms): the pass's cost apart from what else runs on the machine, which its duration is not.
	 */
	private static long[] processCost() {
		long cpu = java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof
				com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
		long gc = 0;
		for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
			gc += Math.max(0, collector.getCollectionTime());
		}
		return new long[] { cpu, gc };
	}

	/** The workbook: its one call, kept apart so that the workbook's writer can be replaced in one place. */
	private static Path writeWorkbook(int year, Registry registry, Path dir, WorkbookOutput workbook, ReportFormat format,
			Map<String, BigDecimal> numbers, Views.Banner banner, List<Views.NarrativeLine> narrative,
			Board board) {
		String workbookName = OutputNames.named(registry.consolidating(), year, ".xlsx");
		Path workbookFile = OutputNames.within(dir, workbookName);
		AtomicFiles.write(workbookFile,
				out -> workbook.finish(year, registry, format, numbers, banner, narrative, board, out));
		removeStale(dir, WORKBOOK, Set.of(workbookName));
		return workbookFile;
	}

	/**
	 * One read of the board's units, handing each to every output: its feedback page, its findings for the
	 * report (ranked, bounded) and the workbook (all), its numbers for the chart, and a second summing of
	 * the accepted files, which gives how many units stated each 总体情况 figure (the roll-up keeps only the
	 * sums). What it holds for the run is bounded, never the year's findings: one entry per registered unit
	 * at most (received times, the children's numbers), the report's findings, the sums of the tree's
	 * levels and one digest per level.
	 */
	private final class Pass {

		final Registry registry;

		final Unit root;

		final ReportFormat format;

		final Board board;

		final Consolidation sums;

		final Basis bases;

		/** The accepted numbers of the root's children that send files themselves, for the chart. */
		final Map<String, Map<String, BigDecimal>> childNumbers = new HashMap<>();

		final ReportFindings reportFindings = new ReportFindings(settings.m());

		/** The order of the form, per format: made once, used for every unit's findings. */
		final Map<String, Comparator<Finding>> orders = new HashMap<>();

		FeedbackPages pages;

		WorkbookOutput workbook;

		int unitsRead;

		/** The time spent in {@link #unit}, for the log: the rest of the reading thread's is the database's. */
		long unitNanos;

		Pass(Registry registry, Unit root, ReportFormat format, Board board) {
			this.registry = registry;
			this.root = root;
			this.format = format;
			this.board = board;
			this.sums = format == null ? null : new Consolidation(format, registry, board.tree());
			this.bases = new Basis(registry);
		}

		void unit(UnitRecordStore.UnitRecord record) {
			unitsRead++;
			BoardLine line = record.line();
			Unit unit = registry.member(line.unitCode()).orElse(null);
			if (unit == null) {
				return;
			}
			ReportFormat fileFormat = record.formatId() == null ? null : formatOr(record.formatId());
			Map<String, BigDecimal> numbers = record.hasFile() && fileFormat != null ? numbers(record, fileFormat) : null;
			boolean accepted = line.status() == UnitStatus.ACCEPTED && line.reason() == null;
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
			BoardState state = board.line(line.unitCode()).isPresent() ? board.state(line.unitCode()) : BoardState.of(line, false);
			boolean hasPage = record.hasFile() || state == BoardState.CONFLICT;
			boolean writePage = hasPage && settings.writesPage(state);
			reportFindings.add(unit, line, record, state, sorted, writePage ? FeedbackPages.pageName(unit) : null);
			if (workbook != null) {
				for (Finding f : sorted) {
					workbook.finding(unit, f);
				}
			}
			if (writePage) {
				String parent = registry.parent(unit).map(Unit::name).orElse("");
				pages.add(unit, parent, record, state, sorted, fileFormat, numbers);
			}
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

}
