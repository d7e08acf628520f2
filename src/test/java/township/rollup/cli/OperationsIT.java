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

import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations through the real wrapper and a real JVM each time: exit codes 1 and 3, the annual run that
 * finalizes a complete year, the refusal to change it, reopening, and a resubmission's history.
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
		assertThat(resumed.out()).contains("继续上次中断的运行").contains("已采纳 2，已退回 1，未报送 1");
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
			.contains("# 汇总状态：临时汇总（PROVISIONAL），年度尚不完整，不是定稿数据。已采纳 2，已退回 1，未报送 1。");
		assertThat(city.outputDir().resolve("2020/manifest.csv")).doesNotExist();

		RollupProcess.Result again = RollupProcess.run(city, "annual", "--year", "2020");
		assertThat(again.exit()).as("still incomplete, nothing changed").isEqualTo(3);
	}

	@Test
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
		assertThat(nightly.exit()).isEqualTo(2);
		assertThat(nightly.err()).contains("已于").contains("定稿").contains("reopen --year 2020");

		// a late file does not get in
		Files.copy(CITY_A.resolve("2020/410999103000_丙街道_2020.csv"),
				city.inputDir().resolve("2020/410999102000_乙镇_2020-修订.csv"));
		RollupProcess.Result late = RollupProcess.run(city, "annual", "--year", "2020");
		assertThat(late.exit()).isEqualTo(2);
		assertThat(late.err()).contains("收件目录或设置自定稿后已有变化");
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
		assertThat(status.out()).contains("410999103000").contains("已退回");
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
			.contains("v1  已退回  已被取代（")
			.contains("v2  已采纳  当前")
			.contains("[错误] T3-TOT 410999103000_丙街道_2020.csv 第 59 行");
	}

}
