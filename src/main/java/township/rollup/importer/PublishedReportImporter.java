package township.rollup.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import township.rollup.importer.ImportResult.FormatProblem;
import township.rollup.importer.TableResult.Decision;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.RowDef;
import township.rollup.reportformat.TableDef;

/**
 * Reads the text (or saved web page) of a published report into one result per cell of its format.
 *
 * <p>
 * The order of work: the text is split into lines of cells ({@link TextLayout}, {@link HtmlLayout}), then
 * into labels and values ({@link Tokens}), then into its six sections by their headings. The format is
 * decided from the labels of Tables 2 and 3 alone, never from the year or the 文号 the report cites (a
 * 2022 report in the 2019 tables exists, and a 2021-format report on 2020 data). Each table is then read
 * in its own section: rows by their official labels ({@link TableReader}), values placed only where safe
 * ({@link Placement}). Nothing is computed, and nothing absent becomes 0.
 */
public final class PublishedReportImporter {

	private final ReportFormats formats;

	private final Vocabulary vocabulary;

	public PublishedReportImporter(ReportFormats formats) {
		this.formats = formats;
		this.vocabulary = new Vocabulary(formats);
	}

	/** What kind of file the report was saved as. */
	public enum Source {

		/** Text copied from the page, or a .txt file. */
		TEXT,

		/** The saved web page. */
		HTML,

		/** A PDF file: its text layer. */
		PDF;

		/** {@code .html} and {@code .htm} are web pages, {@code .pdf} a PDF; anything else is read as text. */
		public static Source ofFileName(String name) {
			String lower = name.toLowerCase(java.util.Locale.ROOT);
			if (lower.endsWith(".pdf")) {
				return PDF;
			}
			return lower.endsWith(".html") || lower.endsWith(".htm") ? HTML : TEXT;
		}

	}

	/**
	 * @param text the decoded text of the file
	 * @param forcedFormat the format {@code --format} names, or null to decide from the labels
	 */
	public ImportResult read(String text, Source source, String forcedFormat) {
		if (source == Source.PDF) {
			throw new IllegalArgumentException("a PDF is read from its bytes: readPdf");
		}
		TextLayout.Text layout;
		if (source == Source.HTML) {
			layout = HtmlLayout.read(text);
		}
		else if (ColumnText.isColumnText(text)) {
			layout = new TextLayout.Text(
					ColumnText.assemble(ColumnText.read(text), vocabulary::isWholeLabel, ColumnText.CHARACTERS),
					TextLayout.endsWithLineBreak(text));
		}
		else {
			layout = TextLayout.read(text);
		}
		return read(layout, forcedFormat);
	}

	/** A PDF read, or why it was not: then {@code result} is null. */
	public record PdfImport(ImportResult result, PdfText.Problem problem, String detail, int pages) {
	}

	/**
	 * Reads a PDF's text layer, its tables rebuilt from where each word stands ({@link ColumnText}).
	 *
	 * @param forcedFormat the format {@code --format} names, or null to decide from the labels
	 */
	public PdfImport readPdf(byte[] pdf, String forcedFormat) {
		PdfText.Result text = PdfText.read(pdf);
		if (text.problem() != null) {
			return new PdfImport(null, text.problem(), text.detail(), text.pages());
		}
		List<SourceLine> lines = ColumnText.assemble(text.lines(), vocabulary::isWholeLabel, ColumnText.POINTS);
		return new PdfImport(read(new TextLayout.Text(lines, true), forcedFormat), null, "", text.pages());
	}

