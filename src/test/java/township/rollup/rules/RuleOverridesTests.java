package township.rollup.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import township.rollup.reportformat.ReportFormats;
import township.rollup.validation.RuleEngine;
import township.rollup.validation.Subject;
import township.rollup.validation.ValidationFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A city's per-year overrides: a rule switched off, or given another severity. */
class RuleOverridesTests {

	private static List<Finding> check(RuleOverrides overrides, String format, String fixture) {
		RuleEngine engine = new RuleEngine(ReportFormats.standard(), new FindingFactory(RuleCatalogue.standard(), overrides));
		Map<String, BigDecimal> values = ValidationFixtures.withDefect(format, fixture);
		return engine.check(new Subject(fixture, format, "410381101000", values, Map.of()));
	}

	@Test
	void withoutOverridesTheBrokenGroupIsAnError() {
		// when
		List<Finding> findings = check(RuleOverrides.none(), "2019", "t4-sum-broken-rev.csv");

		// then
		assertThat(findings).extracting(Finding::ruleId, Finding::severity).containsExactly(tuple("T4-SUM", Severity.ERROR));
	}

	@Test
	void aDisabledRuleProducesNoFinding() {
		// given
		RuleOverrides overrides = RuleOverrides.of(new RuleOverrides.Override("T4-SUM", false, null, "测试：关闭"));

		// when
		List<Finding> findings = check(overrides, "2019", "t4-sum-broken-rev.csv");

		// then
		assertThat(findings).isEmpty();
		assertThat(overrides.isEnabled("T4-SUM")).isFalse();
		assertThat(overrides.isEnabled("T3-ROW")).isTrue();
	}

	@Test
	void aDisabledRuleIsNotCreatedByTheFactoryEither() {
		// given
		RuleOverrides overrides = RuleOverrides.of(new RuleOverrides.Override("T3-ROW", false, null, "off"));
		FindingFactory factory = new FindingFactory(RuleCatalogue.standard(), overrides);

		// when / then
		assertThat(factory.create(RuleCatalogue.standard().rule("T3-ROW", "2019"), Where.file("a.csv"),
				BigDecimal.ONE, BigDecimal.TEN, Map.of())).isEmpty();
	}

	@Test
	void aDisabledRuleLeavesTheOtherRulesOfTheFixture() {
		// given: the T4 warning fixture also keeps every error identity; switching off T3-ROW changes nothing
		RuleOverrides overrides = RuleOverrides.of(new RuleOverrides.Override("T3-ROW", false, null, "off"));

		// when
		List<Finding> findings = check(overrides, "2021", "t4-exceeds-t3.csv");

		// then
		assertThat(findings).extracting(Finding::ruleId).containsExactly("T4-EXCEEDS-T3");
	}

	@Test
	void aSeverityOverrideChangesTheFindingsSeverity() {
		// given
		RuleOverrides overrides = RuleOverrides.of(new RuleOverrides.Override("T4-SUM", true, Severity.WARNING, "测试：降级"));

		// when
		List<Finding> findings = check(overrides, "2021", "t4-sum-broken-lit_after.csv");

		// then
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("T4-SUM");
			assertThat(f.severity()).isEqualTo(Severity.WARNING);
			assertThat(f.isError()).isFalse();
			assertThat(f.isOpenWarning()).isTrue();
			assertThat(f.where().cellCode()).isEqualTo("T4.lit_after.tot");
		});
	}

	@Test
	void aWarningCanBeRaisedToAnError() {
		// given
		RuleOverrides overrides = RuleOverrides.of(new RuleOverrides.Override("T4-EXCEEDS-T3", null, Severity.ERROR,
				Map.of(), "严格"));

		// when
		List<Finding> findings = check(overrides, "2019", "t4-exceeds-t3.csv");

		// then
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("T4-EXCEEDS-T3");
			assertThat(f.severity()).isEqualTo(Severity.ERROR);
		});
	}

	@Test
	void aParameterOverrideReplacesTheCataloguesValue() {
		// given
		RuleDef misuse = RuleCatalogue.standard().rule("T2-COLUMN-MISUSE", "2019");
		RuleOverrides overrides = RuleOverrides.of(new RuleOverrides.Override("T2-COLUMN-MISUSE", null, null,
				Map.of("minValue", "50"), "小镇"));

		// when
		List<Finding> findings = check(overrides, "2019", "t2-column-misuse-lic.csv");

		// then
		assertThat(RuleOverrides.none().param(misuse, "minValue")).isEqualTo("10");
		assertThat(overrides.param(misuse, "minValue")).isEqualTo("50");
		assertThat(findings).isEmpty();
	}

}
