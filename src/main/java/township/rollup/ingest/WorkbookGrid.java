package township.rollup.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import township.rollup.reportformat.Labels;
import township.rollup.reportformat.NarrativeMetric;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.RowDef;

/**
 * A workbook's rows as the grid the CSV path reads, so that rows are matched, cells typed and rules
 * applied exactly as for a CSV file. A row of the template is already that grid (code in column A,
 * label in B, values from C); what else a workbook needs:
 * <ul>
 * <li>Leading empty cells go, so that a row pasted one column to the right still starts with its code.</li>
 * <li>A row without a code is matched by its label, when the label is one of the declared format's
 * (or a metadata label such as {@code 区划代码}): a clerk who copied the visible cells into a new workbook
 * has no column A, and then the labels decide. The label cell becomes the code cell's address.</li>
 * <li>The template's empty explanation rows ({@code NOTE} with nothing after it) are no explanation.</li>
 * </ul>
 */
final class WorkbookGrid {

	private WorkbookGrid() {
	}

	static GridReader.Grid of(List<GridReader.GridLine> rows, List<GridReader.GridLine> metadata,
			ReportFormats formats) {
		List<GridReader.GridLine> lines = new ArrayList<>();
		Map<String, String> metaByLabel = new HashMap<>();
		SubmissionParser.META_LABELS.forEach((code, label) -> metaByLabel.put(Labels.normalize(label), code));
		for (GridReader.GridLine row : rows) {
			GridReader.GridLine line = byLabel(stripped(row), metaByLabel);
			if (isEmptyNote(line)) {
				continue;
			}
			lines.add(line);
		}
		Map<String, String> rowsByLabel = rowLabels(declaredFormat(lines, metadata), formats);
		List<GridReader.GridLine> grid = new ArrayList<>();
		for (GridReader.GridLine line : lines) {
			grid.add(byLabel(line, rowsByLabel));
		}
		return new GridReader.Grid(grid, null, null, true);
	}

	private static GridReader.GridLine stripped(GridReader.GridLine row) {
		int first = 0;
		while (first < row.cells().size() - 1 && row.cell(first).isBlank()) {
			first++;
		}
		if (first == 0) {
			return row;
		}
		return new GridReader.GridLine(row.line(), new ArrayList<>(row.cells().subList(first, row.cells().size())),
				new ArrayList<>(row.origins().subList(first, row.origins().size())));
	}

	/** The row with the code its first cell's label stands for in front, when it has no code of its own. */
	private static GridReader.GridLine byLabel(GridReader.GridLine line, Map<String, String> codes) {
		String first = CellParser.normalize(line.cell(0));
		if (first.isEmpty() || SubmissionParser.isCode(first)) {
			return line;
		}
		String code = codes.get(Labels.normalize(first));
		if (code == null) {
			return line;
		}
		List<String> cells = new ArrayList<>();
		cells.add(code);
		cells.addAll(line.cells());
		List<CellOrigin> origins = new ArrayList<>();
		origins.add(line.origin(0));
		origins.addAll(line.origins());
		return new GridReader.GridLine(line.line(), cells, origins);
	}

	private static boolean isEmptyNote(GridReader.GridLine line) {
		return CellParser.normalize(line.cell(0)).equalsIgnoreCase("NOTE") && line.cell(1).isBlank()
				&& line.cell(2).isBlank();
	}

	/** META.format as the sheets say it, else as the metadata sheet does. */
	private static String declaredFormat(List<GridReader.GridLine> lines, List<GridReader.GridLine> metadata) {
		for (List<GridReader.GridLine> source : List.of(lines, metadata)) {
			for (GridReader.GridLine line : source) {
				if (CellParser.normalize(line.cell(0)).equals("META.format")) {
					return CellParser.normalize(line.cell(2));
				}
			}
		}
		return null;
	}

	/** The declared format's row and 总体情况 labels: without a known format no row is read anyway. */
	private static Map<String, String> rowLabels(String formatId, ReportFormats formats) {
		Map<String, String> codes = new HashMap<>();
		ReportFormat format = formats.find(formatId).orElse(null);
		if (format == null) {
			return codes;
		}
		for (RowDef row : format.rows()) {
			codes.put(row.normalizedLabel(), row.code());
		}
		for (NarrativeMetric metric : format.narrativeMetrics()) {
			codes.put(Labels.normalize(metric.label()), metric.code());
		}
		return codes;
	}

}