	private ImportResult read(TextLayout.Text layout, String forcedFormat) {
		if (forcedFormat != null && formats.find(forcedFormat).isEmpty()) {
			throw new IllegalArgumentException("unknown report format: " + forcedFormat);
		}
		List<SourceLine> lines = layout.complete() ? layout.lines() : withoutCutCell(layout.lines());
		boolean cutOff = !layout.complete();
		List<Token> tokens = Tokens.of(lines, vocabulary::isWholeLabel);
		Sections sections = Sections.of(tokens, lines);

		Map<Section, List<Evidence>> evidence = new EnumMap<>(Section.class);
		Map<Section, List<OneRow>> oneRows = new EnumMap<>(Section.class);
		List<Evidence> allEvidence = new ArrayList<>();
		for (Section table : List.of(Section.T2, Section.T3, Section.T4)) {
			List<OneRow> rowsOfGroups = new ArrayList<>();
			List<Evidence> found = evidence(table.tableCode, sections.tokens(table), rowsOfGroups);
			evidence.put(table, found);
			oneRows.put(table, rowsOfGroups);
			allEvidence.addAll(found);
		}
		Set<String> verdicts = verdicts(evidence, oneRows, false);
		if (verdicts.size() > 1 && verdicts(evidence, oneRows, true).size() == 1) {
			// a 2021 report printing （六）其他处理 as one row, as 2019 did: its other tables decide
			verdicts = verdicts(evidence, oneRows, true);
		}
		String formatId = forcedFormat != null ? forcedFormat : verdicts.size() == 1 ? verdicts.iterator().next() : null;
		if (formatId == null) {
			FormatProblem problem = verdicts.size() > 1 ? FormatProblem.TABLES_DISAGREE : FormatProblem.NO_EVIDENCE;
			return new ImportResult(null, false, allEvidence, problem, List.of(), List.of(), List.of(), cutOff);
		}
		ReportFormat format = formats.get(formatId);
		List<TableResult> tables = new ArrayList<>();
		List<CellImport> cells = new ArrayList<>();
		for (TableDef table : format.tables()) {
			Section section = Section.ofTable(table.code());
			String id = formatId;
			// decided by the other tables, never by --format: forced, a table of the other format's labels is refused
			List<OneRow> elsewhere = forcedFormat != null ? List.of()
					: oneRows.getOrDefault(section, List.of())
						.stream()
						.filter(o -> !o.evidence().formatId().equals(id))
						.toList();
			List<Evidence> own = evidence.getOrDefault(section, List.of())
				.stream()
				.filter(e -> elsewhere.stream().noneMatch(o -> o.evidence() == e))
				.toList();
			Decision decision = decide(sections.has(section), formatsOf(own), formatId, forcedFormat != null);
			List<CellImport> tableCells = readTable(format, table, section, sections, decision, own, cutOff);
			tableCells = withoutPlace(format, tableCells, elsewhere);
			cells.addAll(tableCells);
			tables.add(coverage(table, decision, own, format.rowsOf(table.code()), tableCells));
		}
		List<CellImport> narrative = NarrativeReader.read(format.narrativeMetrics(), sections.lines(Section.NARRATIVE));
		return new ImportResult(formatId, forcedFormat != null, allEvidence, FormatProblem.NONE, tables, cells, narrative,
				cutOff);
	}

	/**
	 * A page cut off mid-line may have cut its last cell too ({@code 30.5} read as {@code 3}): that cell is
	 * dropped, so that a cut can lose a value but never make one up.
	 */
	private static List<SourceLine> withoutCutCell(List<SourceLine> lines) {
		List<SourceLine> out = new ArrayList<>(lines);
		for (int i = out.size() - 1; i >= 0; i--) {
			SourceLine line = out.get(i);
			if (line.fields().isEmpty()) {
				continue;
			}
			SourceLine.Field last = line.fields().get(line.fields().size() - 1);
			if (!ValueText.isBlank(last.text())) {
				out.set(i, new SourceLine(line.number(), line.layout(),
						line.fields().subList(0, line.fields().size() - 1), line.text()));
			}
			break;
		}
		return out;
	}

	/**
	 * A row label of another format followed by values, where this format has a group caption (（六）其他处理
	 * printed as one row in a 2021-format report), with the values that follow it.
	 */
	private record OneRow(Evidence evidence, List<String> values) {
	}

