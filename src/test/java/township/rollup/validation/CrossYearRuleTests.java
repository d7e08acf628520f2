package township.rollup.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;
import township.rollup.validation.RuleEngineFixtureTests.Expected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The cross-year rules of report-format.md §6.3 (X-CARRY, X-ITEMS, X-INFORCE) and the year-over-year
 * jump X-JUMP, on the hand-written reports of {@code fixtures/validation/} and a last year that is
 * consistent with them:
 *
 * <ul>
 * <li>2019 format: last year's 上一年项目数量 + 本年增/减 gives this year's 上一年项目数量 (行政许可 22 − 2 = 20,
 * 行政处罚 7 + 1 = 8; the other rows do not change), and last year carried forward what this year carried
 * over (自然人 1, 总计 1).</li>
 * <li>2021 format: last year's 行政规范性文件 in force was 13, so 13 + 3 − 1 = 15 this year; 规章 stays 0.</li>
 * </ul>
 */
class CrossYearRuleTests {

	private static final String FILE = "410381114000_邙岭镇_2021.csv";

	private static final String UNIT = "410381114000";

	private static List<Finding> check(String format, Map<String, BigDecimal> values, Subject.Prior prior) {
		return check(RuleOverrides.none(), format, values, prior);
	}

	private static List<Finding> check(RuleOverrides overrides, String format, Map<String, BigDecimal> values,
			Subject.Prior prior) {
		RuleEngine engine = new RuleEngine(ReportFormats.standard(),
				new FindingFactory(RuleCatalogue.standard(), overrides));
		return engine.check(new Subject(FILE, format, UNIT, "镇", values, Map.of(), prior));
	}

	/** The clean report of the format with some cells set: code, value, code, value… */
	private static Map<String, BigDecimal> clean(String format, String... cellsAndValues) {
		Map<String, BigDecimal> values = ValidationFixtures.clean(format);
		for (int i = 0; i < cellsAndValues.length; i += 2) {
			if (!values.containsKey(cellsAndValues[i])) {
				throw new IllegalArgumentException(cellsAndValues[i] + " is not a cell of clean-" + format);
			}
			values.put(cellsAndValues[i], new BigDecimal(cellsAndValues[i + 1]));
		}
		return values;
	}

	/** Last year's report that the clean report of the format follows from, with some cells changed. */
	private static Map<String, BigDecimal> consistentLastYear(String format, String... cellsAndValues) {
		Map<String, BigDecimal> values = format.equals("2019")
				? clean("2019", "T2.i5.lic.prev_items", "22", "T2.i6.pun.prev_items", "7")
				: clean("2021", "T2.i1.norm.in_force", "13");
		for (int i = 0; i < cellsAndValues.length; i += 2) {
			if (!values.containsKey(cellsAndValues[i])) {
				throw new IllegalArgumentException(cellsAndValues[i] + " is not a cell of clean-" + format);
			}
			values.put(cellsAndValues[i], new BigDecimal(cellsAndValues[i + 1]));
		}
		return values;
	}

	private static Subject.Prior lastYear(int year, String format, String... cellsAndValues) {
		return new Subject.Prior(year, format, consistentLastYear(format, cellsAndValues));
	}

	static Stream<Arguments> formatPairs() {
		return Stream.of(Arguments.of("2019", "2019"), Arguments.of("2021", "2021"), Arguments.of("2019", "2021"));
	}

	// ---- a consistent pair of years

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("formatPairs")
	void aReportThatFollowsFromLastYearGivesNoFinding(String lastYearFormat, String format) {
		// given
		Subject.Prior prior = lastYear(2020, lastYearFormat);

		// when
		List<Finding> findings = check(format, ValidationFixtures.clean(format), prior);

		// then
		assertThat(findings).isEmpty();
	}

