package township.rollup.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import township.rollup.ingest.SubmissionParser;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;
import township.rollup.submission.SourceFile;
import township.rollup.validation.Subject;
import township.rollup.validation.ValidationFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One submission from file to verdict: the files of {@code fixtures/assessment/} are 邙岭镇's 2020 report
 * in the 2019 format holding the hand-written clean report, each changed as its name says (see the
 * README there). The NOTE lines sit at lines 74 and 75, 表二“规章” at line 14, 表三“一” at 34, “二” at 35,
 * 表四 at 65 and META.format at 10.
 */
class SubmissionAssessorTests {

	private static final String FOLDER = "fixtures/assessment/";

	private static final Registry REGISTRY = Registry.load(Path.of("input/townships.csv"));

	private static final Unit 邙岭镇 = REGISTRY.member("410381114000").orElseThrow();

	/** A finding as these tests write it: rule, severity, anchor cell, expected, actual, delta, explanation. */
	record Seen(String ruleId, Severity severity, String cell, String expected, String actual, String delta,
			String explanation) {

		static Seen of(Finding f) {
			return new Seen(f.ruleId(), f.severity(), f.where().cellCode(), text(f.expected()), text(f.actual()),
					text(f.delta()), f.explanation());
		}

		private static String text(BigDecimal value) {
			return value == null ? null : value.stripTrailingZeros().toPlainString();
		}

	}

	/** What reading and assessing a fixture gave. */
	record Outcome(SubmissionParser.Result read, Assessment assessment) {
	}

	private static Outcome assess(String fixture) {
		return assess(fixture, RuleOverrides.none(), "2019", null);
	}

	private static Outcome assess(String fixture, RuleOverrides overrides) {
		return assess(fixture, overrides, "2019", null);
	}

	private static Outcome assess(String fixture, RuleOverrides overrides, String yearFormat, Subject.Prior prior) {
		FindingFactory factory = new FindingFactory(RuleCatalogue.standard(), overrides);
		byte[] bytes = bytes(fixture);
		SubmissionParser.Result read = new SubmissionParser(ReportFormats.standard(), factory)
			.parse(new SourceFile(fixture, bytes.length, "sha", bytes));
		SubmissionAssessor assessor = new SubmissionAssessor(ReportFormats.standard(), factory);
		Assessment assessment = assessor.assess(read.submission(), read.findings(),
				new AssessmentContext(2020, yearFormat, REGISTRY, 邙岭镇, prior));
		return new Outcome(read, assessment);
	}

	private static byte[] bytes(String fixture) {
		try (InputStream in = SubmissionAssessorTests.class.getClassLoader().getResourceAsStream(FOLDER + fixture)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + FOLDER + fixture);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** 邙岭镇's 2019 report that the clean report follows from (item counts 22 − 2 = 20 and 7 + 1 = 8). */
	private static Map<String, BigDecimal> lastYear() {
		Map<String, BigDecimal> values = ValidationFixtures.clean("2019");
		values.put("T2.i5.lic.prev_items", new BigDecimal("22"));
		values.put("T2.i6.pun.prev_items", new BigDecimal("7"));
		return values;
	}

	// ---- the 总体情况 figure against Table 3 (NARR-RECEIVED)

	@Test
	void theApplicationsReceivedThatTheTextStatesAsTheTableDoesAreNothing() {
		// when
		Outcome outcome = assess("narr-received-same.csv");

		// then
		assertThat(outcome.read().findings()).isEmpty();
		assertThat(outcome.read().submission().orElseThrow().narrativeNumbers())
			.containsEntry("NARR.applications_received", new BigDecimal("7"));
		assertThat(outcome.assessment().findings()).isEmpty();
	}

	@Test
	void applicationsReceivedThatDifferFromTable3AreAWarningNamingBothLines() {
		// when
		Outcome outcome = assess("narr-received-differs.csv");

		// then: 17 stated at line 73 against 7 in 表三 一 总计 at line 34
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactly(new Seen("NARR-RECEIVED", Severity.WARNING, "T3.r1.tot", "17", "7", "-10", null));
		Finding finding = outcome.assessment().findings().get(0);
		assertThat(finding.where().line()).isEqualTo(34);
		assertThat(finding.messageZh()).contains("17 件（第 73 行）", "7 件（第 34 行）");
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().openWarningCount()).isEqualTo(1);
	}

