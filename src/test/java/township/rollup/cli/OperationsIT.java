package township.rollup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import township.rollup.support.AlsoOnPostgresql;
import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations through the real wrapper and a real JVM each time: exit codes 1 and 3, the annual run that
 * finalizes a complete year, the refusal to change it, reopening, and a resubmission's history.
 * <p>
 * On PostgreSQL only the tests marked {@link AlsoOnPostgresql} run again (each says why). The others'
 * SQL runs on PostgreSQL in the functional tests: the annual job and a final year's report page
 * (ReadableReportsFunctionalTests.aFinalYearListsEveryInputWithItsHash), a resubmission's versions
 * (ConsolidationJobFunctionalTests.aCorrectedFileBecomesTheNextVersionAndTheOldOneIsKept), the board in
 * pages (PagedQueriesFunctionalTests); a final year's quiet answer and reopen by
 * annualFinalizesACompleteYearWhichThenRefusesChangesUntilReopened here.
 */
class OperationsIT {

	static final Path CITY_A = Path.of("src/test/resources/fixtures/jobs/city-a");

	@TempDir
	Path root;

	/** 测试市 with only 甲镇 and 乙镇 registered: both accepted and without warnings in 2020, a complete year. */
	RollupProcess.Installation completeCity() throws IOException {
		Path input = root.resolve("input");
		Files.createDirectories(input.resolve("2020"));
		Files.writeString(input.resolve("townships.csv"), "code,name,kind,parent,code_source\n"
				+ "410999000000,测试市,县级市,,fixture\n410999101000,甲镇,镇,410999000000,fixture\n"
				+ "410999102000,乙镇,镇,410999000000,fixture\n", StandardCharsets.UTF_8);
		for (String file : new String[] { "410999101000_甲镇_2020.csv", "410999102000_乙镇_2020.csv" }) {
			Files.copy(CITY_A.resolve("2020").resolve(file), input.resolve("2020").resolve(file));
		}
		return new RollupProcess.Installation(root, input);
	}

	RollupProcess.Installation cityA() throws IOException {
		Path input = root.resolve("input");
		FileSystemUtils.copyRecursively(CITY_A, input);
		return new RollupProcess.Installation(root, input);
	}

	@Test
	// on PostgreSQL too: a failed run resumed by a second JVM, through Spring Batch's metadata on
	// PostgreSQL (the functional tests resume within one process)
	@AlsoOnPostgresql
	void aFailedRunExitsOneAndTheSameCommandResumesIt() throws IOException {
		// given
		RollupProcess.Installation city = cityA();
		Map<String, String> failing = new HashMap<>(city.environment());
		failing.put("JAVA_OPTS", "-Drollup.fault.fail-at=rollup.write");

		// when
		RollupProcess.Result failed = RollupProcess.run(failing, "nightly", "--year", "2020");
		RollupProcess.Result resumed = RollupProcess.run(city, "nightly", "--year", "2020");

		// then
		assertThat(failed.exit()).as(failed.all()).isEqualTo(1);
		assertThat(failed.out()).contains("失败（FAILED）").contains("injected fault at rollup.write")
			.contains("重新运行同一命令即可从中断处继续");
		assertThat(failed.all()).doesNotContain("\tat ");
		assertThat(resumed.exit()).as(resumed.all()).isZero();
		assertThat(resumed.out()).contains("继续上次中断的运行").contains("已采纳 2，未通过审核 1，未报送 1");
		assertThat(city.outputDir().resolve("2020/410999000000_测试市_2020.csv")).exists();
		assertThat(Files.readString(city.logDir().resolve("runs.log"))).contains("exit=1 status=FAILED")
			.contains("exit=0 status=COMPLETED");
	}

