package township.rollup.validation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.rules.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NARR-RECEIVED: the applications received that 总体情况 states against 表三 一、本年新收 总计. The clean
 * fixture reports 7 new applications (T3.r1.tot); every expected number below is written by hand.
 */
class NarrativeRuleTests {

	private static final String FIGURE = "NARR.applications_received";

	private final RuleEngine engine = new RuleEngine(ReportFormats.standard(),
			new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()));

	private static Map<String, BigDecimal> stating(String format, String figure) {
		Map<String, BigDecimal> values = ValidationFixtures.clean(format);
		if (figure != null) {
			values.put(FIGURE, new BigDecimal(figure));
		}
		return values;
	}

	/** A township's own file, with Table 3's 一 on line 40 and the figure on line 94. */
	private List<Finding> submission(String file, String format, Map<String, BigDecimal> values) {
		Map<String, Integer> lines = new HashMap<>();
		lines.put("T3.r1.tot", 40);
		lines.put(FIGURE, 94);
		return engine.check(new Subject(file, format, "410381101000", "镇", values, lines, null))
			.stream()
			.filter(f -> f.ruleId().equals("NARR-RECEIVED"))
			.toList();
	}

	private List<Finding> consolidated(String format, Map<String, BigDecimal> values, int reports, int stated) {
		Map<String, Integer> statedBy = stated == 0 ? Map.of() : Map.of(FIGURE, stated);
		return engine.check(new Subject("410381000000_偃师市_2020.csv", format, "410381000000", "", values, Map.of(), null,
				new Subject.Coverage(reports, statedBy)))
			.stream()
			.filter(f -> f.ruleId().equals("NARR-RECEIVED"))
			.toList();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2019", "2021" })
	void theSameNumberInTheTextAndTheTableIsNothing(String format) {
		assertThat(submission("a.csv", format, stating(format, "7"))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2019", "2021" })
	void noFigureInTheTextIsNothing(String format) {
		assertThat(submission("a.csv", format, stating(format, null))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2019", "2021" })
	void aFigureWithoutTheTablesCellIsNothing(String format) {
		// a blank 总计 has its own finding (CELL-BLANK); nothing to compare with
		Map<String, BigDecimal> values = stating(format, "17");
		values.remove("T3.r1.tot");

		assertThat(submission("a.csv", format, values)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2019", "2021" })
	void aDifferentNumberIsAWarningThatNamesBothAndWhereEachStands(String format) {
		// when
		List<Finding> found = submission("410381101000_城关镇_2020.csv", format, stating(format, "17"));

		// then
		assertThat(found).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.WARNING);
			assertThat(f.where().cellCode()).isEqualTo("T3.r1.tot");
			assertThat(f.where().line()).isEqualTo(40);
			assertThat(f.expected()).isEqualByComparingTo("17");
			assertThat(f.actual()).isEqualByComparingTo("7");
			assertThat(f.messageZh()).contains("“本年收到政府信息公开申请” 17 件（第 94 行）",
					"表三“一、本年新收政府信息公开申请数量”行“总计”列填报为 7 件（第 40 行）", "相差 10 件")
				.doesNotContain("工作表");
			assertThat(f.messageEn()).contains("states 17 applications received this year (line 94)",
					"reports 7 (line 40)", "a difference of 10", "(NOTE,NARR-RECEIVED,text)");
			assertThat(f.messageZh()).contains("请写审核说明").doesNotContain("见各单位的同一警告");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "2019", "2021" })
	void aWorkbookSaysOnWhichSheetEachStands(String format) {
		// when
		List<Finding> found = submission("410381101000_城关镇_2020.xlsx", format, stating(format, "95"));

		// then
		assertThat(found).singleElement().satisfies(f -> {
			assertThat(f.messageZh()).contains("95 件（“补充信息”工作表第 94 行）", "7 件（“表三”工作表第 40 行）");
			assertThat(f.messageEn()).contains("(line 94 of sheet 补充信息)", "(line 40 of sheet 表三)");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "2019", "2021" })
	void aConsolidationEveryReportOfWhichStatedTheFigureIsCompared(String format) {
		// given: 3 reports summed, all 3 stated the figure; their sum 9 against Table 3's 7
		Map<String, BigDecimal> values = stating(format, "9");

		// when
		List<Finding> found = consolidated(format, values, 3, 3);

		// then
		assertThat(found).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.WARNING);
			assertThat(f.expected()).isEqualByComparingTo("9");
			assertThat(f.actual()).isEqualByComparingTo("7");
			assertThat(f.where().line()).isNull();
			assertThat(f.messageZh()).contains("“本年收到政府信息公开申请” 9 件，", "见各单位的同一警告")
				.doesNotContain("第 null", "审核说明");
			assertThat(f.messageEn()).contains("see their warnings of this rule").doesNotContain("NOTE,");
		});
		assertThat(consolidated(format, stating(format, "7"), 3, 3)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2019", "2021" })
	void aConsolidationSomeReportsOfWhichStatedTheFigureIsAnInfoWithTheCount(String format) {
		// given: 5 reports summed, 2 stated the figure (4 applications in all), Table 3's total of all is 7
		Map<String, BigDecimal> values = stating(format, "4");

		// when
		List<Finding> found = consolidated(format, values, 5, 2);

		// then: never a warning, so a partial sum never keeps a year from being final
		assertThat(found).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.INFO);
			assertThat(f.where().cellCode()).isEqualTo("T3.r1.tot");
			assertThat(f.messageZh()).contains("合计 4 件只来自汇总的 5 份报表中的 2 份", "的 7 件比较");
			assertThat(f.messageEn()).contains("4, was stated by 2 of the 5 reports summed", "the 7 in Table 3");
		});
		// the same when the partial sum happens to equal the table: it is still not a comparison
		assertThat(consolidated(format, stating(format, "7"), 5, 2)).singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2019", "2021" })
	void aConsolidationNoReportOfWhichStatedTheFigureIsNothing(String format) {
		assertThat(consolidated(format, stating(format, null), 5, 0)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2019", "2021" })
	void aUnitsOwnConsolidatedFileIsAnInfoSinceNobodyKnowsHowManyStatedIt(String format) {
		// when: a county's own file, whose 总体情况 figure may sum only some of its townships
		List<Finding> found = engine.check(new Subject("410381000000_偃师市_2020.csv", format, "410381000000", "县级市",
				stating(format, "4"), Map.of(), null, Subject.Coverage.unknown()))
			.stream()
			.filter(f -> f.ruleId().equals("NARR-RECEIVED"))
			.toList();

		// then
		assertThat(found).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.INFO);
			assertThat(f.messageZh()).contains("本级汇总文件在总体情况中写明“本年收到政府信息公开申请” 4 件",
					"无法得知下级单位中有几个写明了这个数字");
		});
	}

}