	@Test
	void aNoteExplainsTheDifference() {
		// when
		Outcome outcome = assess("narr-received-explained.csv");

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactly(new Seen("NARR-RECEIVED", Severity.WARNING, "T3.r1.tot", "17", "7", "-10",
					"正文的17件含咨询转为申请前的登记件，表三只计正式申请"));
		assertThat(outcome.assessment().openWarningCount()).isZero();
	}

	// ---- the baseline

	@Test
	void theCleanFileIsAcceptedWithoutAnyFinding() {
		// when
		Outcome outcome = assess("clean.csv");

		// then
		assertThat(outcome.read().findings()).isEmpty();
		assertThat(outcome.assessment().findings()).isEmpty();
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().errorCount()).isZero();
		assertThat(outcome.assessment().warningCount()).isZero();
		assertThat(outcome.assessment().openWarningCount()).isZero();
	}

	@Test
	void theCleanFileFollowsFromLastYear() {
		// when
		Outcome outcome = assess("clean.csv", RuleOverrides.none(), "2019", new Subject.Prior(2019, "2019", lastYear()));

		// then
		assertThat(outcome.assessment().findings()).isEmpty();
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void aCarryOverThatDisagreesWithLastYearRejectsTheFileAtItsLine() {
		// given: last year carried 2 applications of 商业企业 forward; the file carries 0 over
		Map<String, BigDecimal> lastYear = lastYear();
		lastYear.put("T3.r4.com", new BigDecimal("2"));

		// when
		Outcome outcome = assess("clean.csv", RuleOverrides.none(), "2019", new Subject.Prior(2019, "2019", lastYear));

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactly(new Seen("X-CARRY", Severity.ERROR, "T3.r2.com", "2", "0", "-2", null));
		assertThat(outcome.assessment().findings().get(0).where().line()).isEqualTo(35);
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.REJECTED);
	}

	@Test
	void withoutLastYearsReportTheCrossYearRulesAreOnlyInformation() {
		// when
		Outcome outcome = assess("clean.csv", RuleOverrides.none(), "2019", Subject.Prior.missing(2019, "2019"));

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactlyInAnyOrder(new Seen("X-CARRY", Severity.INFO, null, null, null, null, null),
					new Seen("X-ITEMS", Severity.INFO, null, null, null, null, null),
					new Seen("X-JUMP", Severity.INFO, null, null, null, null, null));
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().errorCount()).isZero();
		assertThat(outcome.assessment().warningCount()).isZero();
	}

	// ---- explanations (NOTE lines)

	@Test
	void twoUnexplainedWarningsAreBothOpen() {
		// when
		Outcome outcome = assess("warnings-unexplained.csv");

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactlyInAnyOrder(new Seen("T2-TOWN-REG", Severity.WARNING, "T2.i1.reg.total_pub", "0", "2", "2", null),
					new Seen("T4-EXCEEDS-T3", Severity.WARNING, "T4.rev.tot", "8", "9", "1", null));
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().errorCount()).isZero();
		assertThat(outcome.assessment().warningCount()).isEqualTo(2);
		assertThat(outcome.assessment().openWarningCount()).isEqualTo(2);
	}

	@Test
	void anExplainedWarningCarriesTheTextAndIsNoLongerOpen() {
		// when
		Outcome outcome = assess("warning-explained.csv");

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactlyInAnyOrder(
					new Seen("T2-TOWN-REG", Severity.WARNING, "T2.i1.reg.total_pub", "0", "2", "2",
							"县里转发的规章计入了对外公开总数量，已核实。"),
					new Seen("T4-EXCEEDS-T3", Severity.WARNING, "T4.rev.tot", "8", "9", "1", null));
		Finding reg = outcome.assessment().findings().stream().filter(f -> f.ruleId().equals("T2-TOWN-REG")).findFirst().orElseThrow();
		assertThat(reg.isOpenWarning()).isFalse();
		assertThat(reg.where().line()).isEqualTo(14);
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().warningCount()).isEqualTo(2);
		assertThat(outcome.assessment().openWarningCount()).isEqualTo(1);
	}

	/** A fixture assessed with explanations written beside it (the portal's), as the assess step does. */
	private static Outcome assessWith(String fixture, java.util.function.UnaryOperator<String> change,
			List<Map.Entry<String, String>> added) {
		return assessWith(fixture, change, added, RuleOverrides.none());
	}

	private static Outcome assessWith(String fixture, java.util.function.UnaryOperator<String> change,
			List<Map.Entry<String, String>> added, RuleOverrides overrides) {
		FindingFactory factory = new FindingFactory(RuleCatalogue.standard(), overrides);
		byte[] bytes = change.apply(new String(bytes(fixture), java.nio.charset.StandardCharsets.UTF_8))
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		SubmissionParser.Result read = new SubmissionParser(ReportFormats.standard(), factory)
			.parse(new SourceFile(fixture, bytes.length, "sha", bytes));
		Assessment assessment = new SubmissionAssessor(ReportFormats.standard(), factory).assess(read.submission(),
				read.findings(), new AssessmentContext(2020, "2019", REGISTRY, 邙岭镇, null), added);
		return new Outcome(read, assessment);
	}

	@Test
	void anExplanationWrittenBesideTheFileCountsExactlyAsItsNoteLine() {
		// warnings-unexplained.csv with the explanation warning-explained.csv has as its NOTE line
		Outcome outcome = assessWith("warnings-unexplained.csv", t -> t,
				List.of(Map.entry("T2-TOWN-REG", "县里转发的规章计入了对外公开总数量，已核实。")));

		// the findings and counts of anExplainedWarningCarriesTheTextAndIsNoLongerOpen, and no NOTE-UNUSED
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactlyInAnyOrder(
					new Seen("T2-TOWN-REG", Severity.WARNING, "T2.i1.reg.total_pub", "0", "2", "2",
							"县里转发的规章计入了对外公开总数量，已核实。"),
					new Seen("T4-EXCEEDS-T3", Severity.WARNING, "T4.rev.tot", "8", "9", "1", null));
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().warningCount()).isEqualTo(2);
		assertThat(outcome.assessment().openWarningCount()).isEqualTo(1);
	}

	@Test
	void anExplanationWrittenBesideTheFileExplainsAWarningOfReadingTooAndJoinsTheFilesOwnNote() {
		// row-label-explained.csv without its NOTE line: ROW-LABEL warns while reading, explained beside it
		Outcome outcome = assessWith("row-label-explained.csv",
				t -> t.lines().filter(l -> !l.startsWith("NOTE,")).collect(java.util.stream.Collectors.joining("\n")),
				List.of(Map.entry("ROW-LABEL", "行名称已核对。")));
		assertThat(outcome.read().findings()).extracting(Seen::of)
			.containsExactly(new Seen("ROW-LABEL", Severity.WARNING, "T3.r1", null, null, null, null));
		assertThat(outcome.assessment().warningCount()).isEqualTo(1);
		assertThat(outcome.assessment().openWarningCount()).isZero();

		// a file's own note and one written beside it for the same rule are joined, the file's first
		Outcome both = assessWith("warning-explained.csv", t -> t, List.of(Map.entry("T2-TOWN-REG", "另附说明。")));
		assertThat(both.assessment().findings()).extracting(Seen::of)
			.contains(new Seen("T2-TOWN-REG", Severity.WARNING, "T2.i1.reg.total_pub", "0", "2", "2",
					"县里转发的规章计入了对外公开总数量，已核实。；另附说明。"));
	}

	/**
	 * The township explained T2-TOWN-REG in the portal; then the city switched the rule off (or made it an
	 * error) for the year, and the nightly assesses the same version again with the portal's explanation:
	 * it explains nothing now, and is reported as a NOTE line would be, at the file (it has no line).
	 */
	@Test
	void anExplanationWrittenInThePortalThatNoLongerExplainsAWarningIsReportedAsUnused() {
		List<Map.Entry<String, String>> added = List.of(Map.entry("T2-TOWN-REG", "县里转发的规章计入了对外公开总数量，已核实。"));

		Outcome off = assessWith("warnings-unexplained.csv", t -> t, added,
				RuleOverrides.of(new RuleOverrides.Override("T2-TOWN-REG", false, null, "市里停用")));
		assertThat(off.assessment().findings()).extracting(Seen::of)
			.containsExactlyInAnyOrder(new Seen("T4-EXCEEDS-T3", Severity.WARNING, "T4.rev.tot", "8", "9", "1", null),
					new Seen("NOTE-UNUSED", Severity.WARNING, null, null, null, null, null));
		Finding unused = off.assessment().findings().stream().filter(f -> f.ruleId().equals("NOTE-UNUSED")).findFirst().orElseThrow();
		assertThat(unused.where()).isEqualTo(Where.file("warnings-unexplained.csv"));
		assertThat(unused.messageZh()).isEqualTo(
				"网上填写的审核说明针对规则 T2-TOWN-REG，但本报表没有该规则的警告。网上填写的说明不能删除：请在网上说明这条警告，或报送新的文件。");
		assertThat(unused.messageEn()).isEqualTo("An explanation written in the portal explains rule T2-TOWN-REG, "
				+ "but this report has no warning of that rule. It cannot be removed: explain this warning in the portal, or send a new file.");
		assertThat(off.assessment().warningCount()).isEqualTo(2);
		assertThat(off.assessment().openWarningCount()).isEqualTo(2);

		Outcome error = assessWith("warnings-unexplained.csv", t -> t, added,
				RuleOverrides.of(new RuleOverrides.Override("T2-TOWN-REG", null, Severity.ERROR, Map.of(), "市里改为错误")));
		assertThat(error.assessment().findings()).extracting(Finding::ruleId, Finding::severity, Finding::messageZh)
			.contains(tuple("NOTE-UNUSED", Severity.WARNING,
					"网上填写的审核说明针对规则 T2-TOWN-REG，但它是“错误”，审核说明不能代替改正。网上填写的说明不能删除：请在网上说明这条警告，或报送新的文件。"));
		assertThat(error.assessment().verdict()).isEqualTo(Verdict.REJECTED);
	}

	/**
	 * NOTE-UNUSED is a warning like any other: explained (in the portal, or by a NOTE line), it is no longer
	 * open, and that explanation is itself in use.
	 */
	@Test
	void theWarningThatAnExplanationIsUnusedCanItselfBeExplained() {
		Outcome outcome = assessWith("warnings-unexplained.csv", t -> t,
				List.of(Map.entry("T2-TOWN-REG", "县里转发的规章计入了对外公开总数量，已核实。"),
						Map.entry("NOTE-UNUSED", "市里已停用该规则，原说明不再需要。")),
				RuleOverrides.of(new RuleOverrides.Override("T2-TOWN-REG", false, null, "市里停用")));

		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactlyInAnyOrder(new Seen("T4-EXCEEDS-T3", Severity.WARNING, "T4.rev.tot", "8", "9", "1", null),
					new Seen("NOTE-UNUSED", Severity.WARNING, null, null, null, null, "市里已停用该规则，原说明不再需要。"));
		assertThat(outcome.assessment().openWarningCount()).isEqualTo(1);

		// with nothing unused (the rule switched on again), an explanation of NOTE-UNUSED is itself unused, and
		// says so; its own text explains that warning, so a township is never left with one it cannot end
		Outcome nothing = assessWith("warnings-unexplained.csv", t -> t, List.of(Map.entry("NOTE-UNUSED", "以防万一。")));
		assertThat(nothing.assessment().findings()).extracting(Finding::ruleId, Finding::messageZh, Finding::explanation)
			.contains(tuple("NOTE-UNUSED", "网上填写的审核说明针对规则 NOTE-UNUSED，但本报表没有该规则的警告。网上填写的说明不能删除：请在网上说明这条警告，或报送新的文件。",
					"以防万一。"));
		assertThat(nothing.assessment().openWarningCount()).isEqualTo(2);
	}

	@Test
	void aNoteWithoutTextLeavesTheWarningOpenAndSaysSo() {
		// given the feedback page's ready-to-copy line sent back without a reason: "NOTE,T2-TOWN-REG,"

		// when
		Outcome outcome = assess("note-without-text.csv");

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactlyInAnyOrder(
					new Seen("T2-TOWN-REG", Severity.WARNING, "T2.i1.reg.total_pub", "0", "2", "2", null),
					new Seen("T4-EXCEEDS-T3", Severity.WARNING, "T4.rev.tot", "8", "9", "1", null),
					new Seen("NOTE-UNUSED", Severity.WARNING, null, null, null, null, null));
		Finding unused = outcome.assessment().findings().stream().filter(f -> f.ruleId().equals("NOTE-UNUSED")).findFirst().orElseThrow();
		assertThat(unused.where()).isEqualTo(Where.file("note-without-text.csv").atLine(74));
		assertThat(unused.messageZh())
			.isEqualTo("第 74 行的审核说明针对规则 T2-TOWN-REG，但没有写说明的内容，这条警告仍算未说明。请删除或改正这一行。");
		assertThat(unused.messageEn())
			.isEqualTo("Line 74 explains rule T2-TOWN-REG, but gives no reason, so the warning stays unexplained. Remove or correct the line.");
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().warningCount()).isEqualTo(3);
		assertThat(outcome.assessment().openWarningCount()).isEqualTo(3);
	}

	@Test
	void aNoteForAnErrorDoesNotExcuseItAndIsReportedAsUnused() {
		// when
		Outcome outcome = assess("note-for-error.csv");

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactlyInAnyOrder(new Seen("T4-SUM", Severity.ERROR, "T4.rev.tot", "2", "3", "1", null),
					new Seen("NOTE-UNUSED", Severity.WARNING, null, null, null, null, null));
		Finding unused = outcome.assessment().findings().stream().filter(f -> f.ruleId().equals("NOTE-UNUSED")).findFirst().orElseThrow();
		assertThat(unused.where()).isEqualTo(Where.file("note-for-error.csv").atLine(74));
		assertThat(unused.messageZh()).isEqualTo("第 74 行的审核说明针对规则 T4-SUM，但它是“错误”，审核说明不能代替改正。请删除或改正这一行。");
		assertThat(unused.messageEn())
			.isEqualTo("Line 74 explains rule T4-SUM, but it is an error, which an explanation cannot excuse. Remove or correct the line.");
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.REJECTED);
		assertThat(outcome.assessment().errorCount()).isEqualTo(1);
		assertThat(outcome.assessment().warningCount()).isEqualTo(1);
		assertThat(outcome.assessment().openWarningCount()).isEqualTo(1);
	}

	@Test
	void notesForARuleThatDidNotWarnAndForAnUnknownRuleAreEachReportedAsUnused() {
		// when
		Outcome outcome = assess("note-for-silent-and-unknown-rules.csv");

		// then
		assertThat(outcome.assessment().findings()).extracting(Finding::ruleId, Finding::severity, f -> f.where().line(),
				Finding::messageZh)
			.containsExactly(
					tuple("NOTE-UNUSED", Severity.WARNING, 74,
							"第 74 行的审核说明针对规则 T2-PUB-LE-TOTAL，但本报表没有该规则的警告。请删除或改正这一行。"),
					tuple("NOTE-UNUSED", Severity.WARNING, 75,
							"第 75 行的审核说明针对规则 X-FOO，但没有这个规则编号。请删除或改正这一行。"));
		assertThat(outcome.assessment().findings().get(1).messageEn())
			.isEqualTo("Line 75 explains rule X-FOO, but there is no such rule. Remove or correct the line.");
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().openWarningCount()).isEqualTo(2);
	}

	@Test
	void twoNotesForOneRuleAreJoined() {
		// when
		Outcome outcome = assess("two-notes-one-rule.csv");

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactly(new Seen("T4-EXCEEDS-T3", Severity.WARNING, "T4.rev.tot", "8", "9", "1",
					"两件复议针对2019年度作出的答复。；另有一件为同一申请人重复申请复议。"));
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().warningCount()).isEqualTo(1);
		assertThat(outcome.assessment().openWarningCount()).isZero();
	}

	@Test
	void aReadingWarningExplainedInTheSameFileIsExplained() {
		// when
		Outcome outcome = assess("row-label-explained.csv");

		// then
		assertThat(outcome.read().findings()).extracting(Seen::of)
			.containsExactly(new Seen("ROW-LABEL", Severity.WARNING, "T3.r1", null, null, null, "本镇沿用旧表，行名称已核对。"));
		assertThat(outcome.read().findings().get(0).where().line()).isEqualTo(34);
		assertThat(outcome.assessment().findings()).isEmpty();
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().warningCount()).isEqualTo(1);
		assertThat(outcome.assessment().openWarningCount()).isZero();
	}

	// ---- the year's format

	@Test
	void aFileInAnotherFormatThanTheYearsIsRejectedOnThatAloneWithoutRunningTheFormatsRules() {
		// when: 2020 consolidated in the 2021 format; the file (2019 format) also breaks T4-SUM and reports 规章
		Outcome outcome = assess("format-2019-for-a-2021-year.csv", RuleOverrides.none(), "2021",
				Subject.Prior.missing(2019, "2019"));

		// then
		assertThat(outcome.read().findings()).isEmpty();
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactly(new Seen("FORMAT-YEAR", Severity.ERROR, null, null, null, null, null));
		Finding formatYear = outcome.assessment().findings().get(0);
		assertThat(formatYear.where()).isEqualTo(Where.file("format-2019-for-a-2021-year.csv").atLine(10));
		assertThat(formatYear.messageZh()).isEqualTo(
				"本文件是 2019 格式，2020 年度汇总统一使用 2021 格式。两种格式的表二统计口径不同，不能相加。请用 2021 格式的模板重新填报。");
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.REJECTED);
		assertThat(outcome.assessment().errorCount()).isEqualTo(1);
		assertThat(outcome.assessment().warningCount()).isZero();
	}

	@Test
	void theSameFileInItsYearsFormatIsCheckedByTheFormatsRules() {
		// when
		Outcome outcome = assess("format-2019-for-a-2021-year.csv", RuleOverrides.none(), "2019", null);

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactlyInAnyOrder(new Seen("T4-SUM", Severity.ERROR, "T4.rev.tot", "2", "3", "1", null),
					new Seen("T2-TOWN-REG", Severity.WARNING, "T2.i1.reg.total_pub", "0", "2", "2", null));
	}

	// ---- the year's severity overrides

	@Test
	void withoutOverridesABrokenTable4TotalRejectsTheFile() {
		// when
		Outcome outcome = assess("t4-sum-broken.csv");

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactly(new Seen("T4-SUM", Severity.ERROR, "T4.rev.tot", "2", "3", "1", null));
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.REJECTED);
	}

	@Test
	void aWarningRuleRaisedToErrorRejectsTheFile() {
		// given
		RuleOverrides overrides = RuleOverrides.of(new RuleOverrides.Override("T2-TOWN-REG", true, Severity.ERROR, "本市从严"));

		// when
		Outcome outcome = assess("town-reg-reported.csv", overrides);

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactly(new Seen("T2-TOWN-REG", Severity.ERROR, "T2.i1.reg.total_pub", "0", "2", "2", null));
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.REJECTED);
		assertThat(outcome.assessment().errorCount()).isEqualTo(1);
		assertThat(outcome.assessment().warningCount()).isZero();
	}

	@Test
	void anErrorRuleLoweredToWarningLetsTheFileBeAcceptedWithAnOpenWarning() {
		// given
		RuleOverrides overrides = RuleOverrides.of(new RuleOverrides.Override("T4-SUM", true, Severity.WARNING, "试行一年"));

		// when
		Outcome outcome = assess("t4-sum-broken.csv", overrides);

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactly(new Seen("T4-SUM", Severity.WARNING, "T4.rev.tot", "2", "3", "1", null));
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().errorCount()).isZero();
		assertThat(outcome.assessment().warningCount()).isEqualTo(1);
		assertThat(outcome.assessment().openWarningCount()).isEqualTo(1);
	}

	@Test
	void aNoteExplainsAnErrorRuleLoweredToWarning() {
		// given
		RuleOverrides overrides = RuleOverrides.of(new RuleOverrides.Override("T4-SUM", true, Severity.WARNING, "试行一年"));

		// when
		Outcome outcome = assess("note-for-error.csv", overrides);

		// then
		assertThat(outcome.assessment().findings()).extracting(Seen::of)
			.containsExactly(new Seen("T4-SUM", Severity.WARNING, "T4.rev.tot", "2", "3", "1", "行政复议总计含一件已撤回的申请。"));
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().openWarningCount()).isZero();
	}

	@Test
	void aRuleSwitchedOffProducesNothing() {
		// given
		RuleOverrides overrides = RuleOverrides.of(new RuleOverrides.Override("T4-SUM", false, null, "本年不核对"));

		// when
		Outcome outcome = assess("t4-sum-broken.csv", overrides);

		// then
		assertThat(outcome.assessment().findings()).isEmpty();
		assertThat(outcome.assessment().verdict()).isEqualTo(Verdict.ACCEPTED);
		assertThat(outcome.assessment().errorCount()).isZero();
		assertThat(outcome.assessment().warningCount()).isZero();
		assertThat(outcome.assessment().openWarningCount()).isZero();
	}

	@Test
	void aFailureOfTheProductsOwnCodeOnAFileIsThatFilesFindingAndTheVerdictIsRejected() {
		// given: a clean file, assessed in a context the rules cannot work in (no registry: a bug of ours)
		FindingFactory factory = new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none());
		byte[] bytes = bytes("clean.csv");
		SubmissionParser.Result read = new SubmissionParser(ReportFormats.standard(), factory)
			.parse(new SourceFile("clean.csv", bytes.length, "sha", bytes));
		SubmissionAssessor assessor = new SubmissionAssessor(ReportFormats.standard(), factory);

		// when
		Assessment assessment = assessor.assessFile(new SubmissionAssessor.FileRef("410381114000_邙岭镇_2020.csv", 4321,
				"ab12"), read.submission(), read.findings(), new AssessmentContext(2020, "2019", null, 邙岭镇, null));

		// then
		assertThat(assessment.verdict()).isEqualTo(Verdict.REJECTED);
		assertThat(assessment.findings()).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("FILE-INTERNAL");
			assertThat(f.severity()).isEqualTo(Severity.ERROR);
			assertThat(f.where().fileName()).isEqualTo("410381114000_邙岭镇_2020.csv");
			assertThat(f.messageZh()).contains("4321").contains("ab12");
		});
	}

	@Test
	void aFileOfNoUnitIsNotAReportOrHasNoUnitThatCanBeTold() {
		SubmissionAssessor assessor = new SubmissionAssessor(ReportFormats.standard(),
				new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()));
		assertThat(assessor.withoutUnit("410381114000_邙岭镇_2020_盖章.pdf").ruleId()).isEqualTo("FILE-NOT-SUBMISSION");
		assertThat(assessor.withoutUnit("Thumbs.db").ruleId()).isEqualTo("FILE-NOT-SUBMISSION");
		assertThat(assessor.withoutUnit("年报.csv").ruleId()).isEqualTo("FILE-UNATTRIBUTED");
		assertThat(assessor.withoutUnit("年报.XLSX").ruleId()).isEqualTo("FILE-UNATTRIBUTED");
	}

}
