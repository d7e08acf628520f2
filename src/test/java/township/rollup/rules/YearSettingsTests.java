package township.rollup.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import township.rollup.reportformat.ReportFormats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A report year's settings file {@code <settings-dir>/<year>.csv}: format, rule switches, severities, parameters. */
class YearSettingsTests {

	private static final String HEADER = "key,value,reason\n";

	@TempDir
	Path dir;

	private static YearSettings load(Path dir, int year) {
		return YearSettings.load(dir, year, RuleCatalogue.standard(), ReportFormats.standard());
	}

	private static Path write(Path dir, int year, String text) throws IOException {
		Path file = dir.resolve(year + ".csv");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	// ---- no file

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "2019, 2019", "2020, 2019", "2021, 2021", "2022, 2021", "2025, 2021" })
	void withoutAFileTheYearHasTheDefaults(int year, String format) {
		// when
		YearSettings settings = load(dir, year);

		// then
		assertThat(settings.year()).isEqualTo(year);
		assertThat(settings.formatId()).isEqualTo(format);
		assertThat(settings.formatReason()).isNull();
		assertThat(settings.overrides().byRule()).isEmpty();
		assertThat(settings).isEqualTo(YearSettings.defaults(year));
	}

	@Test
	void theFileOfAYearIsNamedAfterIt() {
		// when / then
		assertThat(YearSettings.file(dir, 2021)).isEqualTo(dir.resolve("2021.csv"));
	}

	// ---- what a file sets

	@Test
	void formatRuleSwitchesSeveritiesAndParametersAreReadWithTheirReasons() throws IOException {
		// given
		write(dir, 2021, HEADER + """
				format,2019,本市 2021 年度仍使用 2019 试行格式
				rule.X-JUMP.ratio,3,本市要求变化超过 3 倍即说明
				rule.T4-EXCEEDS-T3.enabled,false,复议案件多涉及上年度答复
				rule.T2-TOWN-REG.severity,ERROR,市政府办要求：乡镇不得填报规章
				""");

		// when
		YearSettings settings = load(dir, 2021);

		// then
		assertThat(settings.formatId()).isEqualTo("2019");
		assertThat(settings.formatReason()).isEqualTo("本市 2021 年度仍使用 2019 试行格式");
		assertThat(settings.overrides().byRule()).containsOnlyKeys("X-JUMP", "T4-EXCEEDS-T3", "T2-TOWN-REG");
		assertThat(settings.overrides().byRule().get("X-JUMP"))
			.isEqualTo(new RuleOverrides.Override("X-JUMP", null, null, Map.of("ratio", "3"), "本市要求变化超过 3 倍即说明"));
		assertThat(settings.overrides().byRule().get("T4-EXCEEDS-T3"))
			.isEqualTo(new RuleOverrides.Override("T4-EXCEEDS-T3", false, null, Map.of(), "复议案件多涉及上年度答复"));
		assertThat(settings.overrides().byRule().get("T2-TOWN-REG")).isEqualTo(
				new RuleOverrides.Override("T2-TOWN-REG", null, Severity.ERROR, Map.of(), "市政府办要求：乡镇不得填报规章"));
	}

	@Test
	void theOverridesTakeEffect() throws IOException {
		// given
		write(dir, 2021, HEADER + """
				rule.X-JUMP.ratio,3,更严
				rule.X-JUMP.minBase,20,小基数不看
				rule.T4-EXCEEDS-T3.enabled,false,关闭
				rule.T2-TOWN-REG.severity,ERROR,从严
				""");
		RuleCatalogue catalogue = RuleCatalogue.standard();

		// when
		RuleOverrides overrides = load(dir, 2021).overrides();

		// then
		assertThat(overrides.param(catalogue.rule("X-JUMP", "2021"), "ratio")).isEqualTo("3");
		assertThat(overrides.param(catalogue.rule("X-JUMP", "2021"), "minBase")).isEqualTo("20");
		assertThat(overrides.isEnabled("T4-EXCEEDS-T3")).isFalse();
		assertThat(overrides.isEnabled("T2-TOWN-REG")).isTrue();
		assertThat(overrides.severityOf(catalogue.rule("T2-TOWN-REG", "2021"))).isEqualTo(Severity.ERROR);
		assertThat(overrides.severityOf(catalogue.rule("T4-SUM", "2021"))).isEqualTo(Severity.ERROR);
		assertThat(overrides.severityOf(catalogue.rule("X-JUMP", "2021"))).isEqualTo(Severity.WARNING);
	}

	@Test
	void severalLinesOfOneRuleMakeOneOverrideWithTheReasonsJoined() throws IOException {
		// given
		write(dir, 2022, HEADER + """
				rule.X-JUMP.ratio,10,乡镇规模小
				rule.X-JUMP.severity,info,只作提示
				""");

		// when
		RuleOverrides.Override jump = load(dir, 2022).overrides().byRule().get("X-JUMP");

		// then
		assertThat(jump).isEqualTo(new RuleOverrides.Override("X-JUMP", null, Severity.INFO, Map.of("ratio", "10"),
				"乡镇规模小；只作提示"));
	}

	@Test
	void caseAndSpacesOfBooleansAndSeveritiesDoNotMatter() throws IOException {
		// given
		write(dir, 2021, HEADER + """
				rule.T4-EXCEEDS-T3.enabled , FALSE ,
				rule.T2-INFORCE.severity, Error ,
				""");

		// when
		RuleOverrides overrides = load(dir, 2021).overrides();

		// then
		assertThat(overrides.isEnabled("T4-EXCEEDS-T3")).isFalse();
		assertThat(overrides.severityOf(RuleCatalogue.standard().rule("T2-INFORCE", "2021"))).isEqualTo(Severity.ERROR);
	}

	@Test
	void commentAndBlankKeyLinesAreSkipped() throws IOException {
		// given
		write(dir, 2021, HEADER + """
				# 本市 2021 年度设置,,
				,,
				rule.X-JUMP.ratio,4,
				""");

		// when
		YearSettings settings = load(dir, 2021);

		// then
		assertThat(settings.formatId()).isEqualTo("2021");
		assertThat(settings.overrides().byRule()).containsOnlyKeys("X-JUMP");
	}

	@Test
	void aBlankLineAndACommentLineWithoutCommasAreSkipped() throws IOException {
		// given: a comment written as a plain line, and the blank line an editor leaves at the end
		write(dir, 2021, HEADER + """
				# 本市 2021 年度设置
				rule.X-JUMP.ratio,4,

				""");

		// when
		YearSettings settings = load(dir, 2021);

		// then
		assertThat(settings.overrides().byRule()).containsOnlyKeys("X-JUMP");
		assertThat(settings.overrides().byRule().get("X-JUMP").params()).isEqualTo(Map.of("ratio", "4"));
	}

	@Test
	void aUtf8ByteOrderMarkIsFine() throws IOException {
		// given: Excel's "CSV UTF-8" starts the file with a byte order mark
		byte[] text = (HEADER + "format,2019,沿用试行格式\nrule.X-JUMP.ratio,3,更严\n").getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, withBom, 3, text.length);
		Files.write(dir.resolve("2022.csv"), withBom);

		// when
		YearSettings settings = load(dir, 2022);

		// then
		assertThat(settings.formatId()).isEqualTo("2019");
		assertThat(settings.formatReason()).isEqualTo("沿用试行格式");
		assertThat(settings.overrides().byRule().get("X-JUMP").params()).isEqualTo(Map.of("ratio", "3"));
	}

	@Test
	void aFileSavedByExcelAsGbkReadsWithItsChineseReasons() throws IOException {
		// given: Chinese Excel's plain "CSV" is GBK
		Files.write(dir.resolve("2022.csv"),
				(HEADER + "format,2019,沿用试行格式\nrule.X-JUMP.ratio,3,市政府办要求更严\n").getBytes("GBK"));

		// when
		YearSettings settings = load(dir, 2022);

		// then
		assertThat(settings.formatId()).isEqualTo("2019");
		assertThat(settings.formatReason()).isEqualTo("沿用试行格式");
		assertThat(settings.overrides().byRule().get("X-JUMP").reason()).isEqualTo("市政府办要求更严");
	}

	@Test
	void bytesThatAreNeitherUtf8NorGbkAreAnErrorNamingTheLine() throws IOException {
		// given: line 3 ends in 0xFF, which starts no UTF-8 or GB18030 character
		byte[] head = (HEADER + "format,2019,沿用\nrule.X-JUMP.ratio,3,").getBytes(StandardCharsets.UTF_8);
		byte[] bytes = java.util.Arrays.copyOf(head, head.length + 1);
		bytes[head.length] = (byte) 0xFF;
		Path file = Files.write(dir.resolve("2022.csv"), bytes);

		// when / then
		assertThatThrownBy(() -> load(dir, 2022)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith(file + " line 3: ")
			.hasMessageContaining("not UTF-8 or GBK");
	}

	@Test
	void aDeadlineIsADateAndATimeOfDayAndNoneByDefault() throws IOException {
		write(dir, 2021, HEADER + "deadline,2022-01-12 18:00,市政府办通知\n");

		YearSettings settings = load(dir, 2021);

		assertThat(settings.deadline()).isEqualTo(java.time.LocalDateTime.of(2022, 1, 12, 18, 0));
		assertThat(settings.deadlineText()).isEqualTo("2022-01-12 18:00");
		assertThat(settings.formatId()).isEqualTo("2021");
		assertThat(load(dir, 2022).deadline()).isNull();
	}

	// ---- configuration errors

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "unknown key | formats,2021, | unknown key 'formats'",
			"key without setting | rule.X-JUMP,3, | unknown key 'rule.X-JUMP'",
			"unknown rule | rule.X-JUMPS.ratio,3, | no rule X-JUMPS in the catalogue",
			"built-in rule | rule.CELL-BLANK.severity,WARNING, | rule CELL-BLANK guards reading the file and cannot be overridden",
			"built-in rule switched off | rule.NOTE-UNUSED.enabled,false, | rule NOTE-UNUSED guards reading the file",
			"undeclared parameter | rule.X-JUMP.factor,3, | rule X-JUMP has no parameter 'factor'",
			"parameter of a rule without any | rule.T3-ROW.ratio,3, | rule T3-ROW has no parameter 'ratio'",
			"bad severity | rule.T4-SUM.severity,FATAL, | severity must be ERROR, WARNING or INFO, not 'FATAL'",
			"bad boolean | rule.T4-SUM.enabled,yes, | enabled must be true or false, not 'yes'",
			"unknown format | format,2020, | unknown format '2020'",
			"parameter not a number | rule.X-JUMP.ratio,abc, | ratio must be a number, not 'abc'",
			"parameter not positive | rule.X-JUMP.ratio,0, | ratio must be a positive number, not '0'",
			"deadline without a time | deadline,2021-01-31, | deadline must be written as year-month-day hour:minute",
			"deadline on no such day | deadline,2021-02-30 18:00, | not '2021-02-30 18:00'",
			"deadline at hour 24 | deadline,2021-01-31 24:00, | not '2021-01-31 24:00'",
			"deadline in Chinese words | deadline,1月12日18时, | not '1月12日18时'" })
	void aMistakeIsAConfigurationErrorNamingTheFileAndLine(String name, String line, String message) throws IOException {
		// given: the mistake is on line 3, after a valid line 2
		Path file = write(dir, 2021, HEADER + "rule.X-JUMP.minBase,20,\n" + line.strip() + "\n");

		// when / then
		assertThatThrownBy(() -> load(dir, 2021)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith(file + " line 3: ")
			.hasMessageContaining(message.strip());
	}

	@Test
	void aMistakeOnTheFirstLineIsReportedOnLineTwo() throws IOException {
		// given: line 1 is the header
		Path file = write(dir, 2021, HEADER + "rule.T4-SUM.severity,FATAL,\n");

		// when / then
		assertThatThrownBy(() -> load(dir, 2021)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage(file + " line 2: severity must be ERROR, WARNING or INFO, not 'FATAL'");
	}

	@Test
	void aMistakeIsWordedInChineseThenEnglishFromTheCatalogue() throws IOException {
		Path file = write(dir, 2021, HEADER + "rule.T4-SUM.severity,FATAL,\n");

		SettingsException broken = org.assertj.core.api.Assertions.catchThrowableOfType(SettingsException.class,
				() -> load(dir, 2021));

		assertThat(township.rollup.i18n.Text.bilingual(broken))
			.isEqualTo(file + " 第 2 行：severity 只能是 ERROR、WARNING 或 INFO，不能是“FATAL”"
					+ " / " + file + " line 2: severity must be ERROR, WARNING or INFO, not 'FATAL'");
	}

	// ---- fingerprint

	@Test
	void theFingerprintIsTheSameForIdenticalFiles(@TempDir Path other) throws IOException {
		// given
		String text = HEADER + "rule.X-JUMP.ratio,3,更严\n";
		write(dir, 2021, text);
		write(other, 2021, text);

		// when
		String one = load(dir, 2021).fingerprint();
		String two = load(other, 2021).fingerprint();

		// then
		assertThat(one).isEqualTo(two).isNotBlank();
	}

	@Test
	void theFingerprintDiffersBetweenDifferentFiles(@TempDir Path other) throws IOException {
		// given
		write(dir, 2021, HEADER + "rule.X-JUMP.ratio,3,更严\n");
		write(other, 2021, HEADER + "rule.X-JUMP.ratio,4,更严\n");

		// when
		String three = load(dir, 2021).fingerprint();
		String four = load(other, 2021).fingerprint();

		// then
		assertThat(three).isNotEqualTo(four);
	}

	@Test
	void aFileThatChangesNoRuleAndNoFormatAssessesAsTheDefaults(@TempDir Path empty) throws IOException {
		// given: a file that sets only a deadline, with a comment and a reason
		write(dir, 2021, HEADER + "# 通知\ndeadline,2022-01-31 18:00,按通知要求\n");

		// when
		YearSettings fromFile = load(dir, 2021);
		YearSettings defaults = load(empty, 2021);

		// then: what a file's assessment depends on is the same, so no file is assessed again for it
		assertThat(fromFile.overrides().byRule()).isEmpty();
		assertThat(fromFile.formatId()).isEqualTo("2021");
		assertThat(fromFile.deadlineText()).isEqualTo("2022-01-31 18:00");
		assertThat(fromFile.fingerprint()).isEqualTo(defaults.fingerprint());
	}

	@Test
	void theDeadlineReasonsAndCommentsLeaveTheFingerprintAndRulesFormatsChangeIt(@TempDir Path other)
			throws IOException {
		// given
		String rules = "rule.X-JUMP.ratio,3,更严\nrule.T2-TOWN-REG.severity,ERROR,\n";
		write(dir, 2021, HEADER + rules);
		String base = load(dir, 2021).fingerprint();

		// then: the same rules with a deadline, other reasons and a comment
		write(other, 2021, HEADER + "# 2021 年\n" + "rule.X-JUMP.ratio,3,另一个理由\nrule.T2-TOWN-REG.severity,ERROR,理由\n"
				+ "deadline,2022-01-31 18:00,\n");
		assertThat(load(other, 2021).fingerprint()).isEqualTo(base);
		// each change of what the rules do changes it
		for (String changed : List.of("rule.X-JUMP.ratio,4,更严\nrule.T2-TOWN-REG.severity,ERROR,\n",
				"rule.X-JUMP.ratio,3,更严\nrule.T2-TOWN-REG.severity,WARNING,\n",
				rules + "rule.X-JUMP.enabled,false,\n", rules + "format,2019,\n")) {
			write(other, 2021, HEADER + changed);
			assertThat(load(other, 2021).fingerprint()).as(changed).isNotEqualTo(base);
		}
	}

	@Test
	void theFingerprintOfTheDefaultsIsStableAndDiffersBetweenYears(@TempDir Path empty) {
		// when / then
		assertThat(load(empty, 2021).fingerprint()).isEqualTo(YearSettings.defaults(2021).fingerprint());
		assertThat(YearSettings.defaults(2021).fingerprint()).isNotEqualTo(YearSettings.defaults(2022).fingerprint());
	}

}
