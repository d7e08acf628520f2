package township.rollup.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.reportformat.WorkbookFormat;
import township.rollup.submission.TextLimits;

/**
 * Reads an .xlsx workbook into grid lines, one per sheet row that holds something, each cell with its
 * origin (address and kind). What a cell means is the parser's business, as for CSV; this class only
 * says what Excel stored: the number as Excel shows it, the text, a formula's saved result or its
 * absence, a date, an error value, a merged range.
 *
 * <p>
 * Safety, before and while POI opens the file: the bytes are at most {@link SubmissionParser#MAX_BYTES}
 * (checked by the caller, as for CSV); the zip is first walked with the JDK's own reader and every entry
 * inflated and counted, so that more than {@link #MAX_ENTRIES} entries or {@link #MAX_UNCOMPRESSED} bytes
 * in all is refused before any XML is parsed; POI's own zip-bomb guard stays on and is tightened (entry
 * size, text size, entry count); the package is opened read-only ({@link PackageAccess#READ}) from a
 * private temporary copy and reverted, never saved; POI's XML parsers refuse DOCTYPE declarations, so no
 * external entity is ever resolved. Macros ({@code .xlsm}, a {@code vbaProject.bin}) are refused, never
 * opened. A sheet larger than any form ({@link #MAX_ROWS} rows, {@link #MAX_COLUMNS} columns with
 * content, {@link #MAX_MERGED} merged ranges) is refused as not being the template.
 */
final class XlsxReader {

	private static final Messages ZH = Messages.of(Language.ZH);

	private static final Messages EN = Messages.of(Language.EN);


	/** A filled template is about 20 KB compressed and 200 KB inflated; 16 MiB is far more than any form. */
	static final long MAX_UNCOMPRESSED = 16L * 1024 * 1024;

	/** A template has about 15 entries; a workbook saved by WPS a few more. */
	static final int MAX_ENTRIES = 100;

	/** POI's per-entry limit, tightened from its default of 4 GiB. */
	static final long MAX_ENTRY = 8L * 1024 * 1024;

	/** POI's limit on the text of one part (shared strings), tightened from its default of 10 M characters. */
	static final long MAX_TEXT = 2_000_000;

	static final int MAX_ROWS = WorkbookFormat.MAX_ROWS;

	static final int MAX_COLUMNS = 100;

	static final int MAX_MERGED = 2000;

	/** Excel shows and computes 15 significant digits; the few binary digits beyond are no one's input. */
	private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