	@Test
	void annualOnAnIncompleteYearWritesAProvisionalReportAndExitsThree() throws IOException {
		// given: 丙街道 is rejected and 丁乡 sent nothing
		RollupProcess.Installation city = cityA();

		// when
		RollupProcess.Result annual = RollupProcess.run(city, "annual", "--year", "2020");

		// then
		assertThat(annual.exit()).as(annual.all()).isEqualTo(3);
		assertThat(annual.out()).contains("年度不完整：2 个单位未采纳").contains("PROVISIONAL");
		assertThat(Files.readString(city.outputDir().resolve("2020/410999000000_测试市_2020.csv")))
			.contains("# 汇总状态：临时汇总（PROVISIONAL），年度尚不完整，不是定稿数据。已采纳 2，未通过审核 1，未报送 1。");
		assertThat(city.outputDir().resolve("2020/manifest.csv")).doesNotExist();

		RollupProcess.Result again = RollupProcess.run(city, "annual", "--year", "2020");
		assertThat(again.exit()).as("still incomplete, nothing changed").isEqualTo(3);
	}

	@Test
	// on PostgreSQL too: every path of YearStateStore (finalize, the manifest read back, the final
	// inputs compared, reopen, the event log in history); no functional test finalizes and then reopens
	@AlsoOnPostgresql
	void annualFinalizesACompleteYearWhichThenRefusesChangesUntilReopened() throws IOException {
		// given
		RollupProcess.Installation city = completeCity();

		// when
		RollupProcess.Result annual = RollupProcess.run(city, "annual", "--year", "2020");

		// then: final, frozen with the hashes of its inputs and outputs
		assertThat(annual.exit()).as(annual.all()).isZero();
		assertThat(annual.out()).contains("已定稿（FINAL）");
		Path out = city.outputDir().resolve("2020");
		assertThat(Files.readString(out.resolve("410999000000_测试市_2020.csv"))).contains("# 汇总状态：定稿（FINAL）");
		String manifest = Files.readString(out.resolve("manifest.csv"));
		assertThat(manifest).contains("INPUT,410999101000_甲镇_2020.csv,410999101000,")
			.contains("INPUT,410999102000_乙镇_2020.csv,410999102000,")
			.contains("OUTPUT,410999000000_测试市_2020.csv,,")
			.contains("OUTPUT,status.csv,,");

		// a finalized year: annual again is a no-op (and writes a lost manifest.csv again from the
		// database, as after a crash between the commit and the file), every other run is refused
		Files.delete(out.resolve("manifest.csv"));
		assertThat(RollupProcess.run(city, "annual", "--year", "2020").exit()).isZero();
		assertThat(Files.readString(out.resolve("manifest.csv"))).isEqualTo(manifest);
		RollupProcess.Result nightly = RollupProcess.run(city, "nightly", "--year", "2020");
		assertThat(nightly.exit()).as(nightly.all()).isZero();
		assertThat(nightly.out()).isEqualTo("2020 年度已定稿，收件目录没有新文件，未做改动。\n");

		// a late file does not get in, and someone is asked to decide (exit 4, the file named)
		Files.copy(CITY_A.resolve("2020/410999103000_丙街道_2020.csv"),
				city.inputDir().resolve("2020/410999102000_乙镇_2020-修订.csv"));
		RollupProcess.Result late = RollupProcess.run(city, "annual", "--year", "2020");
		assertThat(late.exit()).as(late.all()).isEqualTo(4);
		assertThat(late.err()).contains("报送文件有变化：新增 410999102000_乙镇_2020-修订.csv。")
			.contains("reopen --year 2020");
		String frozen = Files.readString(out.resolve("410999000000_测试市_2020.csv"));

		// reopening is recorded, and the next run takes the change (two files for 乙镇 now: a conflict)
		RollupProcess.Result reopen = RollupProcess.run(city, "reopen", "--year", "2020", "--reason", "乙镇补报更正",
				"--by", "市政务公开办");
		assertThat(reopen.exit()).as(reopen.all()).isZero();
		RollupProcess.Result rerun = RollupProcess.run(city, "annual", "--year", "2020");
		assertThat(rerun.exit()).as(rerun.all()).isEqualTo(3);
		assertThat(Files.readString(out.resolve("410999000000_测试市_2020.csv"))).isNotEqualTo(frozen)
			.contains("PROVISIONAL");
		RollupProcess.Result history = RollupProcess.run(city, "history", "--year", "2020", "--township", "乙镇");
		assertThat(history.out()).contains("FINALIZE").contains("REOPEN  市政务公开办  乙镇补报更正");
	}

