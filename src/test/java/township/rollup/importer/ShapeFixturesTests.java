package township.rollup.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.RowDef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One hand-written fixture per text shape (fixtures/importer/cases.csv), each with the expected status
 * and text of every cell in {@code <case>.expected}, written by hand:
 *
 * <pre>
 * format 2019                 the format the import must decide (none: no format, nothing imported)
 * T2.i1.reg 1 2 3             values, in the row's column order
 * T2.i5.lic BLANK             one status for every cell of the row
 * T2.i9.proc 20 UNREADABLE:251000元   a status with the text as found (NA:/, UNREADABLE:…)
 * T3.* NOT_FOUND              every row of the table not listed above it
 * </pre>
 *
 * A case {@code x+layout} (a PDF's {@code pdftotext -layout} text) has the expected file of case {@code x}.
 *
 * Every row of the format must be covered, so a fixture states what becomes of each of its cells.
 */
class ShapeFixturesTests {

	static Stream<Arguments> cases() throws IOException {
		List<String> lines = Files.readAllLines(ImporterFixtures.DIR.resolve("cases.csv"), StandardCharsets.UTF_8);
		List<Arguments> cases = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split(",", 4);
			cases.add(Arguments.of(parts[0], parts[1], parts[2].isBlank() ? null : parts[2].strip()));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void everyCellHasItsExpectedStatusAndText(String name, String fixture, String formatOption) {
		// given
		Expected expected = Expected.read(name);

		// when
		ImportResult result = ImporterFixtures.readFixture(fixture, formatOption);

		// then
		if (expected.format.equals("none")) {
			assertThat(result.formatId()).as("format").isNull();
			assertThat(result.cells()).isEmpty();
			return;
		}
		assertThat(result.formatId()).as("format").isEqualTo(expected.format);
		ReportFormat format = ReportFormats.standard().get(expected.format);
		for (RowDef row : format.rows()) {
			List<String> specs = expected.forRow(row.code());
			assertThat(specs).as("the expected file covers row " + row.code()).isNotNull();
			assertThat(specs.size() == 1 || specs.size() == row.columns().size()).as(row.code() + " spec count")
				.isTrue();
			for (int i = 0; i < row.columns().size(); i++) {
				String code = row.cellCode(row.columns().get(i));
				String spec = specs.size() == 1 ? specs.get(0) : specs.get(i);
				check(result.cell(code), spec);
			}
		}
		for (CellImport narr : result.narrative()) {
			List<String> specs = expected.forRow(narr.code());
			assertThat(specs).as("the expected file covers " + narr.code()).isNotNull();
			check(narr, specs.get(0));
		}
		if (fixture.endsWith(".pdf")) {
			// the lines of a PDF are those of its text layer as read; each value still stands on one
			result.cells().stream().filter(c -> c.status().placesText()).forEach(c -> assertThat(c.lines()).hasSize(1));
			return;
		}
		List<String> source = ImporterFixtures.lines(ImporterFixtures.text(fixture));
		for (CellImport cell : result.cells()) {
			if (cell.status().placesText()) {
				assertThat(cell.lines()).as(cell.code()).hasSize(1);
				assertThat(source.get(cell.lines().get(0))).as(cell.code() + " at its line").contains(cell.text());
			}
		}
	}

	static void check(CellImport cell, String spec) {
		String[] statusAndText = spec.split(":", 2);
		ImportStatus status;
		String text;
		try {
			status = ImportStatus.valueOf(statusAndText[0]);
			text = statusAndText.length > 1 ? statusAndText[1] : null;
		}
		catch (IllegalArgumentException notAStatus) {
			status = ImportStatus.VALUE;
			text = spec;
		}
		assertThat(cell.status()).as(cell.code() + " " + cell.reason() + " " + cell.args()).isEqualTo(status);
		if (text != null) {
			assertThat(cell.text()).as(cell.code()).isEqualTo(text);
		}
		if (!status.placesText()) {
			assertThat(cell.submissionText()).as(cell.code() + " written blank, never 0").isEmpty();
		}
	}

	/** A case's expected file. */
	record Expected(String format, Map<String, List<String>> rows) {

		static Expected read(String name) {
			try {
				String format = null;
				Map<String, List<String>> rows = new LinkedHashMap<>();
				// a PDF's text (case pdf-x+layout) expects what the PDF itself does (case pdf-x)
				String file = name.contains("+") ? name.substring(0, name.indexOf('+')) : name;
				for (String line : Files.readAllLines(ImporterFixtures.DIR.resolve(file + ".expected"),
						StandardCharsets.UTF_8)) {
					String content = line.strip();
					if (content.isEmpty() || content.startsWith("#")) {
						continue;
					}
					String[] words = content.split("\\s+");
					if (words[0].equals("format")) {
						format = words[1];
						continue;
					}
					if (rows.put(words[0], List.of(words).subList(1, words.length)) != null) {
						fail(name + ".expected lists " + words[0] + " twice");
					}
				}
				if (format == null) {
					fail(name + ".expected has no format line");
				}
				return new Expected(format, rows);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** The specs of a row: its own line, else the wildcard of its table ({@code T3.*}, {@code NARR.*}). */
		List<String> forRow(String code) {
			if (rows.containsKey(code)) {
				return rows.get(code);
			}
			String table = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
			return rows.get(table + ".*");
		}

	}

}
