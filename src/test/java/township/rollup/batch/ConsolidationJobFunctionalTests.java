package township.rollup.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import township.rollup.assessment.Assessment;
import township.rollup.assessment.AssessmentContext;
import township.rollup.assessment.SubmissionAssessor;
import township.rollup.assessment.Verdict;
import township.rollup.board.BoardLine;
import township.rollup.board.UnitStatus;
import township.rollup.cli.JobRunner;
import township.rollup.ingest.SubmissionParser;
import township.rollup.registry.Registry;
import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.rules.Severity;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.StatusStore;
import township.rollup.store.SubmissionStore;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;
import township.rollup.support.DatabaseSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The real jobs on a real HSQLDB file database, over the fixture city 测试市 (fixtures/jobs/city-a): 甲镇
 * (GBK) and 乙镇 (UTF-8 with BOM) are consistent, 丙街道 breaks T3-TOT in two columns, 丁乡 sends
 * nothing. Every expected total below was added up by hand from the fixture files.
 */
@SpringBatchTest
class ConsolidationJobFunctionalTests extends FunctionalTestSupport {

	static final Path FIXTURE = Path.of("src/test/resources/fixtures/jobs/city-a");

	static final Path HOME = FunctionalTestSupport.HOME;

	static final Path INPUT = HOME.resolve("input");

	static final String CITY = "410999000000";

	/** 甲镇 + 乙镇, by hand; every other cell of the 2019 format is 0. */
	static final Map<String, BigDecimal> EXPECTED = expected();

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	@Qualifier("nightlyJob")
	Job nightlyJob;

	@Autowired
	JobRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConsolidatedStore consolidated;

	@Autowired
	StatusStore status;

	@Autowired
	SubmissionStore submissions;

	@Autowired
	FindingStore findings;

	static Map<String, BigDecimal> expected() {
		Map<String, BigDecimal> m = new LinkedHashMap<>();
		put(m, "T2.i5.lic.prev_items", "7"); // 3 + 4
		put(m, "T2.i5.lic.delta", "-1"); // +1 + -2
		put(m, "T2.i5.lic.decisions", "12"); // 7 + 5
		put(m, "T2.i9.proc.count", "3"); // 1 + 2
		put(m, "T2.i9.proc.amount", "10.2505"); // 10.25 + 0.0005
		put(m, "T3.r1.np", "3");
		put(m, "T3.r1.com", "1");
		put(m, "T3.r1.tot", "4");
		put(m, "T3.r2.np", "1");
		put(m, "T3.r2.tot", "1");
		put(m, "T3.r3_1.np", "2");
		put(m, "T3.r3_1.tot", "2");
		put(m, "T3.r3_2.np", "1");
		put(m, "T3.r3_2.tot", "1");
		put(m, "T3.r3_3_1.com", "1");
		put(m, "T3.r3_3_1.tot", "1");
		put(m, "T3.r3_7.np", "3");
		put(m, "T3.r3_7.com", "1");
		put(m, "T3.r3_7.tot", "4");
		put(m, "T3.r4.np", "1");
		put(m, "T3.r4.tot", "1");
		put(m, "T4.rev.kept", "1");
		put(m, "T4.rev.tot", "1");
		put(m, "T4.lit_after.pending", "2");
		put(m, "T4.lit_after.tot", "2");
		put(m, "NARR.proactive_items", "150"); // 100 + 50
		put(m, "NARR.netizen_requests", "7"); // 乙镇 only
		return m;
	}

	static void put(Map<String, BigDecimal> m, String cell, String value) {
		m.put(cell, new BigDecimal(value));
	}

	@BeforeEach
	void freshCityAndDatabase() throws IOException {
		DatabaseSnapshot.clean(jdbc);
		FileSystemUtils.deleteRecursively(HOME.resolve("output"));
		FileSystemUtils.deleteRecursively(INPUT);
		FileSystemUtils.copyRecursively(FIXTURE, INPUT);
	}

