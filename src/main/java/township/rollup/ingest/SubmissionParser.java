package township.rollup.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.reportformat.CellType;
import township.rollup.reportformat.ColumnDef;
import township.rollup.reportformat.Labels;
import township.rollup.reportformat.NarrativeMetric;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.RowDef;
import township.rollup.reportformat.TableDef;
import township.rollup.reportformat.WorkbookFormat;
import township.rollup.rules.Explanations;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.Where;
import township.rollup.submission.Cell;
import township.rollup.submission.CellKind;
import township.rollup.submission.Meta;
import township.rollup.submission.Note;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;

/**
 * Reads one submission file into cells against its declared format. The submission CSV is a grid a
 * clerk fills in Excel: data lines {@code row code, official label, values…}; metadata lines
 * {@code META.*, label, value}; optional {@code NARR.*} lines; {@code NOTE, rule id, text} lines; and
 * header, caption and comment lines that are ignored: a line whose first cell is empty, is not an ASCII
 * code (a Chinese header such as {@code 信息内容}), or starts with {@code #}.
 *
 * <p>
 * An .xlsx workbook (the .xlsx template, or any workbook in its layout) is read into the same grid, one
 * line per sheet row ({@link XlsxReader}, {@link WorkbookGrid}), so rows are matched and cells typed by
 * the same code; a line's number is then its row in its sheet, and findings about one cell also carry
 * the cell's address ({@code 表三!D12}). What only a workbook can hold is checked first: a merged value
 * cell (CELL-MERGED), an error value (CELL-ERROR), a formula without a saved result (CELL-FORMULA-UNCACHED,
 * never 0), a date (CELL-DATE); a formula's saved result is read, with one notice per file naming the
 * formula cells (CELL-FORMULA), and a number
 * stored as text is read as the number with a warning (CELL-NUMBER-TEXT).
 */
public final class SubmissionParser {

	/** No annual report comes near this; anything larger is the wrong file. */
	public static final long MAX_BYTES = 1024 * 1024;

	static final Map<String, String> META_LABELS = WorkbookFormat.META_LABELS;

	private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*");

	/** What reading a workbook's bytes says the file is: how its grid lines' encoding is named. */
	static final String XLSX = "XLSX";

	private final ReportFormats formats;

	private final FindingFactory findings;

	private final FormatEvidence evidence;

	public SubmissionParser(ReportFormats formats, FindingFactory findings) {
		this.formats = formats;
		this.findings = findings;
		this.evidence = new FormatEvidence(formats);
	}

	/** What reading produced: the submission (absent when the file is not readable text) and findings. */
	public record Result(Optional<ParsedSubmission> submission, List<Finding> findings) {
	}

	public Result parse(SourceFile file) {
		List<Finding> out = new ArrayList<>();
		Where where = Where.file(file.fileName());
		if (file.notRead() != null) {
			String detail = file.notRead().detail();
			switch (file.notRead().why()) {
				case UNREADABLE -> report(out, "FILE-UNREADABLE", where, Map.of("reason", detail));
				case LINK -> report(out, "FILE-LINK", where, Map.of("target", detail));
				case SPECIAL -> report(out, "FILE-SPECIAL", where,
						Map.of("kindZh", special(detail, Language.ZH), "kindEn", special(detail, Language.EN)));
			}
			return new Result(Optional.empty(), out);
		}
		if (file.sizeBytes() > MAX_BYTES) {
			report(out, "FILE-TOO-LARGE", where, Map.of("size", file.sizeBytes(), "limit", MAX_BYTES));
			return new Result(Optional.empty(), out);
		}
		Decoder.Result decoded = Decoder.decode(file.bytes());
		if (decoded instanceof Decoder.Problem problem) {
			switch (problem.kind()) {
				case XLSX -> {
					return readWorkbook(file, out);
				}
				case XLS -> report(out, "FILE-XLS", where, Map.of());
				case EMPTY -> report(out, "FILE-EMPTY", where, Map.of());
				case UTF16 -> report(out, "FILE-UTF16", where, Map.of());
				case UNDECODABLE -> report(out, "FILE-ENCODING", where.atLine(problem.line()),
						Map.of("offset", problem.offset() + 1));
				default -> report(out, "FILE-NOT-CSV", where,
						Map.of("kindZh", problem.kind().words(Language.ZH), "kindEn", problem.kind().words(Language.EN)));
			}
			return new Result(Optional.empty(), out);
		}
		Decoder.Text text = (Decoder.Text) decoded;
		GridReader.Grid grid = GridReader.read(text.text());
		if (grid.errorLine() != null) {
			report(out, "FILE-CSV", where.atLine(grid.errorLine()),
					Map.of("detailZh", Messages.of(Language.ZH).get("ingest.csv.quotes", grid.errorDetail()), "detailEn",
							String.valueOf(grid.errorDetail())));
		}
		return new Result(Optional.of(new Reading(file.fileName(), text.encoding(), grid, List.of(), out).read()), out);
	}

