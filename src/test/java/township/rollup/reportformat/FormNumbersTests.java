package township.rollup.reportformat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A report's numbers by place, read as a map by code: the places and codes below are the 2019 format's
 * first cells and first 总体情况 figure, named by hand (T2.i1.reg is 规章's row; its columns 本年新制作,
 * 本年新公开, 对外公开总数量).
 */
class FormNumbersTests {

	static final ReportFormat F2019 = ReportFormats.standard().get("2019");

	@Test
	void theFormatsPlacesAreItsCellsInTemplateOrderThenItsNarrativeFigures() {
		assertThat(F2019.position("T2.i1.reg.new_made")).isZero();
		assertThat(F2019.position("T2.i1.reg.new_pub")).isEqualTo(1);
		assertThat(F2019.position("T2.i1.reg.total_pub")).isEqualTo(2);
		assertThat(F2019.position(F2019.narrativeMetrics().get(0).code())).isEqualTo(F2019.cells().size());
		assertThat(F2019.position("T9.nothing")).isEqualTo(-1);
		assertThat(F2019.numberCount()).isEqualTo(F2019.cells().size() + F2019.narrativeMetrics().size());
	}

	@Test
	void readAsAMapItHoldsTheNumbersThatAreThereInTheFormatsOrder() {
		BigDecimal[] values = new BigDecimal[F2019.numberCount()];
		values[2] = new BigDecimal("7");
		values[0] = new BigDecimal("-1.50");
		values[F2019.cells().size()] = new BigDecimal("392");

		FormNumbers numbers = FormNumbers.of(F2019, values);

		Map<String, BigDecimal> expected = new LinkedHashMap<>();
		expected.put("T2.i1.reg.new_made", new BigDecimal("-1.50"));
		expected.put("T2.i1.reg.total_pub", new BigDecimal("7"));
		expected.put(F2019.narrativeMetrics().get(0).code(), new BigDecimal("392"));
		assertThat(numbers).containsExactlyEntriesOf(expected).isEqualTo(expected).hasSameHashCodeAs(expected);
		assertThat(numbers.get("T2.i1.reg.new_pub")).isNull();
		assertThat(numbers.containsKey("T2.i1.reg.new_pub")).isFalse();
		assertThat(numbers.get("T9.nothing")).isNull();
		assertThat(numbers.at(2)).isEqualTo(new BigDecimal("7"));
		assertThatThrownBy(() -> numbers.put("T2.i1.reg.new_pub", BigDecimal.ONE))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void aWrongNumberOfPlacesIsRefused() {
		assertThatThrownBy(() -> FormNumbers.of(F2019, new BigDecimal[3])).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("3 numbers for format 2019");
	}

}