	@Test
	void nightlyJobConsolidatesTheAcceptedTownshipsOfTheCity() throws Exception {
		// given
		jobs.setJob(nightlyJob);
		JobParameters parameters = new JobParametersBuilder().addLong(RunParameters.YEAR, 2020L)
			.addString(RunParameters.INPUT_DIGEST, "functional-test")
			.addLong(RunParameters.BASED_ON, 0L)
			.addString(RunParameters.INBOX, INPUT.resolve("2020").toAbsolutePath().toString(), false)
			.addString(RunParameters.OUTPUT_DIR, HOME.resolve("output").toAbsolutePath().toString(), false)
			.addString(RunParameters.REGISTRY, INPUT.resolve("townships.csv").toAbsolutePath().toString(), false)
			.addString(RunParameters.SETTINGS, INPUT.resolve("settings").toAbsolutePath().toString(), false)
			.toJobParameters();

		// when
		JobExecution execution = jobs.startJob(parameters);

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(status.board(2020)).extracting(BoardLine::unitName, BoardLine::status,
				BoardLine::errorCount)
			.containsExactly(tuple("甲镇", UnitStatus.ACCEPTED, 0), tuple("乙镇", UnitStatus.ACCEPTED, 0),
					tuple("丙街道", UnitStatus.REJECTED, 2), tuple("丁乡", UnitStatus.MISSING, 0));
		assertCityTotals(consolidated.cells(2020, CITY));
		assertThat(consolidated.report(2020, CITY)).get()
			.extracting(ConsolidatedStore.Report::acceptedCount, ConsolidatedStore.Report::rejectedCount,
					ConsolidatedStore.Report::missingCount, ConsolidatedStore.Report::formatId)
			.containsExactly(2, 1, 1, "2019");
		// 丙街道: T3-TOT in two columns; no accepted 2019 report, so the cross-year rules are not assessable
		List<Finding> rejected = findings.ofSubmission(status.board(2020).get(2).submissionId());
		assertThat(rejected).extracting(Finding::ruleId, Finding::severity, f -> f.where().cellCode(), Finding::expected,
				Finding::actual, Finding::delta)
			.containsExactly(
					tuple("T3-TOT", Severity.ERROR, "T3.r3_7.np", new BigDecimal("5"), new BigDecimal("4"),
							new BigDecimal("-1")),
					tuple("T3-TOT", Severity.ERROR, "T3.r3_7.tot", new BigDecimal("5"), new BigDecimal("4"),
							new BigDecimal("-1")),
					tuple("X-CARRY", Severity.INFO, null, null, null, null),
					tuple("X-ITEMS", Severity.INFO, null, null, null, null),
					tuple("X-JUMP", Severity.INFO, null, null, null, null));
		assertThat(rejected.get(0).messageZh())
			.isEqualTo("表三“（七）总计”行“自然人”列：应为 5（各办理结果之和），填报为 4，相差 1。");
		assertThat(rejected.get(0).where().line()).isEqualTo(59); // T3.r3_7 is on line 59 of the file
		assertThat(submissions.current(2020, "410999101000")).get()
			.extracting(SubmissionStore.Version::encoding)
			.isEqualTo("GB18030");
		assertThat(submissions.current(2020, "410999102000")).get()
			.extracting(SubmissionStore.Version::encoding)
			.isEqualTo("UTF-8 (BOM)");
		Path out = HOME.resolve("output/2020");
		assertThat(out.resolve("410999000000_测试市_2020.csv")).exists();
		assertThat(Files.readAllLines(out.resolve("status.csv"), StandardCharsets.UTF_8)).hasSize(5)
			.anySatisfy(l -> assertThat(l).startsWith("410999103000,丙街道,未通过审核,rejected,,1,410999103000_丙街道_2020.csv,"))
			.anySatisfy(l -> assertThat(l).isEqualTo("410999104000,丁乡,未报送,missing,,,,,,0,0,0,410999000000,乡,,,"));
		// a header, 丙街道's two errors, and three not-assessable infos for each of the three files
		assertThat(Files.readAllLines(out.resolve("findings.csv"), StandardCharsets.UTF_8)).hasSize(12);
	}

	@Test
	void rerunWithTheSameInputChangesNothing() {
		// given
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();
		Map<String, List<String>> before = DatabaseSnapshot.of(jdbc);
		int executions = executions();

		// when
		int exit = runner.run(JobNames.NIGHTLY, 2020, false);

		// then
		assertThat(exit).isZero();
		assertThat(executions()).isEqualTo(executions);
		assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
	}

	@Test
	void forcedRerunReadsNothingTwice() {
		// given
		runner.run(JobNames.NIGHTLY, 2020, false);
		Map<String, List<String>> before = DatabaseSnapshot.of(jdbc);

		// when
		int exit = runner.run(JobNames.NIGHTLY, 2020, true);

		// then: a second run happened, and it added no file, version, finding or total
		assertThat(exit).isZero();
		assertThat(executions()).isEqualTo(2);
		assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
	}

	@Test
	void aCorrectedFileBecomesTheNextVersionAndTheOldOneIsKept() throws IOException {
		// given
		runner.run(JobNames.NIGHTLY, 2020, false);
		Path file = INPUT.resolve("2020/410999103000_丙街道_2020.csv");
		String text = Files.readString(file, StandardCharsets.UTF_8);
		String fixed = text.replace("T3.r3_7,（七）总计,4,0,0,0,0,0,4", "T3.r3_7,（七）总计,5,0,0,0,0,0,5")
			.replace("T3.r4,四、结转下年度继续办理,1,0,0,0,0,0,1", "T3.r4,四、结转下年度继续办理,0,0,0,0,0,0,0");
		assertThat(fixed).isNotEqualTo(text);
		Files.writeString(file, fixed, StandardCharsets.UTF_8);

		// when
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();

		// then
		List<SubmissionStore.Version> history = submissions.history(2020, "410999103000");
		assertThat(history).extracting(SubmissionStore.Version::version, v -> v.status().name(),
				SubmissionStore.Version::isCurrent)
			.containsExactly(tuple(1, "REJECTED", false), tuple(2, "ACCEPTED", true));
		// the superseded version keeps its findings: its two errors, and the cross-year rules it could not
		// assess for want of an accepted 2019 report
		assertThat(findings.ofSubmission(history.get(0).id())).extracting(Finding::ruleId, Finding::severity)
			.containsExactly(tuple("T3-TOT", Severity.ERROR), tuple("T3-TOT", Severity.ERROR),
					tuple("X-CARRY", Severity.INFO), tuple("X-ITEMS", Severity.INFO), tuple("X-JUMP", Severity.INFO));
		Map<String, BigDecimal> cells = consolidated.cells(2020, CITY);
		assertThat(cells.get("T3.r1.np")).isEqualByComparingTo("8"); // 2 + 1 + 5
		assertThat(cells.get("T3.r3_1.np")).isEqualByComparingTo("7"); // 2 + 0 + 5
		assertThat(cells.get("T3.r3_7.tot")).isEqualByComparingTo("9"); // 3 + 1 + 5
		assertThat(cells.get("T3.r4.tot")).isEqualByComparingTo("1"); // 0 + 1 + 0
	}

