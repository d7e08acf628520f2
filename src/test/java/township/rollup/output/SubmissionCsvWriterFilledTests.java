package township.rollup.output;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import township.rollup.ingest.SubmissionParser;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.submission.SourceFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SubmissionCsvWriter#filled}: texts as found go in unchanged, absent cells stay blank (never 0),
 * and reading the file back reports exactly the blanks and the texts that are not numbers.
 */
class SubmissionCsvWriterFilledTests {

	private final SubmissionParser parser = new SubmissionParser(ReportFormats.standard(),
			new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()));

	@Test
	void cellsNotGivenAreBlankAndUnreadableTextIsWrittenAsFound() {
		// given: two cells of Table 2 and one narrative number, written by hand
		Map<String, String> cells = new LinkedHashMap<>();
		cells.put("T2.i9.proc.count", "2");
		cells.put("T2.i9.proc.amount", "251000元");
		Map<String, String> narrative = Map.of("NARR.proactive_items", "392");

		// when
		byte[] bytes = SubmissionCsvWriter.filled(ReportFormats.standard().get("2019"),
				new SubmissionCsvWriter.Header("邙岭镇", "410381114000", 2020, "自公开年报导入"), cells, narrative);
		SubmissionParser.Result read = parser
			.parse(new SourceFile("410381114000_邙岭镇_2020.csv", bytes.length, "0".repeat(64), bytes));

		// then
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).contains("\r\n# 自公开年报导入\r\n")
			.contains("\r\nT2.i9.proc,政府集中采购,2,251000元\r\n")
			.contains("\r\nT2.i1.reg,规章,,,\r\n")
			.contains("\r\nNARR.proactive_items,主动公开政府信息（条）,392\r\n")
			.doesNotContain("NARR.policy_interpretations");
		assertThat(read.findings()).filteredOn(f -> f.ruleId().equals("CELL-BLANK")).hasSize(196);
		assertThat(read.findings()).filteredOn(f -> !f.ruleId().equals("CELL-BLANK"))
			.extracting(Finding::ruleId)
			.containsExactly("CELL-UNIT");
		assertThat(read.submission().orElseThrow().narrative().get("NARR.proactive_items").value())
			.isEqualByComparingTo("392");
	}

	@Test
	void signedChangesAndTheNotApplicableMarkerAreWrittenAsPrintedAndReadBackAsNumbers() {
		// given: a published report's 本年增/减 of +19 and -8, and 处理决定数量 not applicable (-)
		Map<String, String> cells = new LinkedHashMap<>();
		cells.put("T2.i5.lic.delta", "+19");
		cells.put("T2.i6.pun.delta", "-8");
		cells.put("T2.i5.lic.decisions", "-");

		// when
		byte[] bytes = SubmissionCsvWriter.filled(ReportFormats.standard().get("2019"),
				new SubmissionCsvWriter.Header("邙岭镇", "410381114000", 2020, "自公开年报导入"), cells, Map.of());
		SubmissionParser.Result read = parser
			.parse(new SourceFile("410381114000_邙岭镇_2020.csv", bytes.length, "0".repeat(64), bytes));

		// then: no apostrophe (the formula guard knows a signed number and the marker), and read as written
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).doesNotContain("'+19").doesNotContain("'-8").doesNotContain(",'-");
		var numbers = read.submission().orElseThrow().numbers();
		assertThat(numbers.get("T2.i5.lic.delta")).isEqualByComparingTo("19");
		assertThat(numbers.get("T2.i6.pun.delta")).isEqualByComparingTo("-8");
		assertThat(read.findings()).noneMatch(f -> f.where().cellCode() != null
				&& f.where().cellCode().startsWith("T2.i5.lic.delta") && f.isError());
	}

}
