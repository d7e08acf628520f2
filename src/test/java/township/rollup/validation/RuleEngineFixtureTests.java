package township.rollup.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleDef;
import township.rollup.rules.RuleOverrides;
import township.rollup.rules.Scope;
import township.rollup.rules.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One hand-written defect per fixture, for both formats, driven by {@code fixtures/validation/cases.csv}:
 * each fixture must produce exactly the findings listed for it (rule, severity, anchor cell, expected,
 * actual and delta = actual − expected) and nothing else.
 */
class RuleEngineFixtureTests {

	private final RuleEngine engine = new RuleEngine(ReportFormats.standard(),
			new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()));

	/** A finding as cases.csv writes it. */
	record Expected(String ruleId, String severity, String cell, String expected, String actual, String delta) {

		static Expected of(Finding f) {
			return new Expected(f.ruleId(), f.severity().name(), f.where().cellCode(), text(f.expected()),
					text(f.actual()), text(f.delta()));
		}

		private static String text(BigDecimal value) {
			return value == null ? null : value.stripTrailingZeros().toPlainString();
		}

	}

	static Stream<Arguments> cases() {
		Map<String, List<Expected>> byCase = new LinkedHashMap<>();
		for (String[] row : ValidationFixtures.rows("cases.csv")) {
			byCase.computeIfAbsent(row[0] + "|" + row[1], k -> new ArrayList<>())
				.add(new Expected(row[2], row[7], row[3], row[4], row[5], row[6]));
		}
		return byCase.entrySet().stream().map(e -> {
			String[] key = e.getKey().split("\\|");
			return Arguments.of(key[0], key[1], e.getValue());
		});
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("cases")
	void aFixtureProducesExactlyItsListedFindings(String fixture, String format, List<Expected> expected) {
		// given
		Subject subject = new Subject(fixture, format, "410381101000", ValidationFixtures.withDefect(format, fixture),
				Map.of());

		// when
		List<Finding> findings = engine.check(subject);

		// then
		assertThat(findings).extracting(Expected::of).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(findings).allSatisfy(f -> {
			assertThat(f.where().fileName()).isEqualTo(fixture);
			assertThat(f.delta()).isEqualByComparingTo(f.actual().subtract(f.expected()));
		});
	}

	@ParameterizedTest(name = "clean {0} report")
	@ValueSource(strings = { "2019", "2021" })
	void theCleanReportGivesNoFinding(String format) {
		// given
		Subject subject = new Subject("clean-" + format + ".csv", format, "410381101000",
				ValidationFixtures.clean(format), Map.of());

		// when
		List<Finding> findings = engine.check(subject);

		// then
		assertThat(findings).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2019", "2021" })
	void theCleanReportListsEveryCellOfItsFormat(String format) {
		// when
		Set<String> cells = ValidationFixtures.clean(format).keySet();

		// then
		assertThat(cells).hasSize(format.equals("2019") ? 198 : 200);
		assertThat(cells).allSatisfy(c -> assertThat(ReportFormats.standard().get(format).cell(c)).isPresent());
	}

	@Test
	void everyWithinYearRuleOfEachFormatHasAFixture() {
		// given
		Set<String> covered = new TreeSet<>();
		for (String[] row : ValidationFixtures.rows("cases.csv")) {
			covered.add(row[1] + " " + row[2]);
		}

		// when
		Set<String> rules = new TreeSet<>();
		for (String format : ReportFormats.standard().ids()) {
			for (RuleDef rule : RuleCatalogue.standard().formatRules(format)) {
				boolean needsUnitKind = rule.kind() == township.rollup.rules.RuleKind.ZERO;
				if (rule.scope() != Scope.CROSS_YEAR && !needsUnitKind) {
					rules.add(format + " " + rule.id());
				}
			}
		}

		// then
		assertThat(covered).containsAll(rules);
		assertThat(rules).contains("2019 T3-ROW", "2019 T3-TOT", "2019 T3-COLSUM", "2019 T4-SUM", "2021 T3-ROW",
				"2021 T3-TOT", "2021 T3-COLSUM", "2021 T4-SUM");
	}

	@Test
	void everyIdentityFixtureBreaksAnErrorRule() {
		// when
		List<String[]> rows = ValidationFixtures.rows("cases.csv");

		// then
		assertThat(rows).filteredOn(r -> r[2].startsWith("T3-") || r[2].equals("T4-SUM"))
			.allSatisfy(r -> assertThat(r[7]).isEqualTo(Severity.ERROR.name()));
	}

}
