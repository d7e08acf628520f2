package township.rollup.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How numbers appear in messages and outputs, and how findings are made. */
class FindingFactoryTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "30.5000, 30.5", "0.0000, 0", "-1, -1", "1E+3, 1000", "155.8601, 155.8601", "0.092, 0.092",
			"-8, -8", "100, 100", "0E-10, 0" })
	void plainWritesNoExponentAndNoTrailingZeros(String value, String expected) {
		// given
		BigDecimal number = new BigDecimal(value);

		// when
		String plain = FindingFactory.plain(number);

		// then
		assertThat(plain).isEqualTo(expected);
	}

	@Test
	void plainOfNullIsNull() {
		// when / then
		assertThat(FindingFactory.plain(null)).isNull();
	}

	@Test
	void aFindingCarriesDeltaActualMinusExpectedAndTheSuppliedArguments() {
		// given
		FindingFactory factory = new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none());
		Where where = Where.file("410381101000_城关镇_2020.csv")
			.atLine(40)
			.row("T2", "表二", "T2.i9.proc", "政府集中采购")
			.column("amount", "采购总金额");

		// when
		Optional<Finding> finding = factory.create(RuleCatalogue.standard().rule("CELL-DECIMALS"), where,
				new BigDecimal("30.5000"), new BigDecimal("30.50001"),
				Map.of("raw", "30.50001", "scale", 4, "unit", "万元"));

		// then
		assertThat(finding).hasValueSatisfying(f -> {
			assertThat(f.ruleId()).isEqualTo("CELL-DECIMALS");
			assertThat(f.severity()).isEqualTo(Severity.ERROR);
			assertThat(f.delta()).isEqualByComparingTo("0.00001");
			assertThat(f.messageZh()).isEqualTo("表二“政府集中采购”行“采购总金额”列填写的“30.50001”超过 4 位小数。金额以万元为单位，最多保留 4 位小数。");
			assertThat(f.messageEn()).startsWith("Table 2 row \"政府集中采购\", column \"采购总金额\" holds \"30.50001\"");
		});
	}

	@Test
	void aFindingWithoutNumbersHasNoDelta() {
		// given
		FindingFactory factory = new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none());

		// when
		Optional<Finding> finding = factory.create("FILE-EMPTY", Where.file("=cmd.csv"), Map.of());

		// then
		assertThat(finding).hasValueSatisfying(f -> {
			assertThat(f.expected()).isNull();
			assertThat(f.actual()).isNull();
			assertThat(f.delta()).isNull();
			assertThat(f.messageZh()).isEqualTo("文件“=cmd.csv”是空文件（0 字节）。请重新导出报表后再提交。");
		});
	}

	@Test
	void aSectionIsRenderedOnlyWhenItsValueIsTrue() {
		// given
		FindingFactory factory = new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none());
		Where where = Where.file("a.csv").atLine(7).row("T2", "表二", "T2.i5.lic", "行政许可").column("decisions", "处理决定数量");

		// when
		Finding count = factory
			.create("CELL-UNIT", where, Map.of("raw", "45件", "amount", false, "suggestion", "45", "unit", "", "scale", 0))
			.orElseThrow();

		// then
		assertThat(count.messageZh())
			.isEqualTo("表二“行政许可”行“处理决定数量”列填写的“45件”带有单位。请只填写数字，件数只填整数，例如写作 45。");
	}

	@Test
	void cutValuesAndTheRangeFindingReadWellInBothLanguages() {
		// given: a row label written as 300 characters, and a count of 30 digits
		FindingFactory factory = new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none());
		Where row = Where.file("410381101000_城关镇_2020.csv").atLine(34).row("T3", "表三", "T3.r1", "一、本年新收政府信息公开申请数量");

		// when
		Finding label = factory.create("ROW-LABEL", row, Map.of("written", "错".repeat(300))).orElseThrow();
		Finding range = factory.create("CELL-RANGE", row.column("np", "自然人"),
				Map.of("raw", "123456789012345678901234567890", "maxDigits", 15, "amount", false)).orElseThrow();

		// then: 150 characters for a written label, the marker in the reader's language
		assertThat(label.messageZh()).isEqualTo("第 34 行代码为 T3.r1，名称却写作“" + "错".repeat(138)
				+ "…（原文共 300 字）”，与模板名称“一、本年新收政府信息公开申请数量”不一致。请检查是否错行。");
		assertThat(label.messageEn()).contains("\"" + "错".repeat(125) + "… (300 characters in all)\"");
		assertThat(range.messageZh()).isEqualTo("表三“一、本年新收政府信息公开申请数量”行“自然人”列填写的“123456789012345678901234567890”"
				+ "数值过大：整数部分超过 15 位，不可能是件数。请核对后重新填写。");
		assertThat(range.messageEn()).isEqualTo("Table 3 row \"一、本年新收政府信息公开申请数量\", column \"自然人\" holds "
				+ "\"123456789012345678901234567890\", which is too large: more than 15 integer digits cannot be a count. "
				+ "Check the value and write it again.");
	}

}