	/**
	 * The formats the tables' labels show, each table showing one. With {@code strongOnly}, a one-row group label
	 * ({@link OneRow}) does not count: it is what a report in either format may print.
	 */
	private static Set<String> verdicts(Map<Section, List<Evidence>> evidence, Map<Section, List<OneRow>> oneRows,
			boolean strongOnly) {
		Set<String> verdicts = new LinkedHashSet<>();
		evidence.forEach((section, list) -> {
			List<Evidence> counted = strongOnly ? list.stream()
				.filter(e -> oneRows.getOrDefault(section, List.of()).stream().noneMatch(o -> o.evidence() == e))
				.toList() : list;
			Set<String> seen = formatsOf(counted);
			if (seen.size() == 1) {
				verdicts.addAll(seen);
			}
		});
		return verdicts;
	}

	/**
	 * The rows of the group a one-row label stands for (r3_6_1 … r3_6_3 for the 2019 row r3_6) are not
	 * filled from it, nor said to be missing: the row was found, and has no place in this format.
	 */
	private List<CellImport> withoutPlace(ReportFormat format, List<CellImport> cells, List<OneRow> oneRows) {
		if (oneRows.isEmpty()) {
			return cells;
		}
		List<CellImport> out = new ArrayList<>(cells);
		for (OneRow one : oneRows) {
			ReportFormat other = formats.get(one.evidence().formatId());
			String code = other.rows()
				.stream()
				.filter(r -> LabelText.key(r.label()).equals(LabelText.key(one.evidence().label())))
				.map(RowDef::code)
				.findFirst()
				.orElse(null);
			if (code == null) {
				continue;
			}
			for (int i = 0; i < out.size(); i++) {
				CellImport cell = out.get(i);
				if (cell.code().startsWith(code + "_") && cell.status() != ImportStatus.VALUE) {
					out.set(i, new CellImport(cell.code(), cell.tableName(), cell.rowLabel(), cell.columnLabel(),
							ImportStatus.NO_PLACE, "", List.of(one.evidence().line()), Reason.ONE_ROW_GROUP,
							List.of(one.evidence().text(), String.join(" ", one.values()), format.id())));
				}
			}
		}
		return out;
	}

