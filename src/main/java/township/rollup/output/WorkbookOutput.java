package township.rollup.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import township.rollup.board.Board;
import township.rollup.board.BoardLine;
import township.rollup.board.BoardState;
import township.rollup.board.FiledLine;
import township.rollup.i18n.Messages;
import township.rollup.output.html.Views;
import township.rollup.output.workbook.ReportWorkbook;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormat;
import township.rollup.rules.Finding;
import township.rollup.submission.TextLimits;

/**
 * The workbook {@code <code>_<name>_<year>.xlsx}: the only class that calls the workbook writer. Its
 * findings sheet is streamed while the units are read ({@link #finding}); the other sheets are added
 * when the report's figures are known ({@link #finish}).
 */
final class WorkbookOutput implements AutoCloseable {

	private final PageSettings settings;

	private final Messages m;

	private ReportWorkbook workbook;

	WorkbookOutput(PageSettings settings, int year) {
		this.settings = settings;
		this.m = settings.m();
		workbook = new ReportWorkbook(m);
		workbook.startFindings(m.get("workbook.sheet.findings"), m.get("workbook.findings.title", year), findingsHead(),
				new int[] { 14, 12, 30, 8, 8, 30, 20, 16, 8, 10, 10, 10, 60, 40 }, ReportPublisher.FINDINGS_FILE);
	}

	void finding(Unit unit, Finding f) {
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
		workbook.finding(row);
	}

	/** Adds the tables, 总体情况 and the board, and writes the workbook to {@code out}. */
	void finish(int year, Registry registry, ReportFormat format, Map<String, BigDecimal> numbers, Views.Banner banner,
			List<Views.NarrativeLine> narrative, Board board,
			java.io.OutputStream out) throws java.io.IOException {
		ReportWorkbook wb = workbook;
		Unit root = registry.consolidating();
		// the consolidating unit's submission to the level above, with the same numbers as its CSV report
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		Map<String, BigDecimal> stated = new LinkedHashMap<>();
		numbers.forEach((code, value) -> (code.startsWith("NARR.") ? stated : cells).put(code, value));
		wb.report(format, new SubmissionCsvWriter.Header(root.name(), root.code(), year), cells, stated,
				List.of(m.get("workbook.table.stage", banner.stageText(), banner.runTime(), banner.ruleSet(),
						banner.basis(), settings.times().note(m)), m.get("workbook.table.format", format.title(), format.basis())));
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
		List<List<Object>> boardRows = new ArrayList<>();
		for (FiledLine f : board.inActionOrder()) {
			BoardLine l = f.line();
			BoardState state = board.state(l.unitCode());
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
		wb.writeTo(out);
	}

	private List<String> findingsHead() {
		return List.of(m.get("report.board.code"), m.get("report.board.name"), m.get("report.board.file"),
				m.get("workbook.findings.line"), m.get("workbook.findings.table"), m.get("report.finding.row"),
				m.get("report.finding.column"), m.get("report.finding.rule"), m.get("report.finding.severity"),
				m.get("report.finding.expected"), m.get("report.finding.actual"), m.get("report.finding.delta"),
				m.get("report.finding.message"), m.get("report.finding.explanation"));
	}

	/** The streamed workbook keeps its rows in temporary files until it is closed. */
	@Override
	public void close() {
		if (workbook != null) {
			workbook.close();
			workbook = null;
		}
	}

}
