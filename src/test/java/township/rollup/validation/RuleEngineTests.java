package township.rollup.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine on the hand-written township report: addresses, messages, blanks and unit kinds. */
class RuleEngineTests {

	private static final String FILE = "410381101000_城关镇_2020.csv";

	private final RuleEngine engine = new RuleEngine(ReportFormats.standard(),
			new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()));

	@Test
	void aBrokenOutcomeTotalIsAddressedToRowSevenWithItsOfficialLabelsAndMessages() {
		// given
		Map<String, BigDecimal> values = ValidationFixtures.withDefect("2019", "t3-tot-broken-np.csv");
		Subject subject = new Subject(FILE, "2019", "410381101000", values, Map.of("T3.r3_7.np", 31, "T3.r3_7.tot", 31));

		// when
		List<Finding> findings = engine.check(subject);

		// then
		Finding np = findings.stream().filter(f -> "np".equals(f.where().columnCode())).findFirst().orElseThrow();
		assertThat(np.ruleId()).isEqualTo("T3-TOT");
		assertThat(np.severity()).isEqualTo(Severity.ERROR);
		assertThat(np.where()).isEqualTo(new Where(FILE, 31, "T3", "表三", "T3.r3_7", "（七）总计", "np", "自然人"));
		assertThat(np.where().cellCode()).isEqualTo("T3.r3_7.np");
		assertThat(np.expected()).isEqualByComparingTo("5");
		assertThat(np.actual()).isEqualByComparingTo("4");
		assertThat(np.delta()).isEqualByComparingTo("-1");
		assertThat(np.messageZh()).isEqualTo("表三“（七）总计”行“自然人”列：应为 5（各办理结果之和），填报为 4，相差 1。");
		assertThat(np.messageEn()).isEqualTo(
				"Table 3 row \"（七）总计\", column \"自然人\": should be 5 (the sum of all outcomes), reported 4, a difference of 1.");
		assertThat(np.explanation()).isNull();
	}

	@Test
	void aBrokenRowIdentityNamesTheColumnInItsMessage() {
		// given
		Map<String, BigDecimal> values = ValidationFixtures.withDefect("2021", "t3-row-broken-law.csv");

		// when
		List<Finding> findings = engine.check(new Subject(FILE, "2021", "410381101000", values, Map.of()));

		// then
		Finding law = findings.stream().filter(f -> "law".equals(f.where().columnCode())).findFirst().orElseThrow();
		assertThat(law.where().cellCode()).isEqualTo("T3.r3_7.law");
		assertThat(law.where().line()).isNull();
		assertThat(law.messageZh()).isEqualTo(
				"表三“法人或其他组织·法律服务机构”列：第三项“（七）总计”加第四项“结转下年度继续办理”应等于第一项“本年新收”加第二项“上年结转”之和 1，填报为 3，相差 2。");
	}

	@Test
	void aBrokenColumnSumIsAddressedToTheTotalOfItsRow() {
		// given
		Map<String, BigDecimal> values = ValidationFixtures.withDefect("2019", "t3-colsum-broken-r1-r2.csv");

		// when
		List<Finding> findings = engine.check(new Subject(FILE, "2019", "410381101000", values, Map.of()));

		// then
		Finding r1 = findings.stream().filter(f -> "T3.r1".equals(f.where().rowCode())).findFirst().orElseThrow();
		assertThat(r1.where()).isEqualTo(new Where(FILE, null, "T3", "表三", "T3.r1", "一、本年新收政府信息公开申请数量", "tot", "总计"));
		assertThat(r1.messageZh())
			.isEqualTo("表三“一、本年新收政府信息公开申请数量”行“总计”列：应为 8（自然人与法人或其他组织五列之和），填报为 7，相差 1。");
	}

	@Test
	void aBrokenTable4GroupIsAddressedToItsTotal() {
		// given
		Map<String, BigDecimal> values = ValidationFixtures.withDefect("2021", "t4-sum-broken-rev.csv");

		// when
		List<Finding> findings = engine.check(new Subject(FILE, "2021", "410381101000", values, Map.of()));

		// then
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.where()).isEqualTo(new Where(FILE, null, "T4", "表四", "T4", "政府信息公开行政复议、行政诉讼情况", "rev.tot",
					"行政复议·总计"));
			assertThat(f.where().cellCode()).isEqualTo("T4.rev.tot");
			assertThat(f.messageZh()).isEqualTo("表四“行政复议·总计”：应为 2（结果维持、结果纠正、其他结果、尚未审结之和），填报为 3，相差 1。");
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2019", "2021" })
	void aMissingOperandMakesTheIdentityNotAssessable(String format) {
		// given: 行政复议 总计 is wrong, but 尚未审结 is blank, so the sum cannot be checked
		Map<String, BigDecimal> values = ValidationFixtures.withDefect(format, "t4-sum-broken-rev.csv");
		values.remove("T4.rev.pending");

		// when
		List<Finding> findings = engine.check(new Subject(FILE, format, "410381101000", values, Map.of()));

		// then
		assertThat(findings).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2019", "2021" })
	void aMissingOperandSilencesOnlyTheIdentitiesItTakesPartIn(String format) {
		// given: both outcome identities (自然人 and 总计) are broken; one 自然人 outcome cell is blank
		Map<String, BigDecimal> values = ValidationFixtures.withDefect(format, "t3-tot-broken-np.csv");
		values.remove("T3.r3_3_5.np");

		// when
		List<Finding> findings = engine.check(new Subject(FILE, format, "410381101000", values, Map.of()));

		// then: the 自然人 identity and row 5.'s column sum are not assessable, 总计 still is
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("T3-TOT");
			assertThat(f.where().cellCode()).isEqualTo("T3.r3_7.tot");
			assertThat(f.expected()).isEqualByComparingTo("8");
			assertThat(f.actual()).isEqualByComparingTo("7");
			assertThat(f.delta()).isEqualByComparingTo("-1");
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2019", "2021" })
	void aBlankCellInAConsistentReportGivesNoFinding(String format) {
		// given
		Map<String, BigDecimal> values = ValidationFixtures.clean(format);
		values.remove("T3.r1.np");
		values.remove("T3.r3_7.tot");

		// when
		List<Finding> findings = engine.check(new Subject(FILE, format, "410381101000", values, Map.of()));

		// then
		assertThat(findings).isEmpty();
	}

	@Test
	void aTownshipReporting规章GetsAWarningOnlyWhenItsKindIsKnown() {
		// given
		Map<String, BigDecimal> values = ValidationFixtures.clean("2021");
		values.put("T2.i1.reg.issued", new BigDecimal("1"));
		values.put("T2.i1.reg.in_force", new BigDecimal("1"));
		Subject town = new Subject(FILE, "2021", "410381101000", "镇", values, Map.of(), null);
		Subject unknownKind = new Subject(FILE, "2021", "410381101000", values, Map.of());

		// when
		List<Finding> townFindings = engine.check(town);
		List<Finding> unknownFindings = engine.check(unknownKind);

		// then
		assertThat(townFindings).extracting(f -> f.ruleId() + " " + f.severity() + " " + f.where().cellCode())
			.containsExactlyInAnyOrder("T2-TOWN-REG WARNING T2.i1.reg.issued", "T2-TOWN-REG WARNING T2.i1.reg.in_force");
		assertThat(unknownFindings).isEmpty();
	}

}