	private Result readWorkbook(SourceFile file, List<Finding> out) {
		XlsxReader.Result read = XlsxReader.read(file.bytes());
		if (read instanceof XlsxReader.Problem problem) {
			if (problem.macros()) {
				report(out, "FILE-XLSM", Where.file(file.fileName()), Map.of());
			}
			else {
				report(out, "FILE-XLSX", Where.file(file.fileName()),
						Map.of("reasonZh", problem.reasonZh(), "reasonEn", problem.reasonEn()));
			}
			return new Result(Optional.empty(), out);
		}
		XlsxReader.Workbook workbook = (XlsxReader.Workbook) read;
		GridReader.Grid grid = WorkbookGrid.of(workbook.lines(), workbook.metadata(), formats);
		return new Result(Optional.of(new Reading(file.fileName(), XLSX, grid, workbook.metadata(), out).read()), out);
	}

	/** Whether a first cell is written like a code ({@code T3.r1}, {@code META.year}, {@code NOTE}). */
	static boolean isCode(String normalized) {
		return CODE.matcher(normalized).matches();
	}

	/** What a special file is, in a language: {@code ingest.special.fifo}, …, from the message catalogue. */
	private static String special(String kind, Language language) {
		String key = switch (kind) {
			case "FIFO" -> "fifo";
			case "SOCKET" -> "socket";
			case "CHARACTER_DEVICE", "BLOCK_DEVICE" -> "device";
			default -> "other";
		};
		return Messages.of(language).get("ingest.special." + key);
	}

	/**
	 * Decodes bytes exactly as a submission is decoded (UTF-8, UTF-8 with BOM, GB18030; strictly, never
	 * replacing a character), for readers of other township texts, such as the importer of published
	 * reports, which must not decode more leniently than the inbox does.
	 */
	public static DecodedText decodeText(byte[] bytes) {
		Decoder.Result result = Decoder.decode(bytes);
		if (result instanceof Decoder.Text text) {
			return new DecodedText(text.text(), text.encoding(), null, "", "", 0, 0);
		}
		Decoder.Problem problem = (Decoder.Problem) result;
		return new DecodedText(null, null, problem.kind().name(), problem.kind().words(Language.ZH),
				problem.kind().words(Language.EN), problem.line(),
				problem.offset());
	}

	/**
	 * Decoded text and the encoding's name; or, when {@code text} is null, why the bytes are not text:
	 * {@code problem} is {@code EMPTY}, {@code XLSX}, {@code XLS}, {@code PDF}, {@code BINARY}, {@code UTF16}
	 * or {@code UNDECODABLE} (then {@code line} and {@code offset} locate the first bad byte).
	 */
	public record DecodedText(String text, String encoding, String problem, String problemZh, String problemEn,
			int line, long offset) {

		public boolean isText() {
			return text != null;
		}

		/** What the bytes look like instead of text, in a language. */
		public String problem(Language language) {
			return language.english() ? problemEn : problemZh;
		}

	}

	private void report(List<Finding> out, String ruleId, Where where, Map<String, ?> args) {
		findings.create(findings.catalogue().rule(ruleId), where, null, null, args).ifPresent(out::add);
	}

	/** How many formula cells the one CELL-FORMULA of a file names. */
	static final int FORMULA_CELLS_LISTED = 50;

	/** The state of reading one file. */
	private final class Reading {

		private final String fileName;

		private final String encoding;

		private final GridReader.Grid grid;

		/** The lines of a workbook's metadata sheet: META values the sheets lack are taken from there. */
		private final List<GridReader.GridLine> workbookMetadata;

		private final List<Finding> out;

		private final Map<String, String> meta = new HashMap<>();

