package township.rollup.rollup;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.rules.Severity;
import township.rollup.validation.RuleEngine;
import township.rollup.validation.ValidationFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Consolidated totals that break an identity are a bug of the product, and stop the run. */
class TotalsCheckTests {

	private final TotalsCheck check = new TotalsCheck(new RuleEngine(ReportFormats.standard(),
			new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none())));

	private static Totals totals(String format, Map<String, BigDecimal> cells) {
		return new Totals(format, cells, new HashMap<>(), new HashMap<>(), new HashMap<>());
	}

	/** Totals of {@code reports} reports, {@code stated} of which stated the applications received. */
	private static Totals withFigure(String format, String figure, int reports, int stated) {
		Map<String, BigDecimal> cells = ValidationFixtures.clean(format);
		Map<String, Integer> contributors = new HashMap<>();
		cells.keySet().forEach(code -> contributors.put(code, reports));
		return new Totals(format, cells, contributors, Map.of("NARR.applications_received", new BigDecimal(figure)),
				Map.of("NARR.applications_received", stated));
	}

	@Test
	void aLevelEveryReportOfWhichStatedTheFigureKeepsTheComparisonAsItsOwnFinding() {
		// given: 4 reports, all stated it, 12 in all against Table 3's 7
		Totals totals = withFigure("2019", "12", 4, 4);

		// when
		List<Finding> own = check.verify(totals, "410381000000", "410381000000_偃师市_2020.csv");

		// then
		assertThat(own).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("NARR-RECEIVED");
			assertThat(f.severity()).isEqualTo(Severity.WARNING);
			assertThat(f.expected()).isEqualByComparingTo("12");
			assertThat(f.actual()).isEqualByComparingTo("7");
			assertThat(f.where().fileName()).isEqualTo("410381000000_偃师市_2020.csv");
		});
	}

	@Test
	void aLevelSomeReportsOfWhichStatedTheFigureHasAnInfoWithTheCount() {
		// given: 4 reports, 3 stated it
		Totals totals = withFigure("2021", "12", 4, 3);

		// when
		List<Finding> own = check.verify(totals, "410381000000", "410381000000_偃师市_2020.csv");

		// then
		assertThat(own).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.INFO);
			assertThat(f.messageZh()).contains("4 份报表中的 3 份");
		});
	}

	@Test
	void aLevelsOtherWarningsAreItsUnitsAndNotItsOwn() {
		// given: more Table 4 cases than Table 3 applications warns on the units that reported them
		Totals warned = totals("2019", ValidationFixtures.withDefect("2019", "t4-exceeds-t3.csv"));

		// when / then
		assertThat(check.verify(warned, "410381000000", "偃师市 2020 汇总")).isEmpty();
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
