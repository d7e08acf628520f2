package township.rollup.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import township.rollup.i18n.Messages;
import township.rollup.importer.CellImport;
import township.rollup.importer.Evidence;
import township.rollup.importer.ImportRecordCsv;
import township.rollup.importer.ImportResult;
import township.rollup.importer.ImportStatus;
import township.rollup.importer.PdfText;
import township.rollup.importer.PublishedReportImporter;
import township.rollup.importer.Reason;
import township.rollup.importer.TableResult;
import township.rollup.ingest.SubmissionParser;
import township.rollup.output.AtomicFiles;
import township.rollup.output.ReportPublisher;
import township.rollup.output.SubmissionCsvWriter;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;

/**
 * {@code import}: a published report's text or saved web page to a submission and its import record.
 * It reads the settings only (registry, output folder, language): it never opens the database nor takes
 * the run lock, so it can run while a nightly does; its output goes through the inbox like any file.
 */
@Command(name = "import", mixinStandardHelpOptions = true)
class ImportCommand implements Callable<Integer> {

	/** An annual report, even saved with its page's scripts and styles, is far smaller. */
	static final long MAX_BYTES = 8L * 1024 * 1024;

	/** A report's PDF, with its fonts and a scanned seal, is far smaller. */
	static final long MAX_PDF_BYTES = 32L * 1024 * 1024;

	private static final Pattern UNIT_CODE = Pattern.compile("\\d{12}");

	/** Rows listed with their reason in the summary; the import record has them all. */
	private static final int PROBLEMS_SHOWN = 10;

	@Mixin
	YearOption year;

	@Mixin
	GlobalOptions global;

	@ArgGroup(exclusive = true, multiplicity = "1")
	Who who;

	static class Who {

		@Option(names = "--township", paramLabel = "CODE|NAME",
				descriptionKey = "help.import.township")
		String township;

		@ArgGroup(exclusive = false)
		Foreign foreign;

	}

	/** A unit that is not in the registry: a report from another county, for an assessment. */
	static class Foreign {

		@Option(names = "--unit-code", required = true, paramLabel = "CODE",
				descriptionKey = "help.import.unit-code")
		String code;

		@Option(names = "--unit-name", required = true, paramLabel = "NAME",
				descriptionKey = "help.import.unit-name")
		String name;

	}

	@Option(names = "--format", paramLabel = "2019|2021",
			descriptionKey = "help.import.format")
	String format;

	@Option(names = "--out", paramLabel = "DIR", descriptionKey = "help.import.out")
	Path out;

	@Parameters(index = "0", paramLabel = "FILE",
			descriptionKey = "help.import.file")
	Path file;