		private final Map<String, Integer> metaLines = new HashMap<>();

		private final Map<String, String> metaAddresses = new HashMap<>();

		private final Map<String, String> rowAddresses = new HashMap<>();

		private final Set<String> reportedMerges = new HashSet<>();

		private final Map<String, Cell> cells = new LinkedHashMap<>();

		private final Map<String, Cell> narrative = new LinkedHashMap<>();

		private final List<Note> notes = new ArrayList<>();

		/** The addresses of the formula cells read as their saved results: one CELL-FORMULA for them all. */
		private final List<String> formulaCells = new ArrayList<>();

		private final Map<String, Integer> rowLines = new LinkedHashMap<>();

		private final List<GridReader.GridLine> captions = new ArrayList<>();

		private final List<GridReader.GridLine> dataLines = new ArrayList<>();

		Reading(String fileName, String encoding, GridReader.Grid grid, List<GridReader.GridLine> workbookMetadata,
				List<Finding> out) {
			this.fileName = fileName;
			this.encoding = encoding;
			this.grid = grid;
			this.workbookMetadata = workbookMetadata;
			this.out = out;
		}

		ParsedSubmission read() {
			for (GridReader.GridLine line : grid.lines()) {
				classify(line);
			}
			// the metadata sheet speaks only where the sheets are silent: what a clerk sees decides
			for (GridReader.GridLine line : workbookMetadata) {
				String code = CellParser.normalize(line.cell(0));
				if (META_LABELS.containsKey(code) && !meta.containsKey(code)) {
					meta.put(code, CellParser.normalize(line.cell(2)));
					metaLines.put(code, line.line());
				}
			}
			String declared = meta.get("META.format");
			ReportFormat format = declared == null ? null : formats.find(declared).orElse(null);
			for (String code : META_LABELS.keySet()) {
				if (!meta.containsKey(code)) {
					report(out, "META-MISSING", Where.file(fileName),
							Map.of("metaCode", code, "metaLabel", META_LABELS.get(code)));
				}
			}
			if (declared != null && format == null) {
				report(out, "META-FORMAT", Where.file(fileName).atLine(metaLines.get("META.format")),
						Map.of("written", declared, "known", String.join("、", formats.ids())));
			}
			if (format != null) {
				Optional<FormatEvidence.Mismatch> mismatch = evidence.check(format.id(), codes(), texts());
				if (mismatch.isPresent()) {
					report(out, "FORMAT-MISMATCH", Where.file(fileName).atLine(metaLines.get("META.format")),
							Map.of("declared", format.id(), "looksLike", mismatch.get().looksLike(), "evidence",
									String.join("、", mismatch.get().evidence())));
					format = null;
				}
			}
			if (format != null) {
				readRows(format);
			}
			reportFormulas();
			explainReadWarnings();
			Meta m = new Meta(meta.get("META.unit_name"), meta.get("META.unit_code"), meta.get("META.year"), declared);
			return new ParsedSubmission(fileName, encoding, m, format == null ? null : format.id(), cells, narrative,
					notes, metaLines);
		}

		private List<String> codes() {
			return dataLines.stream().map(l -> CellParser.normalize(l.cell(0))).toList();
		}

		/** Every label and header text of the file: data labels and every cell of caption lines. */
		private List<String> texts() {
			List<String> texts = new ArrayList<>();
			dataLines.forEach(l -> texts.add(l.cell(1)));
			captions.forEach(l -> texts.addAll(l.cells()));
			return texts;
		}

		/**
		 * A workbook with formulas (a =SUM per total, say) is said to have them once, with the cells listed:
		 * a notice per cell would bury what matters. At most {@link #FORMULA_CELLS_LISTED} cells are named.
		 */
		private void reportFormulas() {
			if (formulaCells.isEmpty()) {
				return;
			}
			List<String> named = formulaCells.size() > FORMULA_CELLS_LISTED
					? formulaCells.subList(0, FORMULA_CELLS_LISTED) : formulaCells;
			boolean more = named.size() < formulaCells.size();
			report(out, "CELL-FORMULA", Where.file(fileName), Map.of("count", formulaCells.size(), "cells",
					String.join("、", named) + (more ? "……" : ""), "cellsEn", String.join(", ", named) + (more ? ", …" : "")));
		}