	@Test
	// PostgreSQL's advisory lock between two installations (skipped on HSQLDB)
	@AlsoOnPostgresql
	void twoInstallationsOnOnePostgresqlDatabaseNeverRunAtOnce() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(township.rollup.support.TestDatabase.postgres(),
				"the advisory lock is PostgreSQL's; an embedded database lives in the data folder its lock file guards");
		// given: a second installation (its own data folder, so its own lock file) on the same database
		RollupProcess.Installation first = cityA();
		RollupProcess.Installation second = new RollupProcess.Installation(root.resolve("second"), first.inputDir(),
				first.database());
		Map<String, String> paused = new HashMap<>(first.environment());
		paused.put("JAVA_OPTS", "-Drollup.fault.pause-at=receive.write");
		Process running = RollupProcess.start(paused, "nightly", "--year", "2020");
		try {
			CommandLineIT.waitForOutput(running, "FAULT-POINT receive.write");

			// when
			RollupProcess.Result other = RollupProcess.run(second, "nightly", "--year", "2020");

			// then
			assertThat(other.exit()).as(other.all()).isEqualTo(75);
			assertThat(other.err()).contains("PostgreSQL");
		}
		finally {
			RollupProcess.destroy(running);
		}
		// and once the first is gone (killed: the server ends its session and its lock), the second runs
		assertThat(RollupProcess.run(second, "nightly", "--year", "2020").exit()).isZero();
	}

	@Test
	void aFinalYearIsAnsweredByItsSubmissionFilesAloneWhatEverElseChanged() throws IOException {
		// given: a finalized year
		RollupProcess.Installation city = completeCity();
		assertThat(RollupProcess.run(city, "annual", "--year", "2020").exit()).isZero();
		Path inbox = city.inputDir().resolve("2020");
		String quiet = "2020 年度已定稿，收件目录没有新文件，未做改动。\n";

		// when the office changes the registry and the year's settings, but no file: every run is quiet
		Path registry = city.inputDir().resolve("townships.csv");
		Files.writeString(registry, Files.readString(registry).replace("410999000000,测试市,县级市,,fixture",
				"410999000000,测试市,县级市,,fixture (checked)"), StandardCharsets.UTF_8);
		Files.createDirectories(city.inputDir().resolve("settings"));
		Files.writeString(city.inputDir().resolve("settings/2020.csv"),
				"key,value,reason\nrule.X-JUMP.minBase,7,本市办件量小\n", StandardCharsets.UTF_8);
		for (String[] args : new String[][] { { "nightly", "--year", "2020" }, { "nightly", "--year", "2020", "--force" },
				{ "ingest", "--year", "2020" }, { "rollup", "--year", "2020" } }) {
			RollupProcess.Result run = RollupProcess.run(city, args);
			assertThat(run.exit()).as(String.join(" ", args) + ": " + run.all()).isZero();
			assertThat(run.out()).as(String.join(" ", args)).isEqualTo(quiet);
		}

		// a new file, a changed file, a removed file: each named, exit 4, until the inbox is as it was
		Path late = inbox.resolve("410999103000_丙街道_2020.csv");
		Files.copy(CITY_A.resolve("2020/410999103000_丙街道_2020.csv"), late);
		RollupProcess.Result added = RollupProcess.run(city, "nightly", "--year", "2020");
		Files.delete(late);
		Path jia = inbox.resolve("410999101000_甲镇_2020.csv");
		byte[] original = Files.readAllBytes(jia);
		// one more empty line at the end: another SHA-256 (the file is not UTF-8, so bytes are appended)
		Files.write(jia, new byte[] { '\r', '\n' }, java.nio.file.StandardOpenOption.APPEND);
		RollupProcess.Result changed = RollupProcess.run(city, "nightly", "--year", "2020");
		Files.write(jia, original);
		Path yi = inbox.resolve("410999102000_乙镇_2020.csv");
		Path aside = root.resolve("乙镇.csv");
		Files.move(yi, aside);
		RollupProcess.Result removed = RollupProcess.run(city, "nightly", "--year", "2020");
		RollupProcess.Result removedForced = RollupProcess.run(city, "nightly", "--year", "2020", "--force");
		Files.move(aside, yi);
		RollupProcess.Result restored = RollupProcess.run(city, "nightly", "--year", "2020");

		// then
		assertThat(added.exit()).as(added.all()).isEqualTo(4);
		assertThat(added.err()).contains("报送文件有变化：新增 410999103000_丙街道_2020.csv。")
			.contains("reopen --year 2020");
		assertThat(added.out()).isEmpty();
		assertThat(changed.exit()).as(changed.all()).isEqualTo(4);
		assertThat(changed.err()).contains("报送文件有变化：内容改变 410999101000_甲镇_2020.csv。");
		assertThat(removed.exit()).as(removed.all()).isEqualTo(4);
		assertThat(removed.err()).contains("报送文件有变化：已移走 410999102000_乙镇_2020.csv。");
		assertThat(removedForced.exit()).as("--force does not reopen: " + removedForced.all()).isEqualTo(4);
		assertThat(restored.exit()).as(restored.all()).isZero();
		assertThat(restored.out()).isEqualTo(quiet);
		String runs = Files.readString(city.logDir().resolve("runs.log"));
		assertThat(runs).contains("command=nightly year=2020 exit=0 status=FINAL-UNCHANGED")
			.contains("command=rollup year=2020 exit=0 status=FINAL-UNCHANGED")
			.contains("command=nightly year=2020 exit=4 status=FINAL-CHANGED");
		assertThat(Files.readString(city.outputDir().resolve("2020/410999000000_测试市_2020.csv")))
			.contains("# 汇总状态：定稿（FINAL）");
	}

	@Test
	void reopenRetractsTheFinalStateFromTheManifestThePageAndTheReportFiles() throws IOException {
		// given: a finalized year
		RollupProcess.Installation city = completeCity();
		assertThat(RollupProcess.run(city, "annual", "--year", "2020").exit()).isZero();
		Path out = city.outputDir().resolve("2020");
		assertThat(out.resolve("manifest.csv")).exists();
		assertThat(Files.readString(out.resolve("report.html"))).contains("class=\"banner final\"");

		// when
		RollupProcess.Result reopen = RollupProcess.run(city, "reopen", "--year", "2020", "--reason", "核对", "--by", "办公室");

		// then: no manifest, and the page and the report file no longer say FINAL, at once
		assertThat(reopen.exit()).as(reopen.all()).isZero();
		assertThat(reopen.out()).contains("已删除 manifest.csv").contains("日常汇总（NIGHTLY）");
		assertThat(out.resolve("manifest.csv")).doesNotExist();
		assertThat(Files.readString(out.resolve("report.html"))).contains("class=\"banner nightly\"")
			.doesNotContain("banner final");
		assertThat(Files.readString(out.resolve("410999000000_测试市_2020.csv"))).contains("日常汇总（NIGHTLY）")
			.doesNotContain("定稿（FINAL）");

		// and a leftover manifest (a reopen stopped between its commit and the file) goes with the next run,
		// which runs although the inputs are those of the finalizing run
		Files.writeString(out.resolve("manifest.csv"), "类别(kind),文件(file)\n");
		RollupProcess.Result nightly = RollupProcess.run(city, "nightly", "--year", "2020");
		assertThat(nightly.exit()).as(nightly.all()).isZero();
		assertThat(nightly.out()).contains("完成（COMPLETED）");
		assertThat(out.resolve("manifest.csv")).doesNotExist();
		assertThat(Files.readString(out.resolve("report.html"))).contains("class=\"banner nightly\"");
	}

	@Test
	void reportHtmlIsWrittenBeforeAnyUnitIsAcceptedWithTheBoard() throws IOException {
		// given: 丙街道's file is rejected, 丁乡 sent nothing; nothing is accepted
		Path input = root.resolve("input");
		Files.createDirectories(input.resolve("2020"));
		Files.writeString(input.resolve("townships.csv"), "code,name,kind,parent,code_source\n"
				+ "410999000000,测试市,县级市,,fixture\n410999103000,丙街道,街道,410999000000,fixture\n"
				+ "410999104000,丁乡,乡,410999000000,fixture\n", StandardCharsets.UTF_8);
		Files.copy(CITY_A.resolve("2020/410999103000_丙街道_2020.csv"),
				input.resolve("2020/410999103000_丙街道_2020.csv"));
		RollupProcess.Installation city = new RollupProcess.Installation(root, input);

		// when
		RollupProcess.Result rejected = RollupProcess.run(city, "nightly", "--year", "2020");
		Files.createDirectories(input.resolve("2021"));
		RollupProcess.Result emptyInbox = RollupProcess.run(city, "nightly", "--year", "2021");

		// then
		assertThat(rejected.exit()).as(rejected.all()).isZero();
		String page = Files.readString(city.outputDir().resolve("2020/report.html"));
		assertThat(page).contains("尚无采纳的单位，暂无汇总数字")
			.contains("已采纳 0 个单位，未通过审核 1 个，未报送 1 个。")
			.contains("data-unit=\"410999103000\"")
			.contains("data-unit=\"410999104000\"")
			.contains("410999103000_丙街道_2020.csv")
			.contains("class=\"banner nightly\"")
			.doesNotContain("id=\"charts\"");
		assertThat(emptyInbox.exit()).as(emptyInbox.all()).isZero();
		assertThat(Files.readString(city.outputDir().resolve("2021/report.html"))).contains("尚无采纳的单位")
			.contains("已采纳 0 个单位，未通过审核 0 个，未报送 2 个。")
			.contains("data-unit=\"410999103000\"")
			.contains("data-unit=\"410999104000\"");
	}

	@Test
	void timesAreShownInTheOfficesZoneAndTheReleaseIsRecorded() throws IOException {
		// given: a machine in UTC, an office in Shanghai
		RollupProcess.Installation city = completeCity();
		Map<String, String> env = new HashMap<>(city.environment());
		env.put("TZ", "UTC");
		env.put("ROLLUP_TIME_ZONE", "Asia/Shanghai");

		// when
		RollupProcess.Result nightly = RollupProcess.run(env, "nightly", "--year", "2020");
		RollupProcess.Result history = RollupProcess.run(env, "history", "--year", "2020", "--township", "甲镇");
		RollupProcess.Result version = RollupProcess.run(env, "--version");

		// then: each time is the stored one (UTC wall-clock, the JVM ran in UTC) plus 8 hours
		java.time.format.DateTimeFormatter shown = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
		java.time.LocalDateTime started = city.database()
			.query(jdbc -> jdbc.queryForObject("SELECT START_TIME FROM BATCH_JOB_EXECUTION", java.sql.Timestamp.class))
			.toLocalDateTime();
		java.time.LocalDateTime received = city.database()
			.query(jdbc -> jdbc.queryForObject("SELECT created_at FROM submission WHERE unit_code = '410999101000'",
					java.sql.Timestamp.class))
			.toLocalDateTime();
		java.time.LocalDateTime fileReceived = city.database()
			.query(jdbc -> jdbc.queryForObject(
					"SELECT received_at FROM received_file WHERE file_name = '410999101000_甲镇_2020.csv'",
					java.sql.Timestamp.class))
			.toLocalDateTime();
		String zone = "时间均为 Asia/Shanghai（UTC+08:00）";
		assertThat(nightly.exit()).as(nightly.all()).isZero();
		assertThat(nightly.out()).contains("开始于 " + shown.format(started.plusHours(8)) + "（" + zone + "）");
		assertThat(history.exit()).as(history.all()).isZero();
		assertThat(history.out()).contains("收到于 " + shown.format(received.plusHours(8))).contains(zone);
		String page = Files.readString(city.outputDir().resolve("2020/report.html"));
		assertThat(page).contains(zone).contains(shown.format(fileReceived.plusHours(8)));

		// the release: the build's version (the jar manifest's, from pom.xml), on --version, the run and runs.log
		java.util.regex.Matcher pom = java.util.regex.Pattern.compile("</parent>\\s*<groupId>[^<]*</groupId>\\s*"
				+ "<artifactId>[^<]*</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
		assertThat(pom.find()).isTrue();
		String release = pom.group(1);
		assertThat(version.out().strip()).isEqualTo("township-rollup " + release);
		assertThat(nightly.out()).contains("程序版本 " + release);
		String recorded = city.database()
			.query(jdbc -> jdbc.queryForObject("SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS "
					+ "WHERE PARAMETER_NAME = 'release' AND IDENTIFYING = 'N'", String.class));
		assertThat(recorded).isEqualTo(release);
		assertThat(Files.readString(city.logDir().resolve("runs.log"))).contains("status=COMPLETED")
			.contains("release=" + release);
	}

	@Test
	// on PostgreSQL too: prune's deletes of Spring Batch's metadata, which no functional test runs
	@AlsoOnPostgresql
	void pruneDeletesTheJobMetadataOfOlderYearsAndNothingElse() throws IOException {
		// given: runs for 2020 and 2021
		RollupProcess.Installation city = cityA();
		assertThat(RollupProcess.run(city, "nightly", "--year", "2020").exit()).isZero();
		assertThat(RollupProcess.run(city, "nightly", "--year", "2020", "--force").exit()).isZero();
		assertThat(RollupProcess.run(city, "nightly", "--year", "2021").exit()).isZero();

		// when
		RollupProcess.Result dryRun = RollupProcess.run(city, "prune", "--keep-years", "1", "--dry-run");
		int instancesBefore = count(city, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE");
		RollupProcess.Result prune = RollupProcess.run(city, "prune", "--keep-years", "1");

		// then: the two 2020 runs go, the 2021 run and every submission, finding and report stay
		assertThat(dryRun.exit()).as(dryRun.all()).isZero();
		assertThat(dryRun.out()).contains("将删除 2 个作业实例（2 次运行），保留 2021 年度及以后的运行记录");
		assertThat(instancesBefore).isEqualTo(3);
		assertThat(prune.exit()).as(prune.all()).isZero();
		assertThat(prune.out()).contains("已删除 2 个作业实例");
		assertThat(count(city, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
		assertThat(count(city, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
		assertThat(count(city, "SELECT COUNT(*) FROM submission WHERE report_year = 2020")).isEqualTo(3);
		assertThat(count(city, "SELECT COUNT(*) FROM consolidated_report")).isEqualTo(2);
		RollupProcess.Result status = RollupProcess.run(city, "status", "--year", "2020");
		assertThat(status.exit()).isZero();
		assertThat(status.out()).contains("410999103000").contains("未通过审核");
	}

	static int count(RollupProcess.Installation installation, String sql) {
		return installation.database().query(jdbc -> jdbc.queryForObject(sql, Integer.class));
	}

	@Test
	void aResubmissionShowsTwoVersionsInHistory() throws IOException {
		// given
		RollupProcess.Installation city = cityA();
		assertThat(RollupProcess.run(city, "nightly", "--year", "2020").exit()).isZero();
		Path file = city.inputDir().resolve("2020/410999103000_丙街道_2020.csv");
		String corrected = Files.readString(file, StandardCharsets.UTF_8)
			.replace("T3.r3_7,（七）总计,4,0,0,0,0,0,4", "T3.r3_7,（七）总计,5,0,0,0,0,0,5")
			.replace("T3.r4,四、结转下年度继续办理,1,0,0,0,0,0,1", "T3.r4,四、结转下年度继续办理,0,0,0,0,0,0,0");
		Files.writeString(file, corrected, StandardCharsets.UTF_8);

		// when
		assertThat(RollupProcess.run(city, "nightly", "--year", "2020").exit()).isZero();
		RollupProcess.Result history = RollupProcess.run(city, "history", "--year", "2020", "--township",
				"410999103000", "--findings");

		// then
		assertThat(history.exit()).as(history.all()).isZero();
		assertThat(history.out()).contains("共 2 个版本")
			.contains("v1  未通过审核  已被取代（")
			.contains("v2  已采纳  当前")
			.contains("[错误] T3-TOT 410999103000_丙街道_2020.csv 第 59 行");
	}

}