	@Override
	public Integer call() {
		return SpringLauncher.run(global, SpringLauncher.Needs.SETTINGS, context -> {
			RollupProperties settings = context.getBean(RollupProperties.class);
			Messages m = settings.messages();
			if (format != null && ReportFormats.standard().find(format).isEmpty()) {
				throw usage(m.get("import.error.format", format,
						String.join(AnyLanguage.text("cli.any.import.enumeration"), ReportFormats.standard().ids())));
			}
			Unit unit = unit(settings, m);
			byte[] bytes = bytes(m);
			PublishedReportImporter importer = new PublishedReportImporter(ReportFormats.standard());
			Summary summary = new Summary(m);
			ImportResult result;
			if (isPdf(bytes)) {
				PublishedReportImporter.PdfImport pdf = importer.readPdf(bytes, format);
				summary.title(file.getFileName().toString(), PublishedReportImporter.Source.PDF,
						m.get("import.source.pdf-pages", pdf.pages()), unit, year.year);
				if (pdf.problem() == PdfText.Problem.NO_TEXT) {
					// as a text with no tables: nothing to import, nothing written
					summary.line(m.get("import.error.pdf-no-text", file.getFileName(), pdf.pages()));
					summary.print();
					return ExitCodes.INCOMPLETE;
				}
				if (pdf.problem() != null) {
					throw usage(pdfRefused(m, pdf));
				}
				result = pdf.result();
			}
			else {
				SubmissionParser.DecodedText text = decode(m, bytes);
				PublishedReportImporter.Source source = PublishedReportImporter.Source
					.ofFileName(file.getFileName().toString());
				if (source == PublishedReportImporter.Source.PDF) {
					source = PublishedReportImporter.Source.TEXT; // named .pdf, but text
				}
				result = importer.read(text.text(), source, format);
				summary.title(file.getFileName().toString(), source, text.encoding(), unit, year.year);
			}
			summary.format(result);
			if (result.formatId() == null) {
				summary.print();
				return ExitCodes.INCOMPLETE;
			}
			Path dir = out != null ? out : settings.outputDir().resolve("imports").resolve(String.valueOf(year.year));
			String fileName = ReportPublisher.reportFileName(unit, year.year);
			Path submission = dir.resolve(fileName);
			Path defaultDir = settings.outputDir().resolve("imports").resolve(String.valueOf(year.year));
			// nightly reads every file of an inbox as a report: the record beside the submission would be a second
			boolean intoInbox = isInbox(dir, settings);
			Path record = (intoInbox ? defaultDir : dir)
				.resolve(fileName.substring(0, fileName.length() - ".csv".length()) + ".import.csv");
			ReportFormat reportFormat = ReportFormats.standard().get(result.formatId());
			String remark = m.get("import.csv.remark", file.getFileName().toString(), result.found(),
					result.cells().size());
			AtomicFiles.write(submission,
					SubmissionCsvWriter.filled(reportFormat,
							new SubmissionCsvWriter.Header(unit.name(), unit.code(), year.year, remark),
							result.submissionCells(), result.narrativeCells()));
			AtomicFiles.write(record, ImportRecordCsv.write(result, cell -> note(m, cell)));
			summary.cells(result, record);
			summary.written(submission, record);
			if (intoInbox) {
				summary.recordElsewhere(dir, record);
			}
			summary.outcome(result, submission, record, intoInbox);
			summary.print();
			return result.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
		});
	}

	/** A year's inbox: a folder directly under the input folder. */
	static boolean isInbox(Path dir, RollupProperties settings) {
		Path parent = dir.toAbsolutePath().normalize().getParent();
		return parent != null && parent.equals(settings.inputDir().toAbsolutePath().normalize());
	}