	// ---- X-CARRY

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("formatPairs")
	void carriedOverThatIsNotLastYearsCarriedForwardIsAnErrorOnThatColumn(String lastYearFormat, String format) {
		// given: last year carried 2 applications of 商业企业 forward, this year carries 0 over
		Subject.Prior prior = lastYear(2020, lastYearFormat, "T3.r4.com", "2");

		// when
		List<Finding> findings = check(format, ValidationFixtures.clean(format), prior);

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactly(new Expected("X-CARRY", "ERROR", "T3.r2.com", "2", "0", "-2"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2019", "2021" })
	void aYearConsistentInItselfStillBreaksTheCarryOverWhenItCarriesOverMoreThanLastYearCarriedForward(
			String format) {
		// given: one more 自然人 application carried over and one fewer new; every identity of the year holds
		Map<String, BigDecimal> values = clean(format, "T3.r1.np", "3", "T3.r1.tot", "6", "T3.r2.np", "2", "T3.r2.tot",
				"2");
		Subject.Prior prior = lastYear(2020, format);

		// when
		List<Finding> findings = check(format, values, prior);

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactlyInAnyOrder(new Expected("X-CARRY", "ERROR", "T3.r2.np", "1", "2", "1"),
					new Expected("X-CARRY", "ERROR", "T3.r2.tot", "1", "2", "1"));
	}

	@Test
	void theCarryOverAcrossTheFormatChangeIsAddressedToRowTwoAndNamesLastYear() {
		// given: a 2021-format report whose 2020 report (2019 format) carried 3 of 科研机构 forward
		Subject.Prior prior = lastYear(2020, "2019", "T3.r4.sci", "3", "T3.r4.tot", "4");
		Subject subject = new Subject(FILE, "2021", UNIT, "镇", ValidationFixtures.clean("2021"),
				Map.of("T3.r2.sci", 37, "T3.r2.tot", 37), prior);
		RuleEngine engine = new RuleEngine(ReportFormats.standard(),
				new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()));

		// when
		List<Finding> findings = engine.check(subject);

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactlyInAnyOrder(new Expected("X-CARRY", "ERROR", "T3.r2.sci", "3", "0", "-3"),
					new Expected("X-CARRY", "ERROR", "T3.r2.tot", "4", "1", "-3"));
		Finding sci = findings.stream().filter(f -> "sci".equals(f.where().columnCode())).findFirst().orElseThrow();
		assertThat(sci.where()).isEqualTo(new Where(FILE, 37, "T3", "表三", "T3.r2", "二、上年结转政府信息公开申请数量", "sci",
				"法人或其他组织·科研机构"));
		assertThat(sci.messageZh()).isEqualTo(
				"表三“二、上年结转政府信息公开申请数量”行“法人或其他组织·科研机构”列：应等于 2020 年度报表“四、结转下年度继续办理”的 3，填报为 0，相差 3。");
		assertThat(sci.messageEn()).isEqualTo(
				"Table 3 row 二 (carried over), column \"法人或其他组织·科研机构\": should equal the 2020 report's 四 (carried forward), 3; reported 0, a difference of 3.");
	}

	@Test
	void aBlankCarriedForwardOfLastYearMakesThatColumnNotAssessable() {
		// given: last year's 商业企业 carried forward is absent (blank), and it would have disagreed anyway
		Map<String, BigDecimal> lastYear = consistentLastYear("2021", "T3.r4.com", "2");
		lastYear.remove("T3.r4.com");

		// when
		List<Finding> findings = check("2021", ValidationFixtures.clean("2021"),
				new Subject.Prior(2021, "2021", lastYear));

		// then
		assertThat(findings).isEmpty();
	}

	// ---- X-ITEMS

	@ParameterizedTest(name = "last year {0} = {1}")
	@CsvSource({ "T2.i5.lic.delta, 5, T2.i5.lic.prev_items, 27, 20, -7",
			"T2.i5.other.prev_items, 9, T2.i5.other.prev_items, 9, 5, -4",
			"T2.i6.pun.delta, -3, T2.i6.pun.prev_items, 4, 8, 4",
			"T2.i6.coe.prev_items, 0, T2.i6.coe.prev_items, 0, 2, 2",
			"T2.i8.fee.delta, 2, T2.i8.fee.prev_items, 3, 1, -2" })
	void previousItemsThatAreNotLastYearsCountPlusItsChangeAreAnError(String lastYearCell, String lastYearValue,
			String anchor, String expected, String actual, String delta) {
		// given
		Subject.Prior prior = lastYear(2019, "2019", lastYearCell, lastYearValue);

		// when
		List<Finding> findings = check("2019", ValidationFixtures.clean("2019"), prior);

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactly(new Expected("X-ITEMS", "ERROR", anchor, expected, actual, delta));
	}

	@Test
	void aWrongPreviousItemCountOfThisYearIsAnErrorWithLastYearInTheMessage() {
		// given: 行政事业性收费 had 1 item and no change last year; this year claims 4 items before the change
		Map<String, BigDecimal> values = clean("2019", "T2.i8.fee.prev_items", "4");

		// when
		List<Finding> findings = check("2019", values, lastYear(2019, "2019"));

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactly(new Expected("X-ITEMS", "ERROR", "T2.i8.fee.prev_items", "1", "4", "3"));
		assertThat(findings.get(0).messageZh())
			.isEqualTo("表二“行政事业性收费”行“上一年项目数量”：应等于 2019 年度的上一年项目数量加本年增/减，即 1，填报为 4，相差 3。");
	}

	@Test
	void previousItemsAreNotComparedWithALastYearInThe2021Format() {
		// given: a city that consolidates in the 2019 format although last year's report used the 2021
		// format; this year's 行政许可 item count could never follow from it
		Map<String, BigDecimal> values = clean("2019", "T2.i5.lic.prev_items", "999");
		Subject.Prior prior = new Subject.Prior(2021, "2021", consistentLastYear("2021"));

		// when
		List<Finding> findings = check("2019", values, prior);

		// then: nothing at all, not even a not-assessable INFO
		assertThat(findings).isEmpty();
	}

	@Test
	void previousItemsAreNotComparedWithA2021FormatYearEvenIfItsValuesHoldTheItemCells() {
		// given: last year's values happen to carry 2019 item codes, but the report was in the 2021 format
		Map<String, BigDecimal> lastYear = consistentLastYear("2021");
		lastYear.put("T2.i5.lic.prev_items", new BigDecimal("500"));
		lastYear.put("T2.i5.lic.delta", new BigDecimal("1"));

		// when
		List<Finding> findings = check("2019", ValidationFixtures.clean("2019"), new Subject.Prior(2021, "2021", lastYear));

		// then
		assertThat(findings).isEmpty();
	}

	@Test
	void aMissingLastYearInThe2021FormatGivesNoItemsInfo() {
		// when
		List<Finding> findings = check("2019", ValidationFixtures.clean("2019"), Subject.Prior.missing(2021, "2021"));

		// then: X-CARRY and X-JUMP cannot be assessed, X-ITEMS does not exist across these formats
		assertThat(findings).extracting(Finding::ruleId, Finding::severity)
			.containsExactlyInAnyOrder(tuple("X-CARRY", Severity.INFO),
					tuple("X-JUMP", Severity.INFO));
	}

	// ---- X-INFORCE

	@ParameterizedTest(name = "last year {0} = {1}")
	@CsvSource({ "T2.i1.reg.in_force, 2, T2.i1.reg.in_force, 2, 0, -2",
			"T2.i1.norm.in_force, 10, T2.i1.norm.in_force, 12, 15, 3" })
	void inForceThatIsNotLastYearsPlusIssuedMinusRepealedIsAnError(String lastYearCell, String lastYearValue,
			String anchor, String expected, String actual, String delta) {
		// given
		Subject.Prior prior = lastYear(2021, "2021", lastYearCell, lastYearValue);

		// when
		List<Finding> findings = check("2021", ValidationFixtures.clean("2021"), prior);

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactly(new Expected("X-INFORCE", "ERROR", anchor, expected, actual, delta));
	}

	@Test
	void moreIssuedThisYearWithoutMoreInForceIsAnErrorWithLastYearInTheMessage() {
		// given: 5 issued and 1 repealed on top of last year's 13 should leave 17 in force, not 15
		Map<String, BigDecimal> values = clean("2021", "T2.i1.norm.issued", "5");

		// when
		List<Finding> findings = check("2021", values, lastYear(2021, "2021"));

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactly(new Expected("X-INFORCE", "ERROR", "T2.i1.norm.in_force", "17", "15", "-2"));
		assertThat(findings.get(0).messageZh()).isEqualTo(
				"表二“行政规范性文件”行“现行有效件数”：应等于 2021 年度的现行有效件数加本年制发件数减本年废止件数，即 17，填报为 15，相差 2。");
	}

	@Test
	void inForceIsNotComparedWithALastYearInThe2019Format() {
		// given: the 2020 report used the 2019 format; even a value under the 2021 code is not compared
		Map<String, BigDecimal> lastYear = consistentLastYear("2019");
		lastYear.put("T2.i1.norm.in_force", new BigDecimal("100"));

		// when
		List<Finding> findings = check("2021", ValidationFixtures.clean("2021"), new Subject.Prior(2020, "2019", lastYear));

		// then
		assertThat(findings).isEmpty();
	}

	@Test
	void aMissingLastYearInThe2019FormatGivesNoInForceInfo() {
		// when
		List<Finding> findings = check("2021", ValidationFixtures.clean("2021"), Subject.Prior.missing(2020, "2019"));

		// then
		assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("X-CARRY", "X-JUMP");
		assertThat(findings).extracting(Finding::severity).containsOnly(Severity.INFO);
	}

	// ---- X-JUMP

	@ParameterizedTest(name = "{0}: {1} → {2}")
	@CsvSource({ "2019, 10, 51, 41", "2021, 10, 51, 41", "2019, 60, 11, -49", "2021, 60, 11, -49", "2019, 10, 1, -9",
			"2021, 11, 2, -9" })
	void aCountThatChangedMoreThanFiveTimesFromABaseOfTenWarns(String format, String before, String now,
			String delta) {
		// given
		Map<String, BigDecimal> values = clean(format, "T2.i5.lic.decisions", now);
		Subject.Prior prior = lastYear(2020, format, "T2.i5.lic.decisions", before);

		// when
		List<Finding> findings = check(format, values, prior);

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactly(new Expected("X-JUMP", "WARNING", "T2.i5.lic.decisions", before, now, delta));
	}

	@ParameterizedTest(name = "{0}: {1} → {2}")
	@CsvSource({ "2019, 10, 50", "2021, 10, 50", "2019, 60, 12", "2021, 60, 12", "2019, 9, 1000", "2021, 9, 1000",
			"2019, 9, 0", "2021, 9, 0", "2019, 0, 500", "2021, 10, 10" })
	void aCountWithinFiveTimesOrFromABaseBelowTenDoesNotWarn(String format, String before, String now) {
		// given
		Map<String, BigDecimal> values = clean(format, "T2.i5.lic.decisions", now);
		Subject.Prior prior = lastYear(2020, format, "T2.i5.lic.decisions", before);

		// when
		List<Finding> findings = check(format, values, prior);

		// then
		assertThat(findings).isEmpty();
	}

	@ParameterizedTest(name = "{0}: {1} from 1000 to {2}")
	@CsvSource({ "2019, T3.r1.tot, 7, -993", "2021, T3.r1.tot, 7, -993", "2019, T3.r3_7.tot, 7, -993",
			"2021, T3.r3_7.tot, 7, -993", "2019, T4.rev.tot, 2, -998", "2021, T4.rev.tot, 2, -998",
			"2019, T4.lit_direct.tot, 1, -999", "2021, T4.lit_direct.tot, 1, -999",
			"2019, T2.i5.lic.decisions, 45, -955", "2021, T2.i5.lic.decisions, 45, -955",
			"2019, T2.i6.pun.decisions, 12, -988", "2021, T2.i6.pun.decisions, 12, -988",
			"2019, T2.i6.coe.decisions, 0, -1000", "2021, T2.i6.coe.decisions, 0, -1000" })
	void everyKeyCountIsComparedWithLastYear(String format, String cell, String now, String delta) {
		// given: last year's count was 1000; this year's is the clean report's
		Subject.Prior prior = lastYear(2020, format, cell, "1000");

		// when
		List<Finding> findings = check(format, ValidationFixtures.clean(format), prior);

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactly(new Expected("X-JUMP", "WARNING", cell, "1000", now, delta));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2019", "2021" })
	void aCountThatIsNotAKeyCountIsNotComparedWithLastYear(String format) {
		// given: 复议后起诉 总计 is not among the jump cells
		Subject.Prior prior = lastYear(2020, format, "T4.lit_after.tot", "1000");

		// when
		List<Finding> findings = check(format, ValidationFixtures.clean(format), prior);

		// then
		assertThat(findings).isEmpty();
	}

	@Test
	void aJumpOfTheBoundaryOfTheOutcomeTotalIsComparedOnBothSides() {
		// given: 36 → 7 is more than a fivefold drop (7 × 5 = 35 < 36), 35 → 7 is not
		Subject.Prior warns = lastYear(2020, "2021", "T3.r3_7.tot", "36");
		Subject.Prior silent = lastYear(2020, "2021", "T3.r3_7.tot", "35");

		// when
		List<Finding> warned = check("2021", ValidationFixtures.clean("2021"), warns);
		List<Finding> notWarned = check("2021", ValidationFixtures.clean("2021"), silent);

		// then
		assertThat(warned).extracting(Expected::of)
			.containsExactly(new Expected("X-JUMP", "WARNING", "T3.r3_7.tot", "36", "7", "-29"));
		assertThat(notWarned).isEmpty();
	}

	@Test
	void aJumpWarningNamesTheCellLastYearAndTheRatio() {
		// given
		Map<String, BigDecimal> values = clean("2019", "T2.i5.lic.decisions", "51");
		Subject.Prior prior = lastYear(2019, "2019", "T2.i5.lic.decisions", "10");

		// when
		List<Finding> findings = check("2019", values, prior);

		// then
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.where()).isEqualTo(new Where(FILE, null, "T2", "表二", "T2.i5.lic", "行政许可", "decisions", "处理决定数量"));
			assertThat(f.messageZh()).isEqualTo(
					"表二“行政许可”行“处理决定数量”：由 2019 年度的 10 变为 51，变化超过 5 倍。请核实；如属实，请在文件中写审核说明（NOTE,X-JUMP,说明）。");
		});
	}

