package township.rollup.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import township.rollup.output.SubmissionCsvWriter;
import township.rollup.output.workbook.ReportWorkbook;
import township.rollup.reportformat.ColumnDef;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.RowDef;

/**
 * Workbooks for tests, made the way a clerk makes them: the product's .xlsx template, opened with POI,
 * filled in cell by cell (found by the row code in column A, as a person finds them by label), then
 * saved; and the defects only a workbook can have, made with POI or by editing the XML inside the zip.
 */
public final class XlsxFixtures {

	private XlsxFixtures() {
	}

	public static byte[] template(String formatId, String unitName, String unitCode, int year) {
		return ReportWorkbook.template(ReportFormats.standard().get(formatId),
				new SubmissionCsvWriter.Header(unitName, unitCode, year));
	}

	/** The template filled with these numbers; every other value cell left empty. */
	public static byte[] filled(byte[] template, Map<String, BigDecimal> values, Map<String, BigDecimal> narrative) {
		return edit(template, workbook -> fill(workbook, values, narrative));
	}

	/** The template with every value cell set: the given numbers, 0 everywhere else. */
	public static byte[] complete(String formatId, byte[] template, Map<String, BigDecimal> values,
			Map<String, BigDecimal> narrative) {
		ReportFormat format = ReportFormats.standard().get(formatId);
		Map<String, BigDecimal> all = new LinkedHashMap<>();
		format.cells().forEach(c -> all.put(c.code(), BigDecimal.ZERO));
		all.putAll(values);
		return filled(template, all, narrative);
	}

	/** Opens the workbook with POI, lets {@code change} work on it, and saves it. */
	public static byte[] edit(byte[] workbook, Consumer<XSSFWorkbook> change) {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			change.accept(book);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sets every given cell, by row code and column code, and every given 总体情况 number. */
	public static void fill(XSSFWorkbook workbook, Map<String, BigDecimal> values, Map<String, BigDecimal> narrative) {
		values.forEach((code, value) -> cell(workbook, code).setCellValue(value.doubleValue()));
		narrative.forEach((code, value) -> row(workbook, code).getCell(2).setCellValue(value.doubleValue()));
	}

	/** The value cell of a cell code such as {@code T3.r1.np}. */
	public static XSSFCell cell(XSSFWorkbook workbook, String cellCode) {
		ReportFormat format = ReportFormats.standard().get(formatOf(workbook));
		var def = format.cell(cellCode).orElseThrow(() -> new IllegalArgumentException("no cell " + cellCode));
		RowDef row = def.row();
		ColumnDef column = def.column();
		Row sheetRow = row(workbook, row.code());
		Cell cell = sheetRow.getCell(2 + row.columns().indexOf(column));
		if (cell == null) {
			cell = sheetRow.createCell(2 + row.columns().indexOf(column));
		}
		return (XSSFCell) cell;
	}

	/** The sheet row whose column A holds the code, on any sheet. */
	public static Row row(XSSFWorkbook workbook, String code) {
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				Cell first = row.getCell(0);
				if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
						&& first.getStringCellValue().equals(code)) {
					return row;
				}
			}
		}
		throw new IllegalArgumentException("no row " + code);
	}

	private static String formatOf(XSSFWorkbook workbook) {
		return row(workbook, "META.format").getCell(2).getStringCellValue();
	}

	/** The zip with one entry's text changed (or a new entry added when it was not there). */
	public static byte[] rewrite(byte[] zip, String entryName, UnaryOperator<String> change) {
		return rezip(zip, entryName, bytes -> change
			.apply(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8));
	}

	/** The zip with one entry's bytes replaced, added ({@code null} given) or removed ({@code null} returned). */
	public static byte[] rezip(byte[] zip, String entryName, UnaryOperator<byte[]> change) {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			boolean seen = false;
			try (ZipOutputStream out = new ZipOutputStream(bytes)) {
				for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
					byte[] content = in.readAllBytes();
					if (entry.getName().equals(entryName)) {
						seen = true;
						content = change.apply(content);
						if (content == null) {
							continue;
						}
					}
					out.putNextEntry(new ZipEntry(entry.getName()));
					out.write(content);
					out.closeEntry();
				}
				if (!seen) {
					byte[] content = change.apply(null);
					if (content != null) {
						out.putNextEntry(new ZipEntry(entryName));
						out.write(content);
						out.closeEntry();
					}
				}
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text of one zip entry. */
	public static String entry(byte[] zip, String entryName) {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				if (entry.getName().equals(entryName)) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			throw new IllegalArgumentException("no entry " + entryName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A map from alternating codes and numbers, for test fixtures written by hand. */
	public static Map<String, BigDecimal> numbers(String... codesAndValues) {
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		for (int i = 0; i < codesAndValues.length; i += 2) {
			map.put(codesAndValues[i], new BigDecimal(codesAndValues[i + 1]));
		}
		return map;
	}

}