	private Unit unit(RollupProperties settings, Messages m) {
		if (who.township != null) {
			return settings.loadRegistry()
				.find(who.township)
				.orElseThrow(() -> usage(m.get("import.error.no-township", who.township, settings.registry())));
		}
		String code = who.foreign.code.strip();
		String name = who.foreign.name.strip();
		if (!UNIT_CODE.matcher(code).matches()) {
			throw usage(m.get("import.error.unit-code", code));
		}
		// the name goes into the file name, which the inbox reads as <code>_<name>_<year>.csv
		if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.contains(",") || name.contains("_")) {
			throw usage(m.get("import.error.unit-name", name));
		}
		return new Unit(code, name, "", "", "import");
	}

	/** A PDF by its first bytes, whatever the file's name. */
	static boolean isPdf(byte[] bytes) {
		return bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F'
				&& bytes[4] == '-';
	}

	private byte[] bytes(Messages m) {
		if (!Files.isRegularFile(file)) {
			throw usage(m.get("import.error.no-file", file));
		}
		try {
			long size = Files.size(file);
			if (size > MAX_PDF_BYTES) {
				throw usage(m.get("import.error.too-large", file, size, MAX_PDF_BYTES));
			}
			byte[] bytes = Files.readAllBytes(file);
			if (!isPdf(bytes) && size > MAX_BYTES) {
				throw usage(m.get("import.error.too-large", file, size, MAX_BYTES));
			}
			return bytes;
		}
		catch (IOException ex) {
			throw usage(m.get("import.error.read", file, ex.getMessage()));
		}
	}

	private String pdfRefused(Messages m, PublishedReportImporter.PdfImport pdf) {
		String name = file.getFileName().toString();
		return switch (pdf.problem()) {
			case PASSWORD -> m.get("import.error.pdf-password", name);
			case TOO_MANY_PAGES -> m.get("import.error.pdf-too-many-pages", name, pdf.detail(), PdfText.MAX_PAGES);
			case TOO_MUCH_TEXT -> m.get("import.error.pdf-too-much-text", name, PdfText.MAX_CHARACTERS);
			case TOO_SLOW -> m.get("import.error.pdf-too-slow", name, PdfText.MAX_SECONDS);
			case DAMAGED, NO_TEXT -> m.get("import.error.pdf-damaged", name, pdf.detail());
		};
	}

	private SubmissionParser.DecodedText decode(Messages m, byte[] bytes) {
		SubmissionParser.DecodedText text = SubmissionParser.decodeText(bytes);
		if (text.isText()) {
			return text;
		}
		if ("UNDECODABLE".equals(text.problem())) {
			throw usage(m.get("import.error.undecodable", file, text.line(), text.offset() + 1));
		}
		throw usage(m.get("import.error.not-text", file, text.problem(m.language())));
	}

	private static CommandException usage(String message) {
		return new CommandException(ExitCodes.USAGE, message);
	}

	/** A cell's reason in the reader's words, for the import record and the summary. */
	static String note(Messages m, CellImport cell) {
		return m.get(cell.reason().key(), cell.args().toArray());
	}

	/** What the command prints, line by line, from the message catalogue. */
	private static final class Summary {

		private final Messages m;

		private final List<String> lines = new ArrayList<>();

		Summary(Messages m) {
			this.m = m;
		}

		void title(String fileName, PublishedReportImporter.Source source, String encoding, Unit unit, int year) {
			lines.add(m.get("import.summary.title", fileName,
					m.get(switch (source) {
						case HTML -> "import.source.html";
						case PDF -> "import.source.pdf";
						case TEXT -> "import.source.text";
					}),
					encoding, unit.name(), unit.code(), year));
		}

		void format(ImportResult result) {
			String evidence = evidence(result.evidence());
			if (result.formatId() == null) {
				String why = result.formatProblem() == ImportResult.FormatProblem.TABLES_DISAGREE
						? m.get("import.summary.format-disagree", evidence) : m.get("import.summary.format-no-evidence");
				lines.add(m.get("import.summary.format-none", why));
			}
			else if (result.formatForced()) {
				lines.add(m.get("import.summary.format-forced", result.formatId(), evidence));
			}
			else {
				lines.add(m.get("import.summary.format", result.formatId(), evidence));
			}
		}

		private String evidence(List<Evidence> evidence) {
			if (evidence.isEmpty()) {
				return m.get("import.summary.evidence-none");
			}
			List<String> items = new ArrayList<>();
			for (Evidence e : evidence.subList(0, Math.min(4, evidence.size()))) {
				items.add(m.get("import.summary.evidence-item", e.text(), tableName(e.tableCode()), e.line(), e.formatId()));
			}
			String shown = String.join(m.get("cli.import.separator.evidence"), items);
			return evidence.size() > 4
					? shown + m.get("cli.import.separator.more") + m.get("import.summary.more", evidence.size() - 4) : shown;
		}

		private String tableName(String code) {
			return m.get("import.table." + code);
		}

		void cells(ImportResult result, Path record) {
			Map<ImportStatus, Integer> counts = result.counts();
			List<String> detail = new ArrayList<>();
			for (ImportStatus status : ImportStatus.values()) {
				if (status != ImportStatus.VALUE && counts.getOrDefault(status, 0) > 0) {
					detail.add(m.get("import.summary.count", m.get("import.status." + status.name()), counts.get(status)));
				}
			}
			lines.add(detail.isEmpty() ? m.get("import.summary.cells", result.cells().size(), result.found())
					: m.get("import.summary.cells-detail", result.cells().size(), result.found(),
							String.join(m.get("cli.import.separator.list"), detail)));
			for (TableResult table : result.tables()) {
				lines.add(switch (table.decision()) {
					case MISSING -> m.get("import.summary.table-absent", tableName(table.code()),
							ReportFormats.standard().get(result.formatId()).table(table.code()).title());
					case REFUSED -> m.get("import.summary.table-refused", tableName(table.code()), evidence(table.evidence()));
					default -> coverage(table);
				});
				boolean sameRowsOnly = table.decision() == TableResult.Decision.SAME_ROWS_ONLY && result.cells()
					.stream()
					.anyMatch(c -> c.code().startsWith(table.code() + ".") && c.reason() == Reason.FORMAT_UNDECIDED);
				if (sameRowsOnly) {
					lines.add(m.get("import.summary.table-same-rows", tableName(table.code())));
				}
			}
			Map<String, String> narrative = result.narrativeCells();
			if (narrative.isEmpty()) {
				lines.add(m.get("import.summary.narrative-none"));
			}
			else {
				List<String> items = new ArrayList<>();
				narrative.forEach((code, value) -> items.add(code + " " + value));
				lines.add(m.get("import.summary.narrative", narrative.size(),
						String.join(m.get("cli.import.separator.list"), items)));
			}
			problems(result, record);
		}

		private String coverage(TableResult table) {
			String name = tableName(table.code());
			if (table.rowsFound() == 0 && table.missingFrom() == 1) {
				return m.get("import.summary.table-none", name, table.rows());
			}
			if (table.missingFrom() > 0) {
				return m.get("import.summary.table-missing-from", name, table.rows(), table.rowsFound(),
						table.missingFrom());
			}
			return m.get("import.summary.table", name, table.rows(), table.rowsFound());
		}

		/** The rows not found whole, each with the reason of its first cell that is not a value. */
		private void problems(ImportResult result, Path record) {
			Map<String, CellImport> firstProblem = new LinkedHashMap<>();
			ReportFormat format = ReportFormats.standard().get(result.formatId());
			for (CellImport cell : result.cells()) {
				if (cell.status() != ImportStatus.VALUE) {
					String row = format.rows()
						.stream()
						.filter(r -> cell.code().startsWith(r.code() + "."))
						.findFirst()
						.orElseThrow()
						.code();
					firstProblem.putIfAbsent(row, cell);
				}
			}
			if (firstProblem.isEmpty()) {
				return;
			}
			lines.add(m.get("import.summary.problems", Math.min(PROBLEMS_SHOWN, firstProblem.size()),
					record.getFileName()));
			firstProblem.entrySet().stream().limit(PROBLEMS_SHOWN).forEach(e -> {
				CellImport cell = e.getValue();
				String where = cell.lines().isEmpty() ? ""
						: m.get("import.summary.lines", String.join(AnyLanguage.text("cli.any.import.enumeration"),
								cell.lines().stream().map(String::valueOf).toList()));
				lines.add(m.get("import.summary.problem", e.getKey(), cell.rowLabel(),
						m.get("import.status." + cell.status().name()), note(m, cell) + where));
			});
		}

		void written(Path submission, Path record) {
			lines.add(m.get("import.summary.written"));
			lines.add(m.get("import.summary.file", submission.toAbsolutePath().normalize()));
			lines.add(m.get("import.summary.file", record.toAbsolutePath().normalize()));
		}

		void recordElsewhere(Path inbox, Path record) {
			lines.add(m.get("import.summary.record-elsewhere", inbox.toAbsolutePath().normalize(),
					record.getParent().toAbsolutePath().normalize()));
		}

		void outcome(ImportResult result, Path submission, Path record, boolean inInbox) {
			if (result.cutOff()) {
				lines.add(m.get("import.summary.cut-off"));
			}
			if (!result.complete()) {
				lines.add(m.get("import.summary.incomplete", record.getFileName()));
			}
			else {
				lines.add(m.get(inInbox ? "import.summary.complete-in-inbox" : "import.summary.complete",
						submission.getFileName()));
			}
		}

		void line(String line) {
			lines.add(line);
		}

		void print() {
			lines.forEach(Console.OUT::println);
		}

	}

}