	@Test
	void aLargerRatioForTheYearSilencesASixfoldJumpButNotAnElevenfoldOne() {
		// given
		RuleOverrides overrides = RuleOverrides.of(
				new RuleOverrides.Override("X-JUMP", null, null, Map.of("ratio", "10"), "本市乡镇规模小，波动大"));
		Subject.Prior prior = lastYear(2021, "2021", "T2.i5.lic.decisions", "10");

		// when
		List<Finding> sixfold = check(overrides, "2021", clean("2021", "T2.i5.lic.decisions", "60"), prior);
		List<Finding> elevenfold = check(overrides, "2021", clean("2021", "T2.i5.lic.decisions", "110"), prior);

		// then
		assertThat(sixfold).isEmpty();
		assertThat(elevenfold).extracting(Expected::of)
			.containsExactly(new Expected("X-JUMP", "WARNING", "T2.i5.lic.decisions", "10", "110", "100"));
		assertThat(elevenfold.get(0).messageZh()).contains("变化超过 10 倍");
	}

	@Test
	void aSmallerMinimumBaseForTheYearMakesABaseOfNineCount() {
		// given
		RuleOverrides overrides = RuleOverrides.of(
				new RuleOverrides.Override("X-JUMP", null, null, Map.of("minBase", "5"), "小基数也要核对"));
		Subject.Prior nine = lastYear(2021, "2021", "T2.i5.lic.decisions", "9");
		Subject.Prior four = lastYear(2021, "2021", "T2.i5.lic.decisions", "4");

		// when
		List<Finding> fromNine = check(overrides, "2021", clean("2021", "T2.i5.lic.decisions", "46"), nine);
		List<Finding> fromFour = check(overrides, "2021", clean("2021", "T2.i5.lic.decisions", "46"), four);

		// then
		assertThat(fromNine).extracting(Expected::of)
			.containsExactly(new Expected("X-JUMP", "WARNING", "T2.i5.lic.decisions", "9", "46", "37"));
		assertThat(fromFour).isEmpty();
	}

