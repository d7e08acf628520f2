package township.rollup.output;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import township.rollup.board.BoardLine;
import township.rollup.board.FiledLine;
import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rollup.NumberVector;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.StatusStore;
import township.rollup.store.YearStateStore;
import township.rollup.submission.TextLimits;

/**
 * Renders a year's files from the database, which is the source of truth: the consolidated report of
 * every level of the tree in the submission format (each a valid submission of the level above),
 * {@code status.csv} and {@code findings.csv}, in {@code <output>/<year>/}; then what people read
 * ({@link ReadableReports}).
 */
@Component
public class ReportPublisher {

	/**
	 * status.csv states each unit's status in Chinese words and as its stable code (the {@code status}
	 * column, which machines read), whatever the settings.
	 */
	private static final Messages ZH = Messages.of(Language.ZH);


	private static final Logger log = LoggerFactory.getLogger(ReportPublisher.class);

	public static final String STATUS_FILE = "status.csv";

	public static final String FINDINGS_FILE = "findings.csv";

	public static final String MANIFEST_FILE = "manifest.csv";

	/** A report file this product writes: {@code <12-digit code>_..._<year>.csv}. */
	private static final Pattern REPORT = Pattern.compile("\\d{12}(_.*)?_\\d{4}\\.csv");

	private final ConsolidatedStore consolidated;

	private final StatusStore status;

	private final FindingStore findings;

	private final ReadableReports readable;

	private final YearStateStore years;

	public ReportPublisher(ConsolidatedStore consolidated, StatusStore status, FindingStore findings,
			ReadableReports readable, YearStateStore years) {
		this.consolidated = consolidated;
		this.status = status;
		this.findings = findings;
		this.readable = readable;
		this.years = years;
	}

	/** The file name of a unit's report: its code, name and year, as the template names it. */
	public static String reportFileName(Unit unit, int year) {
		return OutputNames.report(unit, year);
	}

	/** Writes the year's files and returns their paths. */
	public List<Path> publish(int year, Registry registry, Path outputDir) {
		return publish(year, registry, outputDir, () -> {
		});
	}

	/**
	 * {@link #publish(int, Registry, Path)}, with {@code pagesWritten} run once the feedback pages are written
	 * and before they are made durable and named: where the crash tests kill a run that is publishing.
	 */
	public List<Path> publish(int year, Registry registry, Path outputDir, Runnable pagesWritten) {
		Path dir = outputDir.resolve(String.valueOf(year));
		List<Path> written = new ArrayList<>();
		// one report per level above the units, written a batch at a time: a nation's few thousand levels
		// would otherwise all be in memory as bytes at once (a report is about 4.5 KB)
		Map<String, byte[]> reports = new LinkedHashMap<>();
		Set<String> names = new HashSet<>();
		consolidated.forEach(year, stored -> {
			ConsolidatedStore.Report report = stored.report();
			Unit unit = registry.unit(report.unitCode().strip())
				.orElse(new Unit(report.unitCode(), report.unitName(), "", "", ""));
			var format = ReportFormats.standard().get(report.formatId());
			Map<String, BigDecimal> cells = new LinkedHashMap<>();
			Map<String, BigDecimal> narrative = new LinkedHashMap<>();
			NumberVector.decode(format, stored.numbers())
				.forEach((code, value) -> (code.startsWith("NARR.") ? narrative : cells).put(code, value));
			reports.put(OutputNames.within(dir, reportFileName(unit, year)).getFileName().toString(),
					SubmissionCsvWriter.report(format,
							new SubmissionCsvWriter.Header(unit.name(), unit.code(), year, stageRemark(report)), cells,
							narrative));
			if (reports.size() >= REPORTS_BATCH) {
				writeReports(dir, reports, names, written);
			}
		});
		writeReports(dir, reports, names, written);
		removeStaleReports(dir, year, names);
		Path statusPath = dir.resolve(STATUS_FILE);
		AtomicFiles.write(statusPath, StatusCsv.streamed(sink -> forEachStatusRow(year, sink)));
		written.add(statusPath);
		Path findingsPath = dir.resolve(FINDINGS_FILE);
		AtomicFiles.write(findingsPath, FindingsCsv.streamed(sink -> findings.forEachStanding(year, owned -> {
			String name = owned.unitCode() == null ? null
					: registry.unit(owned.unitCode().strip()).map(Unit::name).orElse(null);
			sink.accept(new FindingsCsv.Row(owned.unitCode(), name, owned.finding()));
		})));
		written.add(findingsPath);
		// report.html, the workbook and the feedback pages: for people, from the same database
		written.addAll(readable.publish(year, registry, dir, pagesWritten));
		// an open year has no manifest: one left by a reopen that stopped between its commit and the file
		// would go on saying the year is final, with hashes that no longer match (the annual run publishes
		// before it finalizes, so its own manifest is written after this)
		if (!years.isFinal(year) && retractManifest(year, outputDir)) {
			log.warn("manifest.csv of {} was left from before the year was reopened and is removed", year);
		}
		return written;
	}

