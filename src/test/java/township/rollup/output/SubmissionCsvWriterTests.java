package township.rollup.output;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import township.rollup.ingest.SubmissionParser;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;
import township.rollup.validation.ValidationFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the writer produces reads back through the submission parser: the blank template gives exactly one
 * CELL-BLANK per cell, and a filled report gives back exactly its values (the closure property).
 */
class SubmissionCsvWriterTests {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final SubmissionParser parser = new SubmissionParser(ReportFormats.standard(),
			new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()));

	private SubmissionParser.Result parse(String fileName, byte[] bytes) {
		return parser.parse(new SourceFile(fileName, bytes.length, "0".repeat(64), bytes));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2019", "2021" })
	void theTemplateReadsBackAsOneBlankPerCellAndNothingElse(String format) {
		// given
		byte[] template = SubmissionCsvWriter.template(ReportFormats.standard().get(format),
				new SubmissionCsvWriter.Header("城关镇", "410381101000", 2021));

		// when
		SubmissionParser.Result result = parse("410381101000_城关镇_template.csv", template);

		// then: the cells of the hand-written clean report are every cell of the format
		List<String> cells = List.copyOf(ValidationFixtures.clean(format).keySet());
		assertThat(result.findings()).extracting(Finding::ruleId).containsOnly("CELL-BLANK");
		assertThat(result.findings()).extracting(f -> f.where().cellCode()).containsExactlyElementsOf(cells);
		assertThat(result.findings()).hasSize(format.equals("2019") ? 198 : 200);
		assertThat(result.submission()).hasValueSatisfying(s -> {
			assertThat(s.formatId()).isEqualTo(format);
			assertThat(s.numbers()).isEmpty();
			assertThat(s.narrative()).isEmpty();
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2019", "2021" })
	void theTemplateOffersTheApplicationsReceivedAsTheLastNarrativeLine(String format) {
		// when
		String template = new String(SubmissionCsvWriter.template(ReportFormats.standard().get(format),
				new SubmissionCsvWriter.Header("城关镇", "410381101000", 2021)), java.nio.charset.StandardCharsets.UTF_8);

		// then: code, the label the importer and the workbook use, an empty value to fill in
		List<String> lines = template.lines().filter(l -> l.startsWith("NARR.")).toList();
		assertThat(lines).hasSize(9);
		assertThat(lines.get(8)).isEqualTo("NARR.applications_received,本年收到政府信息公开申请（件）,");
	}

	@Test
	void the2019TemplateHas198BlankCells() {
		// given
		byte[] template = SubmissionCsvWriter.template(ReportFormats.standard().get("2019"),
				new SubmissionCsvWriter.Header("城关镇", "410381101000", 2020));

		// when
		SubmissionParser.Result result = parse("410381101000_城关镇_2020.csv", template);

		// then
		assertThat(result.findings()).hasSize(198).allSatisfy(f -> assertThat(f.ruleId()).isEqualTo("CELL-BLANK"));
		assertThat(result.findings()).extracting(f -> f.where().cellCode()).doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2019", "2021" })
	void aReportReadsBackAsExactlyItsValuesWithNoFinding(String format) {
		// given
		Map<String, BigDecimal> values = ValidationFixtures.clean(format);
		values.put("T3.r1.oth", new BigDecimal("0"));
		Map<String, BigDecimal> narrative = new LinkedHashMap<>();
		narrative.put("NARR.proactive_items", new BigDecimal("392"));
		narrative.put("NARR.training_sessions", new BigDecimal("3"));
		byte[] report = SubmissionCsvWriter.report(ReportFormats.standard().get(format),
				new SubmissionCsvWriter.Header("偃师市", "410381000000", 2021, "汇总状态：定稿（FINAL）。"), values, narrative);

		// when
		SubmissionParser.Result result = parse("410381000000_偃师市_2021.csv", report);

		// then
		assertThat(result.findings()).isEmpty();
		ParsedSubmission submission = result.submission().orElseThrow();
		assertThat(submission.formatId()).isEqualTo(format);
		assertThat(submission.meta().unitCode()).isEqualTo("410381000000");
		assertThat(submission.meta().unitName()).isEqualTo("偃师市");
		assertThat(submission.meta().year()).isEqualTo("2021");
		assertThat(submission.numbers().keySet()).containsExactlyElementsOf(values.keySet());
		assertThat(submission.numbers()).allSatisfy((code, value) -> assertThat(value).as(code)
			.isEqualByComparingTo(values.get(code)));
		assertThat(submission.narrative()).containsOnlyKeys("NARR.proactive_items", "NARR.training_sessions");
		assertThat(submission.narrative().get("NARR.proactive_items").value()).isEqualByComparingTo("392");
	}

	@Test
	void signedChangesAndAmountsSurviveTheRoundTrip() {
		// given: 本年增/减 −8 and an amount with four decimals, written by hand
		Map<String, BigDecimal> values = ValidationFixtures.clean("2019");
		values.put("T2.i5.lic.delta", new BigDecimal("-8"));
		values.put("T2.i8.fee.delta", new BigDecimal("19"));
		values.put("T2.i9.proc.amount", new BigDecimal("155.8601"));
		byte[] report = SubmissionCsvWriter.report(ReportFormats.standard().get("2019"),
				new SubmissionCsvWriter.Header("偃师市", "410381000000", 2020), values, Map.of());

		// when
		SubmissionParser.Result result = parse("410381000000_偃师市_2020.csv", report);

		// then
		assertThat(result.findings()).isEmpty();
		Map<String, BigDecimal> numbers = result.submission().orElseThrow().numbers();
		assertThat(numbers.get("T2.i5.lic.delta")).isEqualByComparingTo("-8");
		assertThat(numbers.get("T2.i8.fee.delta")).isEqualByComparingTo("19");
		assertThat(numbers.get("T2.i9.proc.amount")).isEqualTo(new BigDecimal("155.8601"));
		String text = new String(report, StandardCharsets.UTF_8);
		assertThat(text).contains("T2.i5.lic,行政许可,20,-8,45\r\n").contains("T2.i9.proc,政府集中采购,2,155.8601\r\n");
	}

	@Test
	void outputStartsWithTheUtf8ByteOrderMarkAndUsesCrlf() {
		// given
		SubmissionCsvWriter.Header header = new SubmissionCsvWriter.Header("城关镇", "410381101000", 2021);

		// when
		byte[] template = SubmissionCsvWriter.template(ReportFormats.standard().get("2021"), header);
		byte[] report = SubmissionCsvWriter.report(ReportFormats.standard().get("2021"), header,
				ValidationFixtures.clean("2021"), Map.of());

		// then
		assertThat(Arrays.copyOf(template, 3)).isEqualTo(BOM);
		assertThat(Arrays.copyOf(report, 3)).isEqualTo(BOM);
		String text = new String(report, 3, report.length - 3, StandardCharsets.UTF_8);
		assertThat(text).doesNotStartWith("\uFEFF").contains("\r\nMETA.unit_code,区划代码,410381101000\r\n")
			.contains("\r\nMETA.format,报表格式,2021\r\n")
			.contains("\r\nT3.r3_7,（七）总计,4,1,1,0,1,0,7\r\n")
			.contains("\r\nT2.i8.fee,行政事业性收费,0.092\r\n");
		assertThat(text.replace("\r\n", "")).doesNotContain("\n");
	}

	@Test
	void theTablesHeadersAreTheOfficialLayoutsAsThePageAndTheWorkbookDrawThem() {
		// given
		SubmissionCsvWriter.Header header = new SubmissionCsvWriter.Header("城关镇", "410381101000", 2019);

		// when
		String text = new String(SubmissionCsvWriter.template(ReportFormats.standard().get("2019"), header),
				StandardCharsets.UTF_8);

		// then: 申请人情况 over the applicant columns and 总计 beside it on the first row, 法人或其他组织 over its
		// five columns on the second; Table 4's 行政复议 results reaching down from the second row; an amount's
		// unit in its header, as the page prints it
		assertThat(text).contains("\r\n代码,（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）,申请人情况,,,,,,总计\r\n"
				+ ",,自然人,法人或其他组织,,,,,\r\n,,,商业企业,科研机构,社会公益组织,法律服务机构,其他,\r\n")
			.contains("\r\n代码,,行政复议,,,,,行政诉讼,,,,,,,,,\r\n"
					+ ",,结果维持,结果纠正,其他结果,尚未审结,总计,未经复议直接起诉,,,,,复议后起诉,,,,\r\n")
			.contains("\r\n代码,信息内容,采购项目数量,采购总金额（万元）\r\n");
	}

}
