package township.rollup.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.validation.RuleEngineFixtureTests.Expected;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T2-TOWN-REG (report-format.md §6.2): a 乡, 镇 or 街道 cannot make 规章, so every non-zero 规章 cell of
 * its report is a warning; a unit of another kind, or one whose kind is unknown, is not checked.
 */
class TownshipRegulationRuleTests {

	private static final String FILE = "410381114000_邙岭镇_2020.csv";

	private final RuleEngine engine = new RuleEngine(ReportFormats.standard(),
			new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()));

	/** 2019: 1 made, 1 published, 2 in total; 2021: 2 issued, 1 repealed, 3 in force. Every other rule holds. */
	private static Map<String, BigDecimal> reporting规章(String format) {
		Map<String, BigDecimal> values = ValidationFixtures.clean(format);
		if (format.equals("2019")) {
			values.put("T2.i1.reg.new_made", new BigDecimal("1"));
			values.put("T2.i1.reg.new_pub", new BigDecimal("1"));
			values.put("T2.i1.reg.total_pub", new BigDecimal("2"));
		}
		else {
			values.put("T2.i1.reg.issued", new BigDecimal("2"));
			values.put("T2.i1.reg.repealed", new BigDecimal("1"));
			values.put("T2.i1.reg.in_force", new BigDecimal("3"));
		}
		return values;
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "镇", "乡", "街道" })
	void aTownshipReporting规章InThe2019FormatGetsAWarningPerNonZeroCell(String kind) {
		// given
		Subject subject = new Subject(FILE, "2019", "410381114000", kind, reporting规章("2019"), Map.of(), null);

		// when
		List<Finding> findings = engine.check(subject);

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactlyInAnyOrder(new Expected("T2-TOWN-REG", "WARNING", "T2.i1.reg.new_made", "0", "1", "1"),
					new Expected("T2-TOWN-REG", "WARNING", "T2.i1.reg.new_pub", "0", "1", "1"),
					new Expected("T2-TOWN-REG", "WARNING", "T2.i1.reg.total_pub", "0", "2", "2"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "镇", "乡", "街道" })
	void aTownshipReporting规章InThe2021FormatGetsAWarningPerNonZeroCell(String kind) {
		// given
		Subject subject = new Subject(FILE, "2021", "410381114000", kind, reporting规章("2021"), Map.of(), null);

		// when
		List<Finding> findings = engine.check(subject);

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactlyInAnyOrder(new Expected("T2-TOWN-REG", "WARNING", "T2.i1.reg.issued", "0", "2", "2"),
					new Expected("T2-TOWN-REG", "WARNING", "T2.i1.reg.repealed", "0", "1", "1"),
					new Expected("T2-TOWN-REG", "WARNING", "T2.i1.reg.in_force", "0", "3", "3"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "2019, 县级市", "2021, 县级市", "2019, ''", "2021, ''" })
	void aUnitThatIsNotATownshipOrOfUnknownKindIsNotChecked(String format, String kind) {
		// given
		Subject subject = new Subject(FILE, format, "410381000000", kind, reporting规章(format), Map.of(), null);

		// when
		List<Finding> findings = engine.check(subject);

		// then
		assertThat(findings).isEmpty();
	}

	@Test
	void onlyTheNonZeroCellWarns() {
		// given: 规章 only in the 对外公开总数量 stock
		Map<String, BigDecimal> values = ValidationFixtures.clean("2019");
		values.put("T2.i1.reg.total_pub", new BigDecimal("4"));

		// when
		List<Finding> findings = engine.check(new Subject(FILE, "2019", "410381114000", "街道", values, Map.of(), null));

		// then
		assertThat(findings).extracting(Expected::of)
			.containsExactly(new Expected("T2-TOWN-REG", "WARNING", "T2.i1.reg.total_pub", "0", "4", "4"));
	}

	@Test
	void theWarningNamesTheColumnAndTheFormatsDocumentKind() {
		// given
		Subject town2019 = new Subject(FILE, "2019", "410381114000", "镇", reporting规章("2019"),
				Map.of("T2.i1.reg.new_made", 14), null);
		Subject town2021 = new Subject(FILE, "2021", "410381114000", "乡", reporting规章("2021"), Map.of(), null);

		// when
		Finding made = engine.check(town2019)
			.stream()
			.filter(f -> "new_made".equals(f.where().columnCode()))
			.findFirst()
			.orElseThrow();
		Finding issued = engine.check(town2021)
			.stream()
			.filter(f -> "issued".equals(f.where().columnCode()))
			.findFirst()
			.orElseThrow();

		// then
		assertThat(made.where().line()).isEqualTo(14);
		assertThat(made.where().rowLabel()).isEqualTo("规章");
		assertThat(made.messageZh()).isEqualTo("表二“规章”行“本年新制作数量”填报为 1。乡镇（街道）没有制定规章的权限，请核实是否把规范性文件填进了规章行。");
		assertThat(issued.messageZh())
			.isEqualTo("表二“规章”行“本年制发件数”填报为 2。乡镇（街道）没有制定规章的权限，请核实是否把行政规范性文件填进了规章行。");
	}

}