	@Test
	void overridingOnlyTheRatioKeepsTheCataloguesMinimumBase() {
		// given: ratio 2, minBase stays 10
		RuleOverrides overrides = RuleOverrides.of(
				new RuleOverrides.Override("X-JUMP", null, null, Map.of("ratio", "2"), "更严"));

		// when
		List<Finding> fromNine = check(overrides, "2019", clean("2019", "T2.i5.lic.decisions", "100"),
				lastYear(2019, "2019", "T2.i5.lic.decisions", "9"));
		List<Finding> fromTen = check(overrides, "2019", clean("2019", "T2.i5.lic.decisions", "21"),
				lastYear(2019, "2019", "T2.i5.lic.decisions", "10"));

		// then
		assertThat(fromNine).isEmpty();
		assertThat(fromTen).extracting(Expected::of)
			.containsExactly(new Expected("X-JUMP", "WARNING", "T2.i5.lic.decisions", "10", "21", "11"));
	}

	// ---- no accepted report last year

	@Test
	void withoutLastYearsReportEveryCrossYearRuleOfThe2019FormatIsNotAssessable() {
		// when
		List<Finding> findings = check("2019", ValidationFixtures.clean("2019"), Subject.Prior.missing(2019, "2019"));

		// then
		assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::messageZh)
			.containsExactlyInAnyOrder(
					tuple("X-CARRY", Severity.INFO, "无法核对上年结转（X-CARRY）：没有 2019 年度已采纳的报表。"),
					tuple("X-ITEMS", Severity.INFO, "无法核对项目数量（X-ITEMS）：没有 2019 年度已采纳的报表。"),
					tuple("X-JUMP", Severity.INFO, "无法与上年比较（X-JUMP）：没有 2019 年度已采纳的报表。"));
		assertThat(findings).allSatisfy(f -> {
			assertThat(f.where()).isEqualTo(Where.file(FILE));
			assertThat(f.where().cellCode()).isNull();
			assertThat(f.expected()).isNull();
			assertThat(f.actual()).isNull();
			assertThat(f.delta()).isNull();
			assertThat(f.explanation()).isNull();
		});
	}

	@Test
	void withoutLastYearsReportEveryCrossYearRuleOfThe2021FormatIsNotAssessable() {
		// when
		List<Finding> findings = check("2021", ValidationFixtures.clean("2021"), Subject.Prior.missing(2021, "2021"));

		// then
		assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::messageZh)
			.containsExactlyInAnyOrder(
					tuple("X-CARRY", Severity.INFO, "无法核对上年结转（X-CARRY）：没有 2021 年度已采纳的报表。"),
					tuple("X-INFORCE", Severity.INFO,
							"无法核对现行有效件数（X-INFORCE）：没有 2021 年度已采纳的报表。"),
					tuple("X-JUMP", Severity.INFO, "无法与上年比较（X-JUMP）：没有 2021 年度已采纳的报表。"));
	}

	@Test
	void theCarryOverAcrossTheFormatChangeIsNotAssessableWithoutThe2020Report() {
		// when
		List<Finding> findings = check("2021", ValidationFixtures.clean("2021"), Subject.Prior.missing(2020, "2019"));

		// then
		Finding carry = findings.stream().filter(f -> f.ruleId().equals("X-CARRY")).findFirst().orElseThrow();
		assertThat(carry.severity()).isEqualTo(Severity.INFO);
		assertThat(carry.messageZh()).isEqualTo("无法核对上年结转（X-CARRY）：没有 2020 年度已采纳的报表。");
		assertThat(carry.messageEn()).isEqualTo("The carry-over (X-CARRY) cannot be checked: there is no accepted 2020 report.");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2019", "2021" })
	void aMissingLastYearIsNeverAWarningOrAnErrorEvenWhenTheYearRaisesTheRules(String format) {
		// given: X-JUMP raised to ERROR and X-CARRY switched off for the year
		RuleOverrides overrides = RuleOverrides.of(new RuleOverrides.Override("X-JUMP", true, Severity.ERROR, "严格"),
				new RuleOverrides.Override("X-CARRY", false, null, "不核对"));
		Map<String, BigDecimal> values = clean(format, "T2.i5.lic.decisions", "1000");

		// when
		List<Finding> findings = check(overrides, format, values, Subject.Prior.missing(2020, format));

		// then
		assertThat(findings).extracting(Finding::severity).containsOnly(Severity.INFO);
		assertThat(findings).extracting(Finding::ruleId).contains("X-JUMP").doesNotContain("X-CARRY");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2019", "2021" })
	void withoutAPriorAtAllNoCrossYearRuleIsEvaluated(String format) {
		// given: a report read on its own (consolidated totals, say)
		Subject subject = new Subject(FILE, format, UNIT, "镇", clean(format, "T2.i5.lic.decisions", "1000"), Map.of(),
				null);
		RuleEngine engine = new RuleEngine(ReportFormats.standard(),
				new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()));

		// when
		List<Finding> findings = engine.check(subject);

		// then
		assertThat(findings).isEmpty();
	}

}
