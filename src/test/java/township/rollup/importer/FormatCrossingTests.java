package township.rollup.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2019-format text never fills a cell that only the 2021 format has, and the reverse, whatever
 * {@code --format} says: Table 2's columns differ between the formats (2019 上一年项目数量 is not 2021
 * 本年制发件数), and so do the rows of Table 3 (六). The cell lists are written out here by hand.
 */
class FormatCrossingTests {

	/** Cells whose meaning exists only in the 2021 format. */
	static final List<String> ONLY_2021 = cells(List.of("T2.i1.reg", "T2.i1.norm"), "issued", "repealed", "in_force");

	/** Cells whose meaning exists only in the 2019 format. */
	static final List<String> ONLY_2019 = only2019();

	static {
		ONLY_2021.addAll(List.of("T2.i5.lic.decisions", "T2.i6.pun.decisions", "T2.i6.coe.decisions", "T2.i8.fee.amount"));
		ONLY_2021.addAll(cells(List.of("T3.r3_6_1", "T3.r3_6_2", "T3.r3_6_3"), "np", "com", "sci", "npo", "law", "oth", "tot"));
	}

	private static List<String> only2019() {
		List<String> cells = cells(List.of("T2.i1.reg", "T2.i1.norm"), "new_made", "new_pub", "total_pub");
		cells.addAll(cells(List.of("T2.i5.lic", "T2.i5.other", "T2.i6.pun", "T2.i6.coe"), "prev_items", "delta",
				"decisions"));
		cells.addAll(List.of("T2.i8.fee.prev_items", "T2.i8.fee.delta", "T2.i9.proc.count", "T2.i9.proc.amount"));
		cells.addAll(cells(List.of("T3.r3_6"), "np", "com", "sci", "npo", "law", "oth", "tot"));
		return cells;
	}

	private static List<String> cells(List<String> rows, String... columns) {
		List<String> cells = new ArrayList<>();
		for (String row : rows) {
			Arrays.stream(columns).forEach(c -> cells.add(row + "." + c));
		}
		return cells;
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "seed-000_c8d30c2eb8575ca5.txt,2019", "tabs-flattened-merged-cells.txt,2019",
			"pipe-rows-empty-runs.txt,2019", "cell-per-line-blank-lines.txt,2019", "html-rowspan-colspan-split.html,2019",
			"cell-per-line-pipes.txt,2021", "punctuation-traditional-2021.txt,2021" })
	void aTextOfOneFormatNeverFillsACellOfTheOther(String fixture, String textFormat) {
		String other = textFormat.equals("2019") ? "2021" : "2019";
		List<String> otherOnly = other.equals("2021") ? ONLY_2021 : ONLY_2019;

		// detected: the text's own format
		ImportResult detected = ImporterFixtures.readFixture(fixture, null);
		assertThat(detected.formatId()).isEqualTo(textFormat);

		// forced to the other format: none of the other format's own cells is filled
		ImportResult forced = ImporterFixtures.readFixture(fixture, other);
		assertThat(forced.formatId()).isEqualTo(other);
		for (CellImport cell : forced.cells()) {
			if (otherOnly.contains(cell.code())) {
				assertThat(cell.status()).as(cell.code() + " of a " + textFormat + " text read as " + other)
					.isIn(ImportStatus.NOT_FOUND, ImportStatus.AMBIGUOUS, ImportStatus.BLANK);
			}
		}
		assertThat(forced.cells()).extracting(CellImport::code).containsAll(otherOnly);
		assertThat(forced.tables().get(0).decision()).isEqualTo(TableResult.Decision.REFUSED);
	}

}
