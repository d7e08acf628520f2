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
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.RowDef;
import township.rollup.reportformat.TableDef;
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
		rows.add(List.of("代码", "项目", "填报内容"));
		rows.add(List.of("META.unit_name", "单位名称", header.unitName()));
		rows.add(List.of("META.unit_code", "区划代码", header.unitCode()));
		rows.add(List.of("META.year", "报告年度", String.valueOf(header.year())));
		rows.add(List.of("META.format", "报表格式", format.id()));
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
	 * Header lines as the official table draws them: one line per level of merged group captions, then
	 * the column labels. The first cell is {@code 代码} or empty, so the reader skips them.
	 */
	private static List<List<String>> columnHeaders(TableDef table, BlockDef block) {
		List<ColumnDef> columns = block.columns();
		int depth = columns.stream().mapToInt(c -> c.group().isEmpty() ? 0 : c.group().split("·").length).max().orElse(0);
		String firstLabel = switch (table.code()) {
			case "T2" -> "信息内容";
			case "T3" -> block.title();
			default -> "项目";
		};
		List<List<String>> lines = new ArrayList<>();
		if (table.code().equals("T3")) {
			lines.add(List.of("代码", firstLabel, "申请人情况"));
			firstLabel = "";
		}
		for (int level = 0; level < depth; level++) {
			String[] line = new String[columns.size() + 2];
			Arrays.fill(line, "");
			line[0] = lines.isEmpty() ? "代码" : "";
			line[1] = lines.isEmpty() ? firstLabel : "";
			String previous = null;
			for (int i = 0; i < columns.size(); i++) {
				String[] parts = columns.get(i).group().isEmpty() ? new String[0] : columns.get(i).group().split("·");
				String caption = level < parts.length ? String.join("·", Arrays.copyOf(parts, level + 1)) : "";
				if (!caption.isEmpty() && !caption.equals(previous)) {
					line[i + 2] = parts[level];
				}
				previous = caption;
			}
			lines.add(Arrays.asList(line));
		}
		List<String> labels = new ArrayList<>();
		labels.add(lines.isEmpty() ? "代码" : "");
		labels.add(lines.isEmpty() ? firstLabel : "");
		columns.forEach(c -> labels.add(c.label()));
		lines.add(labels);
		return lines;
	}

	private static String number(BigDecimal value) {
		return value == null ? "" : FindingFactory.plain(value);
	}

}
