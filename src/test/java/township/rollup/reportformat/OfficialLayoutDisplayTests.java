package township.rollup.reportformat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How a report prints a count: as a whole number, without a scale, a sign of zero or an exponent (by hand). */
class OfficialLayoutDisplayTests {

	@ParameterizedTest(name = "{0} prints as {1}")
	@CsvSource({ "0, 0", "-0, 0", "00, 0", "7, 7", "120, 120", "999, 999", "1000, 1000", "-5, -5", "1E+3, 1000",
			"0.0, 0", "12.50, 12.5", "-0.00, 0", "1234567890123456789012, 1234567890123456789012" })
	void aCountPrintsPlain(String stored, String printed) {
		assertThat(OfficialLayout.display(new BigDecimal(stored), CellType.COUNT, 0)).isEqualTo(printed);
		assertThat(OfficialLayout.display(new BigDecimal(stored), CellType.SIGNED_COUNT, 0)).isEqualTo(printed);
	}

	@ParameterizedTest(name = "{0} at scale {1} prints as {2}")
	@CsvSource({ "30.5, 2, 30.50", "0, 2, 0.00", "125.36, 2, 125.36", "7, 0, 7" })
	void anAmountPrintsAtItsScale(String stored, int scale, String printed) {
		assertThat(OfficialLayout.display(new BigDecimal(stored), CellType.AMOUNT, scale)).isEqualTo(printed);
	}

}
