package township.rollup.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import township.rollup.registry.Registry;
import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.submission.Meta;
import township.rollup.submission.ParsedSubmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Whether a submission is who and when it says, against the sample registry of 偃师市. */
class IdentityCheckTests {

	private static Registry registry;

	private final IdentityCheck check = new IdentityCheck(IngestFixtures.factory());

	@BeforeAll
	static void loadRegistry() {
		registry = Registry.load(Path.of("input/townships.csv"));
	}

	/** A submission as the parser gives it: META lines on lines 7 to 10 as in the template. */
	private static ParsedSubmission submission(String fileName, String name, String code, String year) {
		return new ParsedSubmission(fileName, "UTF-8", new Meta(name, code, year, "2019"), "2019", Map.of(), Map.of(),
				List.of(), Map.of("META.unit_name", 7, "META.unit_code", 8, "META.year", 9, "META.format", 10));
	}

	@Test
	void aSubmissionThatIsWhoAndWhenItSaysHasNoFinding() {
		// given
		ParsedSubmission s = submission("410381114000_邙岭镇_2020.csv", "邙岭镇", "410381114000", "2020");

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).isEmpty();
	}

	@Test
	void theParsedCleanFixtureHasNoFinding() {
		// given: the fixture is the 邙岭镇 sample, its file name says nothing of a unit
		ParsedSubmission s = IngestFixtures.parse("clean-2019.csv").submission().orElseThrow();

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).isEmpty();
	}

	@Test
	void anotherYearIsMetaYearOnTheYearLine() {
		// given
		ParsedSubmission s = submission("410381114000_邙岭镇_2020.csv", "邙岭镇", "410381114000", "2019");

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).extracting(Finding::ruleId, f -> f.where().line(), Finding::severity)
			.containsExactly(tuple("META-YEAR", 9, Severity.ERROR));
		assertThat(findings.get(0).messageZh()).isEqualTo("报告年度填写为“2019”，本次汇总的是 2020 年度。请确认是否提交了其他年度的报表。");
	}

	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@ValueSource(strings = { "2020", "2020年", "２０２０", "２０２０年" })
	void theYearMayBeWrittenWithItsCharacterOrInFullWidth(String written) {
		// given
		ParsedSubmission s = submission("410381114000_邙岭镇_2020.csv", "邙岭镇", "410381114000", written);

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).isEmpty();
	}

	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@ValueSource(strings = { "2021年", "202020年", "20", "", "二〇二〇" })
	void anythingElseIsMetaYear(String written) {
		// given
		ParsedSubmission s = submission("410381114000_邙岭镇_2020.csv", "邙岭镇", "410381114000", written);

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).extracting(Finding::ruleId).containsExactly("META-YEAR");
	}

	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@ValueSource(strings = { "41038111400", "4103811140000", "4.10381E+11", "410381-114000", "邙岭镇" })
	void aCodeThatIsNotTwelveDigitsIsMetaCode(String written) {
		// given
		ParsedSubmission s = submission("年报.csv", "邙岭镇", written, "2020");

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).extracting(Finding::ruleId, f -> f.where().line()).containsExactly(tuple("META-CODE", 8));
		assertThat(findings.get(0).messageZh()).isEqualTo("区划代码填写为“" + written + "”，不是 12 位数字的统计用区划代码。");
	}

	@Test
	void anUnregisteredCodeIsMetaCodeUnknown() {
		// given
		ParsedSubmission s = submission("年报.csv", "邙岭镇", "410381199000", "2020");

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).extracting(Finding::ruleId, f -> f.where().line())
			.containsExactly(tuple("META-CODE-UNKNOWN", 8));
		assertThat(findings.get(0).messageZh()).isEqualTo("区划代码 410381199000 不在偃师市登记的下级单位名单中。");
	}

	@Test
	void theConsolidatingUnitsOwnCodeIsNotAReportingUnit() {
		// given
		ParsedSubmission s = submission("年报.csv", "偃师市", "410381000000", "2020");

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).extracting(Finding::ruleId).containsExactly("META-CODE-UNKNOWN");
	}

	@Test
	void aNameThatIsNotTheRegisteredNameOfTheCodeIsMetaName() {
		// given
		ParsedSubmission s = submission("410381114000_邙岭镇_2020.csv", "邙岭乡", "410381114000", "2020");

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).extracting(Finding::ruleId, f -> f.where().line()).containsExactly(tuple("META-NAME", 7));
		assertThat(findings.get(0).messageZh())
			.isEqualTo("单位名称填写为“邙岭乡”，但区划代码 410381114000 登记的名称是“邙岭镇”。");
	}

	@Test
	void theNameIsComparedAfterLabelNormalisation() {
		// given
		ParsedSubmission s = submission("410381114000_邙岭镇_2020.csv", "邙岭 镇", "410381114000", "2020");

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).isEmpty();
	}

	@Test
	void aFileNamedForOneUnitWithTheContentOfAnotherIsFileNameMismatch() {
		// given: 城关镇's report saved under 邙岭镇's file name
		ParsedSubmission s = submission("410381114000_邙岭镇_2020.csv", "城关镇", "410381101000", "2020");

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).extracting(Finding::ruleId, f -> f.where().line(), f -> f.where().cellCode())
			.containsExactly(tuple("FILE-NAME-MISMATCH", null, null));
		assertThat(findings.get(0).messageZh())
			.isEqualTo("文件名“410381114000_邙岭镇_2020.csv”表明是邙岭镇（410381114000）的报表，但文件内容填写的是城关镇（410381101000）。请核对是否发错了文件。");
	}

	@Test
	void aFileNamedOnlyByTheUnitNameIsCheckedToo() {
		// given
		ParsedSubmission s = submission("缑氏镇2020年政府信息公开年报.csv", "城关镇", "410381101000", "2020");

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).extracting(Finding::ruleId).containsExactly("FILE-NAME-MISMATCH");
	}

	@Test
	void missingMetaLinesAreNotCheckedHere() {
		// given: META-MISSING is the parser's finding
		ParsedSubmission s = new ParsedSubmission("年报.csv", "UTF-8", new Meta(null, null, null, null), null, Map.of(),
				Map.of(), List.of(), Map.of());

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).isEmpty();
	}

	@Test
	void everyIdentityProblemIsReportedAtOnce() {
		// given
		ParsedSubmission s = submission("410381114000_邙岭镇_2020.csv", "城关", "410381101000", "2019年");

		// when
		List<Finding> findings = check.check(s, 2020, registry);

		// then
		assertThat(findings).extracting(Finding::ruleId)
			.containsExactlyInAnyOrder("META-YEAR", "META-NAME", "FILE-NAME-MISMATCH");
	}

}
