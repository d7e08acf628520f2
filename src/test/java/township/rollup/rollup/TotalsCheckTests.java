package township.rollup.rollup;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.validation.RuleEngine;
import township.rollup.validation.ValidationFixtures;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Consolidated totals that break an identity are a bug of the product, and stop the run. */
class TotalsCheckTests {

	private final TotalsCheck check = new TotalsCheck(new RuleEngine(ReportFormats.standard(),
			new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none())));

	private static Totals totals(String format, Map<String, BigDecimal> cells) {
		return new Totals(format, cells, new HashMap<>(), new HashMap<>(), new HashMap<>());
	}

	@Test
	void consistentTotalsPass() {
		// given
		Totals consistent = totals("2019", ValidationFixtures.clean("2019"));

		// when / then
		assertThatCode(() -> check.verify(consistent, "410381000000", "偃师市 2020 汇总")).doesNotThrowAnyException();
	}

	@Test
	void totalsThatBreakTable3RowIdentityAreAConsolidationBug() {
		// given
		Totals broken = totals("2021", ValidationFixtures.withDefect("2021", "t3-row-broken-np.csv"));

		// when / then
		assertThatThrownBy(() -> check.verify(broken, "410381000000", "偃师市 2021 汇总"))
			.isInstanceOf(TotalsCheck.ConsolidationBug.class)
			.hasMessageContaining("410381000000")
			.hasMessageContaining("break 2 identities")
			.hasMessageContaining("T3-ROW T3.r3_7.np")
			.hasMessageContaining("T3-ROW T3.r3_7.tot");
	}

	@Test
	void totalsThatOnlyRaiseAWarningPass() {
		// given: more Table 4 cases than Table 3 applications is plausible in a total, not a bug
		Totals warned = totals("2019", ValidationFixtures.withDefect("2019", "t4-exceeds-t3.csv"));

		// when / then
		assertThatCode(() -> check.verify(warned, "410381000000", "偃师市 2020 汇总")).doesNotThrowAnyException();
	}

}
