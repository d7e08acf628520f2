package township.rollup.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.RowDef;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties over every deletion and every cut of whole texts: deleting any one value turns that cell,
 * and at most its row, into NOT_FOUND, BLANK or AMBIGUOUS, never into a number; cutting the text at any
 * point never makes up a value. The values to delete are found here by a plain pattern, not by the
 * importer.
 * <p>
 * The suite cuts at every place where a cut could make up a value (inside and beside every digit, at
 * every line's start and end) and at every {@value #CUT_STRIDE}th place in between; {@code jobs/fuzz}
 * cuts everywhere ({@code -Drollup.fuzz.cuts=all}), which takes minutes.
 */
class ImportPropertyTests {

	/** A whole number or decimal standing alone in its cell: what a deletion removes. */
	private static final Pattern NUMBER = Pattern.compile("\\s*[+-]?\\d+(\\.\\d+)?\\s*");

	/** Between the places that must be cut, one place in this many is cut too (the suite's time). */
	static final int CUT_STRIDE = 5;

	private static final boolean EVERY_CUT = "all".equals(System.getProperty("rollup.fuzz.cuts"));

	private static final Set<ImportStatus> NOT_A_NUMBER = Set.of(ImportStatus.NOT_FOUND, ImportStatus.BLANK,
			ImportStatus.AMBIGUOUS);

	@ParameterizedTest
	@CsvSource({ "seed-000_c8d30c2eb8575ca5.txt,false", "tabs-flattened-merged-cells.txt,false",
			"tabs-flattened-merged-cells.txt,true" })
	void deletingAnyOneValueOfACompleteTextLosesThatCellAndAtMostItsRow(String fixture, boolean cellPerLine) {
		// given: a complete text (every cell found), as it is or copied one cell per line
		String text = ImporterFixtures.text(fixture);
		if (cellPerLine) {
			text = oneCellPerLine(text);
		}
		ImportResult whole = ImporterFixtures.read(text, PublishedReportImporter.Source.TEXT, null);
		assertThat(whole.complete()).as("the text is complete").isTrue();
		List<Deletion> deletions = deletions(text);
		assertThat(deletions).as("values to delete").hasSizeGreaterThan(20);

		for (Deletion deletion : deletions) {
			String deleted = deletion.text();
			// when
			ImportResult less = ImporterFixtures.read(deleted, PublishedReportImporter.Source.TEXT, null);

			// then
			assertThat(less.formatId()).isEqualTo(whole.formatId());
			List<CellImport> changed = new ArrayList<>();
			for (int i = 0; i < whole.cells().size(); i++) {
				CellImport before = whole.cells().get(i);
				CellImport after = less.cells().get(i);
				assertThat(after.code()).isEqualTo(before.code());
				if (!same(before, after)) {
					changed.add(after);
				}
			}
			String diff = "“" + deletion.value() + "” on line " + deletion.line();
			assertThat(changed)
				.allSatisfy(c -> assertThat(c.status()).as(c.code() + " after deleting " + diff).isIn(NOT_A_NUMBER));
			assertThat(changed.stream().map(c -> rowOf(whole.formatId(), c.code())).distinct())
				.as("rows changed by deleting %s", diff)
				.hasSizeLessThanOrEqualTo(1);
			boolean placed = whole.cells()
				.stream()
				.anyMatch(c -> c.status().placesText() && c.lines().equals(List.of(deletion.line()))
						&& c.text().equals(deletion.value()));
			if (placed) {
				assertThat(changed).as("deleting %s, a value the whole text places, loses it", diff).isNotEmpty();
			}
		}
	}

	@ParameterizedTest
	@CsvSource({ "seed-000_c8d30c2eb8575ca5.txt,2019", "tabs-flattened-merged-cells.txt,2019",
			"cell-per-line-blank-lines.txt,2019", "cell-per-line-pipes.txt,2021", "punctuation-traditional-2021.txt,2021",
			"pipe-rows-empty-runs.txt,2019", "html-rowspan-colspan-split.html,2019" })
	void cuttingTheTextAnywhereNeverMakesUpAValue(String fixture, String format) {
		// given
		String text = ImporterFixtures.text(fixture);
		PublishedReportImporter.Source source = PublishedReportImporter.Source.ofFileName(fixture);
		Map<String, CellImport> whole = byCode(ImporterFixtures.read(text, source, format));

		for (int end : cutPlaces(text)) {
			String cut = text.substring(0, end);
			// a web page's format is read as a text's is; the second parse of each cut would only double the time
			String[] options = source == PublishedReportImporter.Source.HTML ? new String[] { format }
					: new String[] { null, format };
			for (String option : options) {
				// when
				ImportResult result = ImporterFixtures.read(cut, source, option);

				// then
				assertThat(result.formatId()).isIn(null, format);
				for (CellImport cell : all(result)) {
					if (cell.status().placesText()) {
						CellImport truth = whole.get(cell.code());
						assertThat(List.of(cell.status(), cell.text(), cell.lines()))
							.as("%s when the text is cut at %d (…%s)", cell.code(), end,
									cut.substring(Math.max(0, end - 20)).replace("\n", "⏎"))
							.isEqualTo(List.of(truth.status(), truth.text(), truth.lines()));
					}
				}
			}
		}
	}

	/**
	 * Where to cut: everywhere under {@code -Drollup.fuzz.cuts=all}; else inside and beside every digit
	 * (a cut number is how a value could be made up), at both ends of every line, and one place in
	 * {@link #CUT_STRIDE} elsewhere.
	 */
	static List<Integer> cutPlaces(String text) {
		List<Integer> places = new ArrayList<>();
		for (int end = 0; end < text.length(); end++) {
			boolean nearDigit = Character.isDigit(text.charAt(end)) || end > 0 && Character.isDigit(text.charAt(end - 1));
			boolean lineEdge = text.charAt(end) == '\n' || end > 0 && text.charAt(end - 1) == '\n';
			if (EVERY_CUT || nearDigit || lineEdge || end % CUT_STRIDE == 0) {
				places.add(end);
			}
		}
		return places;
	}

	/**
	 * The page as copied cell by cell: each cell of a tab-separated line on a line of its own, cells
	 * separated by blank lines, empty cells gone.
	 */
	static String oneCellPerLine(String tabs) {
		StringBuilder out = new StringBuilder();
		for (String line : tabs.split("\n", -1)) {
			for (String cell : line.split("\t", -1)) {
				if (!cell.isBlank()) {
					out.append(cell.strip()).append("\n\n");
				}
			}
		}
		return out.toString();
	}

	/** The text with one value deleted, the value, and its line (from 1). */
	record Deletion(String text, String value, int line) {
	}

	/** Every variant of the text with one value deleted: its cell emptied, or removed with its separator. */
	static List<Deletion> deletions(String text) {
		List<String> lines = List.of(text.split("\n", -1));
		List<Deletion> variants = new ArrayList<>();
		for (int l = 0; l < lines.size(); l++) {
			String line = lines.get(l);
			String separator = line.contains("\t") ? "\t" : line.contains("|") ? "|" : null;
			if (separator == null) {
				if (NUMBER.matcher(line).matches()) {
					variants.add(new Deletion(replaceLine(lines, l, ""), line.strip(), l + 1));
				}
				continue;
			}
			String[] cells = line.split(Pattern.quote(separator), -1);
			for (int c = 0; c < cells.length; c++) {
				if (!NUMBER.matcher(cells[c]).matches()) {
					continue;
				}
				List<String> emptied = new ArrayList<>(List.of(cells));
				emptied.set(c, "");
				variants.add(new Deletion(replaceLine(lines, l, String.join(separator, emptied)), cells[c].strip(), l + 1));
				List<String> removed = new ArrayList<>(List.of(cells));
				removed.remove(c);
				variants.add(new Deletion(replaceLine(lines, l, String.join(separator, removed)), cells[c].strip(), l + 1));
			}
		}
		return variants;
	}

	private static String replaceLine(List<String> lines, int index, String replacement) {
		List<String> copy = new ArrayList<>(lines);
		copy.set(index, replacement);
		return String.join("\n", copy);
	}

	private static boolean same(CellImport a, CellImport b) {
		return a.status() == b.status() && a.text().equals(b.text()) && a.lines().equals(b.lines());
	}

	private static String rowOf(String formatId, String cellCode) {
		for (RowDef row : ReportFormats.standard().get(formatId).rows()) {
			if (cellCode.startsWith(row.code() + ".")) {
				return row.code();
			}
		}
		throw new IllegalArgumentException(cellCode);
	}

	private static List<CellImport> all(ImportResult result) {
		List<CellImport> all = new ArrayList<>(result.cells());
		all.addAll(result.narrative());
		return all;
	}

	private static Map<String, CellImport> byCode(ImportResult result) {
		Map<String, CellImport> map = new HashMap<>();
		all(result).forEach(c -> map.put(c.code(), c));
		return map;
	}

}