		/** Warnings of reading (a shifted label, say) that the file itself explains with a NOTE line. */
		private void explainReadWarnings() {
			List<Finding> explained = Explanations.of(Note.pairs(notes)).apply(out);
			out.clear();
			out.addAll(explained);
		}

		private void classify(GridReader.GridLine line) {
			if (line.isBlank()) {
				return;
			}
			String first = CellParser.normalize(line.cell(0));
			if (first.startsWith("#")) {
				return;
			}
			if (first.equalsIgnoreCase("NOTE")) {
				// the explanation is the township's own words: trimmed, never width-folded
				notes.add(new Note(line.line(), CellParser.normalize(line.cell(1)).toUpperCase(Locale.ROOT),
						line.cell(2).strip()));
				return;
			}
			if (first.isEmpty() || !isCode(first)) {
				captions.add(line);
				return;
			}
			if (first.startsWith("META.")) {
				if (!META_LABELS.containsKey(first)) {
					report(out, "ROW-UNKNOWN", Where.file(fileName).atLine(line.line()).row(null, null, first, null)
						.at(line.address(0)), Map.of("format", "META"));
					return;
				}
				Integer previous = metaLines.putIfAbsent(first, line.line());
				if (previous != null) {
					Map<String, Object> args = new HashMap<>();
					args.put("metaCode", first);
					args.put("firstLine", previous);
					args.put("firstAddress", metaAddresses.get(first));
					report(out, "META-DUPLICATE", Where.file(fileName).atLine(line.line()).at(line.address(0)), args);
					return;
				}
				if (line.address(0) != null) {
					metaAddresses.put(first, line.address(0));
				}
				meta.put(first, CellParser.normalize(line.cell(2)));
				return;
			}
			dataLines.add(line);
		}

		private void readRows(ReportFormat format) {
			for (GridReader.GridLine line : dataLines) {
				String code = CellParser.normalize(line.cell(0));
				if (code.startsWith("NARR.")) {
					readNarrative(format, code, line);
					continue;
				}
				Optional<RowDef> row = format.row(code);
				if (row.isEmpty()) {
					report(out, "ROW-UNKNOWN", Where.file(fileName).atLine(line.line()).row(null, null, code, null)
						.at(line.address(0)), Map.of("format", format.id()));
					continue;
				}
				readRow(format, row.get(), line);
			}
			int missing = 0;
			for (RowDef row : format.rows()) {
				if (!rowLines.containsKey(row.code())) {
					missing++;
					TableDef table = format.table(row.tableCode());
					GridReader.GridLine hint = captions.stream()
						.filter(c -> Labels.normalize(c.cell(1)).equals(row.normalizedLabel())
								|| Labels.normalize(c.cell(0)).equals(row.normalizedLabel()))
						.findFirst()
						.orElse(null);
					report(out, "ROW-MISSING", Where.file(fileName)
						.atLine(hint == null ? null : hint.line())
						.row(table.code(), table.name(), row.code(), row.label())
						.at(hint == null ? null : hint.address(0)), Map.of());
				}
			}
			if (missing > 0 && !grid.endsWithNewline() && grid.errorLine() == null && !grid.lines().isEmpty()) {
				report(out, "FILE-TRUNCATED",
						Where.file(fileName).atLine(grid.lines().get(grid.lines().size() - 1).line()),
						Map.of("missing", missing));
			}
		}

		private void readRow(ReportFormat format, RowDef row, GridReader.GridLine line) {
			TableDef table = format.table(row.tableCode());
			Where rowWhere = Where.file(fileName).atLine(line.line()).row(table.code(), table.name(), row.code(),
					row.label());
			if (duplicate(row.code(), line, rowWhere)) {
				return;
			}
			String written = line.cell(1);
			if (!Labels.normalize(written).equals(row.normalizedLabel())) {
				report(out, "ROW-LABEL", rowWhere.at(line.address(1)), Map.of("written", written.strip()));
			}
			List<ColumnDef> columns = row.columns();
			for (int i = 0; i < columns.size(); i++) {
				ColumnDef column = columns.get(i);
				String cellCode = row.cellCode(column);
				cells.put(cellCode, typed(cellCode, line, 2 + i, column.type(), column.unit(), column.scale(),
						rowWhere.column(column.code(), column.displayLabel()), false));
			}
			for (int i = 2 + columns.size(); i < line.cells().size(); i++) {
				String extra = CellParser.normalize(line.cell(i));
				if (!extra.isEmpty() && !CellParser.isNotApplicable(extra)) {
					report(out, "CELL-EXTRA", rowWhere.at(line.address(i)),
							Map.of("columns", columns.size(), "position", i - 1, "raw", line.cell(i).strip()));
				}
			}
		}

