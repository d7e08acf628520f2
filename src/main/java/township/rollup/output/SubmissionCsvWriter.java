package township.rollup.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.reportformat.BlockDef;
import township.rollup.reportformat.CellType;
import township.rollup.reportformat.ColumnDef;
import township.rollup.reportformat.NarrativeMetric;
import township.rollup.reportformat.OfficialLayout;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.RowDef;
import township.rollup.reportformat.TableDef;
import township.rollup.reportformat.WorkbookFormat;
import township.rollup.rules.FindingFactory;

/**
 * Writes a report in the submission format: the blank template a clerk fills in, and the consolidated
 * report of a city, which is therefore itself a submission the next level up can ingest. The grid follows
 * the official tables: block captions and column headers on lines the reader ignores (first cell empty or
 * not a code), data lines {@code code, label, values…}.
 */
public final class SubmissionCsvWriter {

	/** The template and a consolidated submission are read by townships and the level above: Chinese. */
	private static final Messages ZH = Messages.of(Language.ZH);


	/** The heading of the code column, on the first line of every header: not a code, so never read. */
	private static final String CODE_HEADING = "代码";

	private SubmissionCsvWriter() {
	}

	/** Who the report is for, and an optional remark printed as a comment under the title. */
	public record Header(String unitName, String unitCode, int year, String remark) {

		public Header(String unitName, String unitCode, int year) {
			this(unitName, unitCode, year, null);
		}

	}

	/** A blank template: every value cell empty, to be filled in. */
	public static byte[] template(ReportFormat format, Header header) {
		return Csv.write(grid(format, header, Map.of(), Map.of(), true));
	}

	/** A filled report. Narrative lines are written for the metrics present in {@code narrative}. */
	public static byte[] report(ReportFormat format, Header header, Map<String, BigDecimal> values,
			Map<String, BigDecimal> narrative) {
		return Csv.write(grid(format, header, values, narrative, false));
	}

	/**
	 * A filled report whose rows carry {@code label}'s text in the label column instead of the official
	 * label: a template of another making, as test data (the generator's labels off).
	 */
	public static byte[] report(ReportFormat format, Header header, Map<String, BigDecimal> values,
			Map<String, BigDecimal> narrative, java.util.function.Function<RowDef, String> label) {
		return Csv.write(textGrid(format, header, texts(values), texts(narrative), false, label));
	}

	/**
	 * A report whose cells are given as the text to write, for a report read from somewhere else (a
	 * published report's text): a cell absent from {@code cells} is left blank, never 0, and a text that is
	 * not a number (such as {@code 68余}) is written as it is, so that reading the file reports it.
	 * Narrative lines are written for the metrics present in {@code narrative}.
	 */
	public static byte[] filled(ReportFormat format, Header header, Map<String, String> cells,
			Map<String, String> narrative) {
		return Csv.write(textGrid(format, header, cells, narrative, false));
	}

	static List<List<String>> grid(ReportFormat format, Header header, Map<String, BigDecimal> values,
			Map<String, BigDecimal> narrative, boolean template) {
		return textGrid(format, header, texts(values), texts(narrative), template);
	}

	private static Map<String, String> texts(Map<String, BigDecimal> numbers) {
		Map<String, String> texts = new LinkedHashMap<>();
		numbers.forEach((code, value) -> texts.put(code, number(value)));
		return texts;
	}

	private static List<List<String>> textGrid(ReportFormat format, Header header, Map<String, String> values,
			Map<String, String> narrative, boolean template) {
		return textGrid(format, header, values, narrative, template, RowDef::label);
	}

	private static List<List<String>> textGrid(ReportFormat format, Header header, Map<String, String> values,
			Map<String, String> narrative, boolean template, java.util.function.Function<RowDef, String> label) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("# " + ZH.get("csv.template.title", format.title(), format.basis())));
		if (header.remark() != null) {
			rows.add(List.of("# " + header.remark()));
		}
		if (template) {
			rows.add(List.of("# " + ZH.get("csv.template.how-to")));
			boolean signed = format.cells().stream().anyMatch(c -> c.type() == CellType.SIGNED_COUNT);
			rows.add(List.of("# " + ZH.get("csv.template.numbers") + (signed ? ZH.get("csv.template.signed") : "")));
			rows.add(List.of("# " + ZH.get("csv.template.amounts")));
			rows.add(List.of("# " + ZH.get("csv.template.save")));
		}
		rows.add(List.of(CODE_HEADING, "项目", "填报内容"));
		List<String> meta = List.of(header.unitName(), header.unitCode(), String.valueOf(header.year()), format.id());
		int i = 0;
		for (Map.Entry<String, String> metaLabel : WorkbookFormat.META_LABELS.entrySet()) {
			rows.add(List.of(metaLabel.getKey(), metaLabel.getValue(), meta.get(i++)));
		}
		for (TableDef table : format.tables()) {
			rows.add(List.of("", table.title()));
			for (BlockDef block : table.blocks()) {
				if (!block.title().isEmpty() && !table.code().equals("T3")) {
					rows.add(List.of("", block.title()));
				}
				rows.addAll(columnHeaders(table, block));
				for (BlockDef.Line line : block.lines()) {
					if (line.isCaption()) {
						rows.add(List.of("", line.caption()));
						continue;
					}
					RowDef row = line.row();
					List<String> cells = new ArrayList<>();
					cells.add(row.code());
					cells.add(label.apply(row));
					for (ColumnDef column : row.columns()) {
						cells.add(values.getOrDefault(row.cellCode(column), ""));
					}
					rows.add(cells);
				}
			}
		}
		List<NarrativeMetric> metrics = format.narrativeMetrics()
			.stream()
			.filter(m -> template || narrative.containsKey(m.code()))
			.toList();
		if (!metrics.isEmpty()) {
			rows.add(List.of("", ZH.get(template ? "csv.template.narrative.optional" : "csv.template.narrative")));
			for (NarrativeMetric metric : metrics) {
				rows.add(List.of(metric.code(), metric.label(), narrative.getOrDefault(metric.code(), "")));
			}
		}
		if (template) {
			rows.add(List.of("# " + ZH.get("csv.template.notes")));
		}
		return rows;
	}

	/**
	 * Header lines as the official table draws them ({@link OfficialLayout}, the one definition the page and
	 * the workbook draw too): one line per header row, a merged caption written in its first column; the
	 * corner's caption beside {@code 代码} on the first line, so that the reader skips every one of them.
	 */
	private static List<List<String>> columnHeaders(TableDef table, BlockDef block) {
		int width = block.columns().size() + 2;
		String[][] lines = new String[OfficialLayout.depth(table, block)][width];
		for (String[] line : lines) {
			Arrays.fill(line, "");
		}
		lines[0][0] = CODE_HEADING;
		lines[0][1] = OfficialLayout.corner(table, block);
		for (OfficialLayout.Placed cell : OfficialLayout.header(table, block)) {
			lines[cell.firstRow()][cell.firstColumn() + 2] = cell.text();
		}
		return Arrays.stream(lines).map(Arrays::asList).toList();
	}

	private static String number(BigDecimal value) {
		return value == null ? "" : FindingFactory.plain(value);
	}

}