	private List<Evidence> evidence(String tableCode, List<Token> tokens, List<OneRow> oneRows) {
		List<Evidence> found = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (!token.isText() || token.carried()) {
				continue;
			}
			for (String id : formats.ids()) {
				String label = vocabulary.evidenceOf(id, tableCode, token.text());
				if (label != null) {
					found.add(new Evidence(tableCode, id, label, token.text().strip(), token.line()));
				}
				String row = vocabulary.rowLabelOnlyIn(id, tableCode, token.text());
				if (row != null && followedByValue(tokens, i)) {
					Evidence e = new Evidence(tableCode, id, row, token.text().strip(), token.line());
					found.add(e);
					oneRows.add(new OneRow(e, valuesAfter(tokens, i)));
				}
			}
		}
		return found;
	}

	private static List<String> valuesAfter(List<Token> tokens, int i) {
		List<String> values = new ArrayList<>();
		for (int j = i + 1; j < tokens.size(); j++) {
			Token next = tokens.get(j);
			if (next.kind() == Token.Kind.TEXT && !next.carried()) {
				break;
			}
			if (next.kind() == Token.Kind.VALUE) {
				values.add(next.text().strip());
			}
		}
		return values;
	}

	private static boolean followedByValue(List<Token> tokens, int i) {
		for (int j = i + 1; j < tokens.size(); j++) {
			Token next = tokens.get(j);
			if (next.kind() == Token.Kind.VALUE) {
				return true;
			}
			if (next.kind() == Token.Kind.TEXT && !next.carried()) {
				return false;
			}
		}
		return false;
	}

	private static Set<String> formatsOf(List<Evidence> evidence) {
		Set<String> ids = new LinkedHashSet<>();
		evidence.forEach(e -> ids.add(e.formatId()));
		return ids;
	}

	/**
	 * A table is read in the report's format when its own labels show that format; with {@code --format},
	 * also when they show none or both. Labels of the other format alone always keep it from being read:
	 * reading a 2019 Table 2 in the 2021 columns is the mistake this refuses to make.
	 */
	static Decision decide(boolean present, Set<String> seen, String formatId, boolean forced) {
		if (!present) {
			return Decision.MISSING;
		}
		if (seen.size() == 1) {
			return seen.contains(formatId) ? Decision.READ : Decision.REFUSED;
		}
		if (forced) {
			return Decision.READ;
		}
		return seen.isEmpty() ? Decision.SAME_ROWS_ONLY : Decision.REFUSED;
	}

	private List<CellImport> readTable(ReportFormat format, TableDef table, Section section, Sections sections,
			Decision decision, List<Evidence> own, boolean cutOff) {
		List<RowDef> rows = format.rowsOf(table.code());
		List<CellImport> cells = new ArrayList<>();
		if (decision == Decision.MISSING) {
			for (RowDef row : rows) {
				cells.addAll(Placement.all(table, row, ImportStatus.NOT_FOUND, List.of(),
						sections.endsBefore(section) ? Reason.TEXT_ENDS : Reason.TABLE_MISSING,
						List.of(table.title())));
			}
			return cells;
		}
		boolean last = sections.isLast(section);
		TableReader.Sightings sightings = table.code().equals("T4")
				? TableReader.lastRow(sections.tokens(section), rows.get(0), vocabulary.headerKeys(format, "T4"),
						sections.headingLine(section), last)
				: TableReader.rows(sections.tokens(section), vocabulary.index(format, table.code()), last, cutOff);
		int lastSeen = -1;
		for (int i = 0; i < rows.size(); i++) {
			if (sightings.rows().containsKey(rows.get(i).code())) {
				lastSeen = i;
			}
		}
		String evidenceText = String.join("、",
				own.stream().map(e -> "“" + e.text() + "” [" + e.formatId() + ", " + e.line() + "]").toList());
		for (int i = 0; i < rows.size(); i++) {
			RowDef row = rows.get(i);
			List<RowSighting> seen = sightings.rows().getOrDefault(row.code(), List.of());
			boolean read = decision == Decision.READ || (decision == Decision.SAME_ROWS_ONLY && vocabulary.isNeutral(row));
			if (read) {
				cells.addAll(Placement.place(table, row, seen, sightings.outOfGroup().get(row.code()), last,
						i > lastSeen));
				continue;
			}
			List<Integer> lines = seen.stream().map(RowSighting::labelLine).toList();
			ImportStatus status = seen.isEmpty() ? ImportStatus.NOT_FOUND : ImportStatus.AMBIGUOUS;
			if (decision == Decision.REFUSED) {
				cells.addAll(Placement.all(table, row, status, lines, Reason.FORMAT_CONFLICT, List.of(evidenceText)));
			}
			else {
				cells.addAll(Placement.all(table, row, status, lines, Reason.FORMAT_UNDECIDED, List.of()));
			}
		}
		return cells;
	}

	private static TableResult coverage(TableDef table, Decision decision, List<Evidence> own, List<RowDef> rows,
			List<CellImport> cells) {
		int found = 0;
		int missingFrom = 0;
		for (int i = 0; i < rows.size(); i++) {
			String prefix = rows.get(i).code() + ".";
			List<CellImport> rowCells = cells.stream().filter(c -> c.code().startsWith(prefix)).toList();
			if (rowCells.stream().allMatch(c -> c.status() == ImportStatus.VALUE)) {
				found++;
			}
			boolean notFound = rowCells.stream().allMatch(c -> c.status() == ImportStatus.NOT_FOUND);
			if (!notFound) {
				missingFrom = 0;
			}
			else if (missingFrom == 0) {
				missingFrom = i + 1;
			}
		}
		return new TableResult(table.code(), table.name(), decision, own, rows.size(), found, missingFrom);
	}

}
