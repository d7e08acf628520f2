package township.rollup.output;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import township.rollup.reportformat.ReportFormats;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.YearStateStore;

/**
 * Renders a year's files from the database, which is the source of truth: the consolidated report in
 * the submission format, {@code status.csv} and {@code findings.csv}, in {@code <output>/<year>/}.
 */
@Component
public class ReportPublisher {

	public static final String STATUS_FILE = "status.csv";

	public static final String FINDINGS_FILE = "findings.csv";

	public static final String MANIFEST_FILE = "manifest.csv";

	private final ConsolidatedStore consolidated;

	private final StatusStore status;

	private final SubmissionStore submissions;

	private final FindingStore findings;

	public ReportPublisher(ConsolidatedStore consolidated, StatusStore status, SubmissionStore submissions,
			FindingStore findings) {
		this.consolidated = consolidated;
		this.status = status;
		this.submissions = submissions;
		this.findings = findings;
	}

	/** The file name of a unit's report: its code, name and year, as the template names it. */
	public static String reportFileName(Unit unit, int year) {
		return OutputNames.report(unit, year);
	}

	/** Writes the year's files and returns their paths. */
	public List<Path> publish(int year, Registry registry, Path outputDir) {
		Path dir = outputDir.resolve(String.valueOf(year));
		List<Path> written = new ArrayList<>();
		Unit city = registry.consolidating();
		Path reportPath = OutputNames.within(dir, reportFileName(city, year));
		Optional<ConsolidatedStore.Report> report = consolidated.report(year, city.code());
		if (report.isPresent()) {
			Map<String, BigDecimal> cells = new LinkedHashMap<>();
			Map<String, BigDecimal> narrative = new LinkedHashMap<>();
			consolidated.cells(year, city.code())
				.forEach((code, value) -> (code.startsWith("NARR.") ? narrative : cells).put(code, value));
			byte[] bytes = SubmissionCsvWriter.report(ReportFormats.standard().get(report.get().formatId()),
					new SubmissionCsvWriter.Header(city.name(), city.code(), year, stageRemark(report.get())), cells,
					narrative);
			AtomicFiles.write(reportPath, bytes);
			written.add(reportPath);
		}
		else {
			// no accepted submission: a stale report must not stay on disk looking current
			AtomicFiles.deleteIfExists(reportPath);
		}
		Path statusPath = dir.resolve(STATUS_FILE);
		AtomicFiles.write(statusPath, StatusCsv.write(statusRows(year)));
		written.add(statusPath);
		Path findingsPath = dir.resolve(FINDINGS_FILE);
		AtomicFiles.write(findingsPath, FindingsCsv.write(findingRows(year, registry)));
		written.add(findingsPath);
		return written;
	}

	/**
	 * {@code manifest.csv} of a finalized year as the database holds it, written again when it is
	 * missing or differs (the run that finalized may have stopped between its commit and the file).
	 */
	public boolean restoreManifest(int year, List<YearStateStore.ManifestEntry> manifest, Path outputDir) {
		Path file = OutputNames.within(outputDir.resolve(String.valueOf(year)), MANIFEST_FILE);
		byte[] expected = ManifestCsv.write(manifest);
		try {
			if (java.nio.file.Files.isRegularFile(file)
					&& java.util.Arrays.equals(java.nio.file.Files.readAllBytes(file), expected)) {
				return false;
			}
		}
		catch (java.io.IOException ex) {
			// unreadable: write it again
		}
		AtomicFiles.write(file, expected);
		return true;
	}

	/** The first thing a reader of the consolidated report must know: whether these are final figures. */
	static String stageRemark(ConsolidatedStore.Report report) {
		String counts = "已采纳 " + report.acceptedCount() + "，已退回 " + report.rejectedCount() + "，未报送 "
				+ report.missingCount();
		return switch (report.stage()) {
			case "FINAL" -> "汇总状态：定稿（FINAL）。" + counts + "。";
			case "PROVISIONAL" -> "汇总状态：临时汇总（PROVISIONAL），年度尚不完整，不是定稿数据。" + counts + "。";
			default -> "汇总状态：日常汇总（NIGHTLY），尚未定稿。" + counts + "。";
		};
	}

	List<StatusCsv.Row> statusRows(int year) {
		List<StatusCsv.Row> rows = new ArrayList<>();
		for (StatusStore.Line line : status.board(year)) {
			Optional<SubmissionStore.Version> version = line.submissionId() == null ? Optional.empty()
					: submissions.byId(line.submissionId());
			boolean conflict = "CONFLICT".equals(line.reason());
			rows.add(new StatusCsv.Row(line.unitCode(), line.unitName(), line.status().zh(), line.status().en(),
					line.reason(), conflict ? null : version.map(SubmissionStore.Version::version).orElse(null),
					conflict ? null : version.map(SubmissionStore.Version::fileName).orElse(null),
					conflict ? null : version.map(SubmissionStore.Version::sha256).orElse(null),
					conflict ? null : version.map(SubmissionStore.Version::encoding).orElse(null), line.errorCount(),
					line.warningCount(), line.openWarningCount()));
		}
		return rows;
	}

	List<FindingsCsv.Row> findingRows(int year, Registry registry) {
		List<FindingsCsv.Row> rows = new ArrayList<>();
		for (FindingStore.Owned owned : findings.standing(year)) {
			String name = owned.unitCode() == null ? null
					: registry.member(owned.unitCode()).map(Unit::name).orElse(null);
			rows.add(new FindingsCsv.Row(owned.unitCode(), name, owned.finding()));
		}
		return rows;
	}

}