	@Test
	void theCityReportIsItselfAValidSubmissionOfTheNextLevel() throws IOException {
		// given
		runner.run(JobNames.NIGHTLY, 2020, false);
		Path cityFile = HOME.resolve("output/2020/410999000000_测试市_2020.csv");
		byte[] bytes = Files.readAllBytes(cityFile);
		Path prefecture = Files.createTempFile("prefecture", ".csv");
		Files.writeString(prefecture, "code,name,kind,parent,code_source\n410900000000,某州,地级市,,fixture\n"
				+ "410999000000,测试市,县级市,410900000000,fixture\n", StandardCharsets.UTF_8);
		FindingFactory factory = new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none());

		// when
		SubmissionParser.Result read = new SubmissionParser(ReportFormats.standard(), factory)
			.parse(new SourceFile(cityFile.getFileName().toString(), bytes.length, "sha", bytes));
		Assessment assessment = new SubmissionAssessor(ReportFormats.standard(), factory).assess(read.submission(),
				read.findings(), new AssessmentContext(2020, Registry.load(prefecture)));

		// then
		assertThat(read.findings()).isEmpty();
		assertThat(assessment.findings()).isEmpty();
		assertThat(assessment.verdict()).isEqualTo(Verdict.ACCEPTED);
		ParsedSubmission city = read.submission().orElseThrow();
		assertThat(city.meta().unitCode()).isEqualTo(CITY);
		Map<String, BigDecimal> numbers = new LinkedHashMap<>(city.numbers());
		city.narrative().forEach((code, cell) -> numbers.put(code, cell.value()));
		assertCityTotals(numbers);
	}

	/** Every cell of the format: as listed in EXPECTED, else 0; narrative metrics exactly as listed. */
	private static void assertCityTotals(Map<String, BigDecimal> actual) {
		for (CellDef cell : ReportFormats.standard().get("2019").cells()) {
			BigDecimal expected = EXPECTED.getOrDefault(cell.code(), BigDecimal.ZERO);
			assertThat(actual.get(cell.code())).as(cell.code()).isEqualByComparingTo(expected);
		}
		Map<String, BigDecimal> narrative = new LinkedHashMap<>();
		actual.forEach((code, value) -> {
			if (code.startsWith("NARR.")) {
				narrative.put(code, value.stripTrailingZeros());
			}
		});
		Map<String, BigDecimal> expectedNarrative = new LinkedHashMap<>();
		EXPECTED.forEach((code, value) -> {
			if (code.startsWith("NARR.")) {
				expectedNarrative.put(code, value.stripTrailingZeros());
			}
		});
		assertThat(narrative).isEqualTo(expectedNarrative);
	}

	@Test
	void aDeadlineSetAfterARunIsPublishedAsLateWithoutAssessingAnyFileAgain() throws IOException {
		// given: a run (丁乡 has sent nothing), then the office sets a deadline that has passed, with a
		// comment and a reason
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();
		String versionsQuery = "SELECT id, context_fingerprint, assessed_at, job_execution_id FROM submission ORDER BY id";
		List<Map<String, Object>> versions = jdbc.queryForList(versionsQuery);
		assertThat(versions).hasSize(3);
		Path report = HOME.resolve("output/2020/report.html");
		assertThat(Files.readString(report, StandardCharsets.UTF_8)).doesNotContain("逾期未报送");
		Files.createDirectories(INPUT.resolve("settings"));
		Files.writeString(INPUT.resolve("settings/2020.csv"),
				"key,value,reason\n# 市政府办公室通知\ndeadline,2021-01-31 18:00,按通知要求\n", StandardCharsets.UTF_8);
		int executions = executions();

		// when
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();

		// then: a run published 丁乡 as late, and assessed no version again (the same rows, times and runs)
		assertThat(executions()).isEqualTo(executions + 1);
		assertThat(jdbc.queryForList(versionsQuery)).isEqualTo(versions);
		assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("逾期未报送");
		// and the run after it has nothing new
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();
		assertThat(executions()).isEqualTo(executions + 1);
	}

	private int executions() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class);
	}

}
