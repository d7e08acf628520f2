package township.rollup.rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stored vector read back: every kind of number a file can state (whole, negative, decimal, longer than a
 * long), with the value and scale {@code new BigDecimal} gives the same text, empty places absent.
 */
class NumberVectorTests {

	static final ReportFormat FORMAT = ReportFormats.standard().get("2019");

	/** A vector of the format written by hand: these cells first, the rest empty; then these narrative numbers. */
	static String vector(List<String> cells, List<String> narrative) {
		List<String> all = new ArrayList<>(cells);
		all.addAll(Collections.nCopies(FORMAT.cells().size() - cells.size(), ""));
		List<String> narr = new ArrayList<>(narrative);
		narr.addAll(Collections.nCopies(FORMAT.narrativeMetrics().size() - narrative.size(), ""));
		return FORMAT.layoutKey() + ";" + String.join(",", all) + ";" + String.join(",", narr);
	}

	static String cell(int i) {
		return FORMAT.cells().get(i).code();
	}

	@Test
	void readsEveryKindOfNumberWithItsScale() {
		String stored = vector(List.of("12", "", "-7", "1.0625", "1234567890123456789012", "0", "-0", "007",
				"999999999999999999", "-999999999999999999", "1E+3", "+5"), List.of("100", "", "2.50"));

		Map<String, BigDecimal> numbers = NumberVector.decode(FORMAT, stored);

		assertThat(numbers).hasSize(13);
		assertThat(List.copyOf(numbers.keySet())).containsExactly(cell(0), cell(2), cell(3), cell(4), cell(5), cell(6),
				cell(7), cell(8), cell(9), cell(10), cell(11), FORMAT.narrativeMetrics().get(0).code(),
				FORMAT.narrativeMetrics().get(2).code());
		// each value exactly, scale included (equals compares the scale): by hand, not with the decoder
		assertThat(numbers.get(cell(0))).isEqualTo(BigDecimal.valueOf(12, 0));
		assertThat(numbers.get(cell(2))).isEqualTo(BigDecimal.valueOf(-7, 0));
		assertThat(numbers.get(cell(3))).isEqualTo(BigDecimal.valueOf(10625, 4));
		assertThat(numbers.get(cell(4))).isEqualTo(new BigDecimal(new java.math.BigInteger("1234567890123456789012"), 0));
		assertThat(numbers.get(cell(5))).isEqualTo(BigDecimal.valueOf(0, 0));
		assertThat(numbers.get(cell(6))).isEqualTo(BigDecimal.valueOf(0, 0));
		assertThat(numbers.get(cell(7))).isEqualTo(BigDecimal.valueOf(7, 0));
		assertThat(numbers.get(cell(8))).isEqualTo(BigDecimal.valueOf(999_999_999_999_999_999L, 0));
		assertThat(numbers.get(cell(9))).isEqualTo(BigDecimal.valueOf(-999_999_999_999_999_999L, 0));
		assertThat(numbers.get(cell(10))).isEqualTo(BigDecimal.valueOf(1, -3));
		assertThat(numbers.get(cell(11))).isEqualTo(BigDecimal.valueOf(5, 0));
		assertThat(numbers.get(FORMAT.narrativeMetrics().get(0).code())).isEqualTo(BigDecimal.valueOf(100, 0));
		assertThat(numbers.get(FORMAT.narrativeMetrics().get(2).code())).isEqualTo(BigDecimal.valueOf(250, 2));
		assertThat(numbers.get(cell(1))).isNull();
	}

	@Test
	void anEmptyVectorHasNoNumbers() {
		assertThat(NumberVector.decode(FORMAT, vector(List.of(), List.of()))).isEmpty();
	}

	@Test
	void aVectorOfAnotherCountOfCellsIsRefused() {
		String shortOne = FORMAT.layoutKey() + ";1,2,3;";

		assertThatThrownBy(() -> NumberVector.decode(FORMAT, shortOne)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("3 cells");
	}

	@Test
	void aNumberThatIsNoneIsRefused() {
		assertThatThrownBy(() -> NumberVector.decode(FORMAT, vector(List.of("12a"), List.of())))
			.isInstanceOf(NumberFormatException.class);
		assertThatThrownBy(() -> NumberVector.decode(FORMAT, vector(List.of("-"), List.of())))
			.isInstanceOf(NumberFormatException.class);
	}

}