	static {
		// process-wide POI settings; only tightened, never loosened (the default inflate ratio 0.01 stays)
		ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), MAX_ENTRY));
		ZipSecureFile.setMaxTextSize(Math.min(ZipSecureFile.getMaxTextSize(), MAX_TEXT));
		ZipSecureFile.setMaxFileCount(Math.min(ZipSecureFile.getMaxFileCount(), MAX_ENTRIES));
	}

	private XlsxReader() {
	}

	/** What reading the workbook gave: its rows, or why it was not read. */
	sealed interface Result permits Workbook, Problem {
	}

	/**
	 * The rows of every sheet in workbook order (the metadata sheet and the read-only sheets it names aside),
	 * and the rows of the metadata sheet when there is one.
	 */
	record Workbook(List<GridReader.GridLine> lines, List<GridReader.GridLine> metadata) implements Result {
	}

	/** Why the workbook was not read, in both languages; {@code macros} when it carries macros. */
	record Problem(boolean macros, String reasonZh, String reasonEn) implements Result {

		/** The reason in both languages, from the message catalogue. */
		static Problem of(boolean macros, String key, Object... args) {
			return new Problem(macros, ZH.get(key, args), EN.get(key, args));
		}

	}

	static Result read(byte[] bytes) {
		Path copy = null;
		try {
			copy = Files.createTempFile("rollup-", ".xlsx");
			Files.write(copy, bytes);
			Problem problem = scan(copy);
			if (problem != null) {
				return problem;
			}
			return open(copy);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot make a private copy of a workbook", ex);
		}
		finally {
			if (copy != null) {
				try {
					Files.deleteIfExists(copy);
				}
				catch (IOException ex) {
					// a leftover in the temporary folder is harmless; reading went on
				}
			}
		}
	}

	/**
	 * Walks the zip with the JDK's reader, inflating every entry and counting what comes out, without
	 * trusting the sizes the zip declares.
	 */
	private static Problem scan(Path copy) {
		try (ZipFile zip = new ZipFile(copy.toFile())) {
			if (zip.size() > MAX_ENTRIES) {
				return tooLarge("xlsx.size.entries", zip.size());
			}
			long total = 0;
			byte[] buffer = new byte[64 * 1024];
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName().toLowerCase(Locale.ROOT);
				if (name.endsWith("vbaproject.bin") || name.endsWith("vbadata.xml")) {
					return Problem.of(true, "xlsx.macro-code");
				}
				try (InputStream in = zip.getInputStream(entry)) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						total += n;
						if (total > MAX_UNCOMPRESSED) {
							return tooLarge("xlsx.size.inflated", MAX_UNCOMPRESSED);
						}
					}
				}
			}
			return null;
		}
		catch (ZipException ex) {
			return Problem.of(false, "xlsx.zip-incomplete", reason(ex));
		}
		catch (IOException ex) {
			return Problem.of(false, "xlsx.zip-unreadable", reason(ex));
		}
	}

	/** Too large to be the template: {@code xlsx.too-large} around what is too large ({@code key}). */
	private static Problem tooLarge(String key, Object... args) {
		return new Problem(false, ZH.get("xlsx.too-large", ZH.get(key, args)), EN.get("xlsx.too-large", EN.get(key, args)));
	}

	private static Result open(Path copy) {
		OPCPackage pkg;
		try {
			pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ);
		}
		catch (Exception ex) {
			return Problem.of(false, "xlsx.not-workbook", reason(ex));
		}
		try {
			String type = mainContentType(pkg);
			if (type == null) {
				return Problem.of(false, "xlsx.no-workbook");
			}
			if (type.contains(".binary.")) {
				return Problem.of(false, "xlsx.binary");
			}
			if (type.contains("macroEnabled")) {
				return Problem.of(true, "xlsx.macro-enabled");
			}
			if (!type.equals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
					&& !type.equals("application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml")) {
				return Problem.of(false, "xlsx.content-type", type);
			}
			XSSFWorkbook workbook;
			try {
				workbook = new XSSFWorkbook(pkg);
			}
			catch (Exception ex) {
				// damaged XML, a DOCTYPE (refused: no external entity is ever resolved), a zip bomb
				return Problem.of(false, "xlsx.damaged", reason(ex));
			}
			return rows(workbook);
		}
		finally {
			// read-only: close without saving
			pkg.revert();
		}
	}

	private static String mainContentType(OPCPackage pkg) {
		PackageRelationshipCollection rels = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
		if (rels.isEmpty()) {
			return null;
		}
		PackagePart part = pkg.getPart(rels.getRelationship(0));
		return part == null ? null : part.getContentType();
	}

	private static Result rows(XSSFWorkbook workbook) {
		List<GridReader.GridLine> lines = new ArrayList<>();
		List<GridReader.GridLine> metadata = new ArrayList<>();
		DataFormatter formatter = new DataFormatter(Locale.SIMPLIFIED_CHINESE);
		XSSFSheet metadataSheet = workbook.getSheet(WorkbookFormat.METADATA_SHEET);
		if (metadataSheet != null && rows(metadataSheet, formatter, metadata) instanceof Problem problem) {
			return problem;
		}
		// the published report's sheets for people (its board, its findings) are no part of the submission
		List<String> readOnly = metadata.stream()
			.filter(l -> l.cell(0).strip().equals(WorkbookFormat.READ_ONLY_CODE))
			.map(l -> l.cell(2))
			.toList();
		for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
			XSSFSheet sheet = workbook.getSheetAt(s);
			if (sheet == metadataSheet || readOnly.contains(sheet.getSheetName())) {
				continue;
			}
			Result sheetRows = rows(sheet, formatter, lines);
			if (sheetRows instanceof Problem problem) {
				return problem;
			}
		}
		return new Workbook(lines, metadata);
	}

	private static Result rows(XSSFSheet sheet, DataFormatter formatter, List<GridReader.GridLine> out) {
		String name = sheet.getSheetName();
		List<CellRangeAddress> regions = sheet.getMergedRegions();
		if (regions.size() > MAX_MERGED) {
			return tooLarge("xlsx.size.merged", name, regions.size());
		}
		Map<Integer, List<CellRangeAddress>> mergedByRow = new HashMap<>();
		for (CellRangeAddress region : regions) {
			for (int r = region.getFirstRow(); r <= Math.min(region.getLastRow(), MAX_ROWS); r++) {
				mergedByRow.computeIfAbsent(r, k -> new ArrayList<>()).add(region);
			}
		}
		for (var it = sheet.rowIterator(); it.hasNext();) {
			XSSFRow row = (XSSFRow) it.next();
			List<String> cells = new ArrayList<>();
			List<CellOrigin> origins = new ArrayList<>();
			int last = -1;
			for (var cit = row.cellIterator(); cit.hasNext();) {
				XSSFCell cell = (XSSFCell) cit.next();
				if (cell.getColumnIndex() >= MAX_COLUMNS && cell.getCellType() != CellType.BLANK) {
					return tooLarge("xlsx.size.columns", name, cell.getAddress(), MAX_COLUMNS);
				}
				if (cell.getColumnIndex() >= MAX_COLUMNS) {
					continue;
				}
				while (cells.size() < cell.getColumnIndex()) {
					origins.add(new CellOrigin(name, row.getRowNum(), cells.size(), CellOrigin.Kind.BLANK, null, null));
					cells.add("");
				}
				CellOrigin origin = originOf(name, cell);
				String text = textOf(cell, origin.kind(), formatter);
				cells.add(text);
				origins.add(origin);
				if (!text.isEmpty() || origin.kind() != CellOrigin.Kind.BLANK) {
					last = cells.size() - 1;
				}
			}
			if (last < 0) {
				continue; // a row with styles only
			}
			if (row.getRowNum() >= MAX_ROWS) {
				return tooLarge("xlsx.size.rows", name, row.getRowNum() + 1, MAX_ROWS);
			}
			List<CellRangeAddress> merged = mergedByRow.getOrDefault(row.getRowNum(), List.of());
			// a merged range's covered cells may be absent from the file: the row reaches its last column
			int reach = last;
			for (CellRangeAddress region : merged) {
				if (region.getFirstColumn() <= last + 1) {
					reach = Math.max(reach, Math.min(region.getLastColumn(), MAX_COLUMNS - 1));
				}
			}
			while (cells.size() <= reach) {
				origins.add(new CellOrigin(name, row.getRowNum(), cells.size(), CellOrigin.Kind.BLANK, null, null));
				cells.add("");
			}
			List<String> keptCells = new ArrayList<>(cells.subList(0, reach + 1));
			List<CellOrigin> keptOrigins = new ArrayList<>(origins.subList(0, reach + 1));
			for (CellRangeAddress region : merged) {
				String range = new CellReference(name, region.getFirstRow(), region.getFirstColumn(), false, false)
					.formatAsString() + ":"
						+ new CellReference(region.getLastRow(), region.getLastColumn(), false, false).formatAsString();
				for (int c = region.getFirstColumn(); c <= Math.min(region.getLastColumn(), reach); c++) {
					keptOrigins.set(c, keptOrigins.get(c).withMerged(range));
				}
			}
			out.add(new GridReader.GridLine(row.getRowNum() + 1, keptCells, keptOrigins));
		}
		return null;
	}

	private static CellOrigin originOf(String sheet, XSSFCell cell) {
		int row = cell.getRowIndex();
		int column = cell.getColumnIndex();
		CellOrigin.Kind kind = switch (cell.getCellType()) {
			case BLANK -> CellOrigin.Kind.BLANK;
			case STRING -> CellOrigin.Kind.TEXT;
			case BOOLEAN -> CellOrigin.Kind.BOOLEAN;
			case ERROR -> CellOrigin.Kind.ERROR;
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? CellOrigin.Kind.DATE : CellOrigin.Kind.NUMBER;
			case FORMULA -> formulaKind(cell);
			default -> CellOrigin.Kind.TEXT;
		};
		String formula = cell.getCellType() == CellType.FORMULA ? formulaOf(cell) : null;
		return new CellOrigin(sheet, row, column, kind, formula, null);
	}

	/**
	 * A formula's kind by its saved result. Without a saved value POI would answer 0 (a formula reads as
	 * NUMERIC 0.0): that is never taken as a value.
	 */
	private static CellOrigin.Kind formulaKind(XSSFCell cell) {
		var ct = cell.getCTCell();
		CellType result = cell.getCachedFormulaResultType();
		boolean saved = ct.isSetV() && (result == CellType.STRING || !ct.getV().isEmpty());
		if (!saved) {
			return CellOrigin.Kind.FORMULA_UNCACHED;
		}
		if (result == CellType.ERROR) {
			return CellOrigin.Kind.ERROR;
		}
		if (result == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return CellOrigin.Kind.DATE;
		}
		return CellOrigin.Kind.FORMULA;
	}

	private static String formulaOf(XSSFCell cell) {
		try {
			return TextLimits.cut(cell.getCellFormula(), TextLimits.ARGUMENT);
		}
		catch (RuntimeException ex) {
			// a formula POI cannot render (a shared formula whose master is missing): still a formula
			return "?";
		}
	}

	/** The cell's value as text, as a CSV export would hold it. */
	private static String textOf(XSSFCell cell, CellOrigin.Kind kind, DataFormatter formatter) {
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (kind) {
			case BLANK, FORMULA_UNCACHED -> "";
			case DATE -> formatter.formatCellValue(cell, null);
			case ERROR -> cell.getCTCell().isSetV() ? cell.getCTCell().getV() : "#N/A";
			case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
			default -> switch (type) {
				case NUMERIC -> number(cell);
				case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
				default -> cell.getStringCellValue();
			};
		};
	}

	/**
	 * A number as Excel shows it: at most 15 significant digits, no exponent, no trailing zeros. What is
	 * not a finite number (an overflowing literal) stays as written, and is text to the parser.
	 */
	static String number(XSSFCell cell) {
		double value = cell.getNumericCellValue();
		if (!Double.isFinite(value)) {
			return cell.getCTCell().getV();
		}
		BigDecimal decimal = BigDecimal.valueOf(value).round(EXCEL_DIGITS);
		return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
	}

	private static String reason(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return TextLimits.cut(message.replaceAll("\\s+", " ").strip(), TextLimits.ARGUMENT);
	}

}