	/** A report left from an earlier run (a unit gone, or nothing accepted any more) must not look current. */
	private static void removeStaleReports(Path dir, int year, Set<String> current) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		Set<String> keep = new HashSet<>(current);
		try (var files = Files.list(dir)) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				if (REPORT.matcher(name).matches() && name.endsWith("_" + year + ".csv") && !keep.contains(name)) {
					AtomicFiles.deleteIfExists(file);
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("cannot list " + dir, ex);
		}
	}

	/**
	 * {@code manifest.csv} of a finalized year as the database holds it, written again when it is
	 * missing or differs (the run that finalized may have stopped between its commit and the file).
	 */
	public boolean restoreManifest(int year, List<YearStateStore.ManifestEntry> manifest, Path outputDir) {
		Path file = OutputNames.within(outputDir.resolve(String.valueOf(year)), MANIFEST_FILE);
		byte[] expected = ManifestCsv.write(manifest);
		try {
			if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), expected)) {
				return false;
			}
		}
		catch (java.io.IOException ex) {
			// unreadable: write it again
		}
		AtomicFiles.write(file, expected);
		return true;
	}

	/**
	 * Removes {@code manifest.csv} of a year that is no longer final; true when there was one. A failure
	 * to remove it is thrown: the caller must say so, as the file would claim the year is final.
	 */
	public boolean retractManifest(int year, Path outputDir) {
		Path file = OutputNames.within(outputDir.resolve(String.valueOf(year)), MANIFEST_FILE);
		if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		AtomicFiles.deleteIfExists(file);
		return true;
	}

	/**
	 * The first thing a reader of the consolidated report must know: whether these are final figures. In
	 * Chinese whatever the settings: it is a line of the CSV submission the level above reads.
	 */
	static String stageRemark(ConsolidatedStore.Report report) {
		String counts = "OWN_FILE".equals(report.source()) ? ZH.get("publish.stage.own-file")
				: ZH.get("publish.stage.counts", report.acceptedCount(), report.rejectedCount(), report.missingCount());
		return switch (report.stage()) {
			case "FINAL" -> ZH.get("publish.stage.final", counts);
			case "PROVISIONAL" -> ZH.get("publish.stage.provisional", counts);
			default -> ZH.get("publish.stage.nightly", counts);
		};
	}

	/** Reports written per {@link AtomicFiles#writeAll}: their syncs run in parallel, their bytes are held. */
	static final int REPORTS_BATCH = 256;

	private static void writeReports(Path dir, Map<String, byte[]> reports, Set<String> names, List<Path> written) {
		AtomicFiles.writeAll(dir, reports);
		reports.keySet().forEach(name -> {
			names.add(name);
			written.add(dir.resolve(name));
		});
		reports.clear();
	}

	/** status.csv's rows, a page of the board at a time. */
	void forEachStatusRow(int year, java.util.function.Consumer<StatusCsv.Row> rows) {
		status.forEachWithFiles(year, filed -> {
			BoardLine line = filed.line();
			boolean conflict = "CONFLICT".equals(line.reason());
			boolean level = line.source() != null;
			rows.accept(new StatusCsv.Row(line.unitCode(), line.unitName(), ZH.get(line.status().key()),
					line.status().code(), line.reason(), conflict ? null : filed.version(),
					conflict ? null : TextLimits.name(filed.fileName()), conflict ? null : filed.sha256(),
					conflict ? null : filed.encoding(), line.errorCount(), line.warningCount(), line.openWarningCount(),
					line.parentCode(), line.kind(), level ? line.childrenCount() : null,
					level ? line.completeCount() : null, line.source()));
		});
	}

}
