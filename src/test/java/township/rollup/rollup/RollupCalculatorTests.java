package township.rollup.rollup;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cell-by-cell sums over three small contributions, every expected total worked out by hand. */
class RollupCalculatorTests {

	private final ReportFormat f2019 = ReportFormats.standard().get("2019");

	private static BigDecimal n(String value) {
		return new BigDecimal(value);
	}

	private static List<Contribution> threeTownships() {
		Contribution a = new Contribution("410381101000", "2019",
				Map.of("T2.i9.proc.amount", n("30.5"), "T2.i5.lic.delta", n("-8"), "T3.r1.np", n("4"), "T3.r1.tot",
						n("4"), "T4.rev.tot", n("1")),
				Map.of("NARR.proactive_items", n("392"), "NARR.policy_interpretations", n("21")));
		Contribution b = new Contribution("410381102000", "2019",
				Map.of("T2.i9.proc.amount", n("125.36"), "T2.i5.lic.delta", n("19"), "T3.r1.np", n("2"), "T3.r1.com",
						n("1"), "T3.r1.tot", n("3")),
				Map.of("NARR.proactive_items", n("68")));
		Contribution c = new Contribution("410381103000", "2019",
				Map.of("T2.i9.proc.amount", n("0.0001"), "T2.i5.lic.delta", n("-15"), "T3.r1.np", n("0"), "T3.r1.tot",
						n("0")),
				Map.of());
		return List.of(a, b, c);
	}

	@Test
	void amountsAreSummedExactly() {
		// when
		Totals totals = RollupCalculator.sum(f2019, threeTownships());

		// then: 30.5 + 125.36 + 0.0001
		assertThat(totals.cells().get("T2.i9.proc.amount")).isEqualTo(n("155.8601"));
		assertThat(totals.cellContributors().get("T2.i9.proc.amount")).isEqualTo(3);
		assertThat(totals.formatId()).isEqualTo("2019");
	}

	@Test
	void countsAndSignedChangesAreSummed() {
		// when
		Totals totals = RollupCalculator.sum(f2019, threeTownships());

		// then: −8 + 19 − 15 = −4; 4 + 2 + 0 = 6; 4 + 3 + 0 = 7
		assertThat(totals.cells().get("T2.i5.lic.delta")).isEqualByComparingTo("-4");
		assertThat(totals.cells().get("T3.r1.np")).isEqualByComparingTo("6");
		assertThat(totals.cells().get("T3.r1.tot")).isEqualByComparingTo("7");
		assertThat(totals.cells().get("T3.r1.com")).isEqualByComparingTo("1");
		assertThat(totals.cellContributors().get("T3.r1.com")).isEqualTo(1);
		assertThat(totals.cells().get("T4.rev.tot")).isEqualByComparingTo("1");
	}

	@Test
	void cellsNoContributionHasSumToZeroAndEveryCellOfTheFormatIsThere() {
		// when
		Totals totals = RollupCalculator.sum(f2019, threeTownships());

		// then
		assertThat(totals.cells()).hasSize(198);
		assertThat(totals.cells().get("T3.r3_6.law")).isEqualByComparingTo("0");
		assertThat(totals.cells().get("T4.lit_after.pending")).isEqualByComparingTo("0");
		assertThat(totals.cellContributors().get("T3.r3_6.law")).isZero();
		assertThat(totals.cells().keySet()).startsWith("T2.i1.reg.new_made").endsWith("T4.lit_after.tot");
	}

	@Test
	void narrativeMetricsAreSummedOnlyOverTheTownshipsThatStateThem() {
		// when
		Totals totals = RollupCalculator.sum(f2019, threeTownships());

		// then: 392 + 68 from two townships, 21 from one, the others stated by nobody
		assertThat(totals.narrative().get("NARR.proactive_items")).isEqualByComparingTo("460");
		assertThat(totals.narrativeContributors().get("NARR.proactive_items")).isEqualTo(2);
		assertThat(totals.narrative().get("NARR.policy_interpretations")).isEqualByComparingTo("21");
		assertThat(totals.narrativeContributors().get("NARR.policy_interpretations")).isEqualTo(1);
		assertThat(totals.narrative()).doesNotContainKey("NARR.training_sessions");
		assertThat(totals.narrativeContributors()).doesNotContainKey("NARR.training_sessions");
	}

	@Test
	void noContributionsGiveZeroEverywhere() {
		// when
		Totals totals = RollupCalculator.sum(ReportFormats.standard().get("2021"), List.of());

		// then
		assertThat(totals.cells()).hasSize(200).allSatisfy((code, value) -> assertThat(value).isZero());
		assertThat(totals.narrative()).isEmpty();
	}

	@Test
	void aContributionInAnotherFormatIsRefused() {
		// given
		Contribution of2021 = new Contribution("410381104000", "2021", Map.of("T3.r1.np", n("1")), Map.of());

		// when / then
		assertThatThrownBy(() -> RollupCalculator.sum(f2019, List.of(threeTownships().get(0), of2021)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("410381104000")
			.hasMessageContaining("2021");
	}

	@Test
	void aCellTheFormatDoesNotHaveIsRefused() {
		// given: the 2021 format has no 政府集中采购 and no single row (六)
		Contribution withProcurement = new Contribution("410381104000", "2021",
				Map.of("T2.i9.proc.amount", n("12.5")), Map.of());
		Contribution withOldRowSix = new Contribution("410381105000", "2021", Map.of("T3.r3_6.np", n("1")), Map.of());
		ReportFormat f2021 = ReportFormats.standard().get("2021");

		// when / then
		assertThatThrownBy(() -> RollupCalculator.sum(f2021, List.of(withProcurement)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("T2.i9.proc.amount");
		assertThatThrownBy(() -> RollupCalculator.sum(f2021, List.of(withOldRowSix)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("T3.r3_6.np");
	}

}
