package township.rollup.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.RowDef;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real published report PDFs, opt-in: they are not committed (their licence is not stated), so the test
 * runs only when a folder holding them is named, and each file is checked to be the one the expected
 * cells were written from (its SHA-256). The expected cells ({@code fixtures/importer/real/*.expected})
 * are written by hand from the printed pages, in the syntax of {@link ShapeFixturesTests}:
 *
 * <pre>
 * mvn -B -o test -Dtest=RealPublishedPdfTests -Dimporter.realPdfs=/path/to/folder
 * </pre>
 *
 * (or {@code ROLLUP_REAL_PDFS=/path/to/folder}). It prints the time each file takes to read, the median
 * of five reads after one to warm up.
 */
class RealPublishedPdfTests {

	private static final Path CASES = ImporterFixtures.DIR.resolve("real/cases.csv");

	static Stream<Arguments> cases() throws IOException {
		List<Arguments> cases = new ArrayList<>();
		List<String> lines = Files.readAllLines(CASES, StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			if (!line.isBlank()) {
				String[] parts = line.split(",");
				cases.add(Arguments.of(parts[0], parts[1], parts[2]));
			}
		}
		return cases.stream();
	}

	private static Path folder() {
		String named = System.getProperty("importer.realPdfs", System.getenv("ROLLUP_REAL_PDFS"));
		return named == null || named.isBlank() ? null : Path.of(named);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void everyPrintedValueIsFoundAndNothingIsInvented(String file, String sha256, String expectedName)
			throws IOException, NoSuchAlgorithmException {
		Path folder = folder();
		Assumptions.assumeTrue(folder != null, "no folder of real PDFs named (-Dimporter.realPdfs)");
		Path pdf = folder.resolve(file);
		Assumptions.assumeTrue(Files.isRegularFile(pdf), file + " is not in " + folder);
		byte[] bytes = Files.readAllBytes(pdf);
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).as(file + " is the file the expected cells were written from")
			.isEqualTo(sha256);

		// when
		PublishedReportImporter importer = ImporterFixtures.IMPORTER;
		importer.readPdf(bytes, null);
		long[] times = new long[5];
		PublishedReportImporter.PdfImport read = null;
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			read = importer.readPdf(bytes, null);
			times[i] = System.nanoTime() - start;
		}
		java.util.Arrays.sort(times);

		// then
		ShapeFixturesTests.Expected expected = ShapeFixturesTests.Expected.read("real/" + expectedName);
		ImportResult result = read.result();
		assertThat(result).as(file + ": " + read.problem()).isNotNull();
		assertThat(result.formatId()).isEqualTo(expected.format());
		ReportFormat format = ReportFormats.standard().get(expected.format());
		for (RowDef row : format.rows()) {
			List<String> specs = expected.forRow(row.code());
			assertThat(specs).as("the expected file covers row " + row.code()).isNotNull();
			for (int i = 0; i < row.columns().size(); i++) {
				String spec = specs.size() == 1 ? specs.get(0) : specs.get(i);
				ShapeFixturesTests.check(result.cell(row.cellCode(row.columns().get(i))), spec);
			}
		}
		for (CellImport narr : result.narrative()) {
			ShapeFixturesTests.check(narr, expected.forRow(narr.code()).get(0));
		}
		System.out.printf("%s: %d pages, %s, %d ms per read (median of 5)%n", file, read.pages(), result.counts(),
				times[2] / 1_000_000);
	}

}