		/** Whether the row was read before (ROW-DUPLICATE, with both places); records it otherwise. */
		private boolean duplicate(String code, GridReader.GridLine line, Where where) {
			Integer first = rowLines.putIfAbsent(code, line.line());
			if (first == null) {
				if (line.address(0) != null) {
					rowAddresses.put(code, line.address(0));
				}
				return false;
			}
			Map<String, Object> args = new HashMap<>();
			args.put("firstLine", first);
			args.put("firstAddress", rowAddresses.get(code));
			report(out, "ROW-DUPLICATE", where.at(line.address(0)), args);
			return true;
		}

		/**
		 * Types one value cell. A workbook's cell is first asked what only Excel can hold (a merged range, an
		 * error value, a formula without a saved result, a date): each is an error, and the cell holds no
		 * number. Then its text is typed as a CSV cell's, and a formula's saved result or a number stored as
		 * text is read with a finding that says so. {@code optional}: a blank or not-applicable value means
		 * "not stated" (总体情况 numbers) and gives no cell.
		 */
		private Cell typed(String cellCode, GridReader.GridLine line, int index, CellType type, String unit,
				int scale, Where where, boolean optional) {
			String raw = line.cell(index);
			CellOrigin origin = line.origin(index);
			Where at = where.at(origin == null ? null : origin.address());
			Cell unreadable = new Cell(cellCode, line.line(), raw.strip(), CellKind.TEXT, null);
			if (origin != null) {
				if (origin.merged() != null) {
					if (reportedMerges.add(origin.merged())) {
						report(out, "CELL-MERGED", at, Map.of("range", origin.merged()));
					}
					return unreadable;
				}
				switch (origin.kind()) {
					case ERROR -> {
						Map<String, Object> args = new HashMap<>();
						args.put("raw", raw.strip());
						args.put("formula", origin.detail());
						report(out, "CELL-ERROR", at, args);
						return unreadable;
					}
					case FORMULA_UNCACHED -> {
						report(out, "CELL-FORMULA-UNCACHED", at, Map.of("formula", origin.detail()));
						return new Cell(cellCode, line.line(), "=" + origin.detail(), CellKind.TEXT, null);
					}
					case DATE -> {
						report(out, "CELL-DATE", at, Map.of("raw", raw.strip()));
						return unreadable;
					}
					default -> {
					}
				}
			}
			String normalized = CellParser.normalize(raw);
			if (optional && (normalized.isEmpty() || CellParser.isNotApplicable(normalized))) {
				return null;
			}
			CellParser.Parsed parsed = CellParser.parse(raw, type, unit, scale);
			if (parsed.problem() != null) {
				Map<String, Object> args = new HashMap<>(parsed.args());
				args.put("raw", raw.strip());
				report(out, parsed.problem(), at, args);
			}
			else if (origin != null && origin.kind() == CellOrigin.Kind.TEXT) {
				report(out, "CELL-NUMBER-TEXT", at, Map.of("raw", raw.strip()));
			}
			if (origin != null && origin.kind() == CellOrigin.Kind.FORMULA) {
				formulaCells.add(origin.address());
			}
			return new Cell(cellCode, line.line(), raw.strip(), parsed.kind(), parsed.value());
		}

		private void readNarrative(ReportFormat format, String code, GridReader.GridLine line) {
			Optional<NarrativeMetric> metric = format.narrativeMetric(code);
			if (metric.isEmpty()) {
				report(out, "ROW-UNKNOWN", Where.file(fileName).atLine(line.line()).row(null, null, code, null),
						Map.of("format", format.id()));
				return;
			}
			Where where = Where.file(fileName).atLine(line.line()).row("NARR", "总体情况", code, metric.get().label());
			if (duplicate(code, line, where)) {
				return;
			}
			// optional: a blank or "/" narrative number means "not stated", never 0
			Cell cell = typed(code, line, 2, metric.get().type(), "", 0, where.column("value", "数量"), true);
			if (cell != null) {
				narrative.put(code, cell);
			}
		}

	}

}
