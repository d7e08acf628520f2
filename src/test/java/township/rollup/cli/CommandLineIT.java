package township.rollup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line through the real wrapper: help, usage errors, templates and the run lock. */
class CommandLineIT {

	@TempDir
	Path root;

	RollupProcess.Installation sample() {
		return new RollupProcess.Installation(root, Path.of("input"));
	}

	@Test
	void helpListsEveryCommandAndEachCommandExplainsItself() {
		RollupProcess.Result top = RollupProcess.run(sample(), "--help");
		assertThat(top.exit()).isZero();
		assertThat(top.out()).contains("nightly", "ingest", "rollup", "status", "template", "退出码");
		for (String command : List.of("nightly", "ingest", "rollup", "status", "template")) {
			RollupProcess.Result help = RollupProcess.run(sample(), command, "--help");
			assertThat(help.exit()).as(command).isZero();
			assertThat(help.out()).as(command).contains("用法： rollup " + command).contains("--year");
		}
	}

	@Test
	void usageErrorsExitTwoWithAMessageAndNoStackTrace() {
		RollupProcess.Result none = RollupProcess.run(sample());
		assertThat(none.exit()).isEqualTo(2);

		RollupProcess.Result noYear = RollupProcess.run(sample(), "nightly");
		assertThat(noYear.exit()).isEqualTo(2);
		assertThat(noYear.err()).contains("--year");

		RollupProcess.Result badYear = RollupProcess.run(sample(), "nightly", "--year", "1999");
		assertThat(badYear.exit()).isEqualTo(2);
		assertThat(badYear.err()).contains("--year 1999");

		RollupProcess.Result noInbox = RollupProcess.run(sample(), "nightly", "--year", "2019");
		assertThat(noInbox.exit()).isEqualTo(2);
		assertThat(noInbox.err()).contains("收件目录不存在").contains("2019");

		RollupProcess.Result unknownTownship = RollupProcess.run(sample(), "template", "--year", "2020", "--township",
				"不存在镇");
		assertThat(unknownTownship.exit()).isEqualTo(2);
		assertThat(unknownTownship.err()).contains("不存在镇");

		for (RollupProcess.Result r : List.of(none, noYear, badYear, noInbox, unknownTownship)) {
			assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ");
		}
	}

	@Test
	void templateWritesTheBlankSubmissionOfATownship() throws IOException {
		// when
		RollupProcess.Result result = RollupProcess.run(sample(), "template", "--year", "2020", "--township",
				"410381114000", "--out", root.resolve("templates").toString());

		// then
		assertThat(result.exit()).as(result.all()).isZero();
		Path file = root.resolve("templates/410381114000_邙岭镇_2020.csv");
		assertThat(result.out()).contains(file.toString());
		byte[] bytes = Files.readAllBytes(file);
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).contains("META.unit_name,单位名称,邙岭镇\r\n")
			.contains("META.unit_code,区划代码,410381114000\r\n")
			.contains("META.year,报告年度,2020\r\n")
			.contains("META.format,报表格式,2019\r\n")
			.contains("T3.r1,一、本年新收政府信息公开申请数量,,,,,,,\r\n")
			.contains("T4,政府信息公开行政复议、行政诉讼情况,,,,,,,,,,,,,,,\r\n")
			.contains("T2.i9.proc,政府集中采购,,\r\n");
	}

	@Test
	void theTemplateFollowsTheYearsFormatAndABrokenRegistryIsAConfigurationError() throws IOException {
		// given: the city consolidates 2021 in the 2019 tables
		Path input = root.resolve("input");
		Files.createDirectories(input.resolve("settings"));
		Files.copy(Path.of("input/townships.csv"), input.resolve("townships.csv"));
		Files.writeString(input.resolve("settings/2021.csv"), "key,value,reason\nformat,2019,仍用试行格式\n",
				StandardCharsets.UTF_8);
		RollupProcess.Installation city = new RollupProcess.Installation(root, input);

		// when
		RollupProcess.Result template = RollupProcess.run(city, "template", "--year", "2021", "--township", "邙岭镇",
				"--out", root.resolve("t").toString());

		// then
		assertThat(template.exit()).as(template.all()).isZero();
		assertThat(Files.readString(root.resolve("t/410381114000_邙岭镇_2021.csv"), StandardCharsets.UTF_8))
			.contains("META.format,报表格式,2019\r\n")
			.contains("T2.i9.proc,政府集中采购,,\r\n");

		// and: every command that reads a broken registry says so and exits 2
		Files.writeString(input.resolve("townships.csv"), "code,name\n410381000000,偃师市\n", StandardCharsets.UTF_8);
		for (String[] args : List.of(new String[] { "history", "--year", "2020", "--township", "邙岭镇" },
				new String[] { "template", "--year", "2020", "--all" })) {
			RollupProcess.Result broken = RollupProcess.run(city, args);
			assertThat(broken.exit()).as(String.join(" ", args) + ": " + broken.all()).isEqualTo(2);
			assertThat(broken.err()).contains("登记表错误 / registry error");
		}
	}

	@Test
	void aSecondRunIsTurnedAwayAtOnceWithSeventyFive() throws Exception {
		// given: something holds the wrapper's lock, as a running nightly would
		Path lock = root.resolve("data/rollup.lock");
		Files.createDirectories(lock.getParent());
		Process holder = new ProcessBuilder("flock", lock.toString(), "sleep", "60").start();
		try {
			Thread.sleep(300);

			// when
			long started = System.nanoTime();
			RollupProcess.Result second = RollupProcess.run(sample(), "nightly", "--year", "2020");
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

			// then
			assertThat(second.exit()).isEqualTo(75);
			assertThat(millis).isLessThan(1000);
			assertThat(second.err()).contains("另一个汇总任务正在运行").contains("retry later");
			assertThat(second.all()).doesNotContain("Exception");
			assertThat(Files.readString(sample().logDir().resolve("runs.log"))).contains("exit=75");
		}
		finally {
			holder.destroy();
		}
	}

	@Test
	void twoSimultaneousNightlyRunsGiveOneRunAndOneSeventyFive() throws Exception {
		// when
		Process first = RollupProcess.start(sample().environment(), "nightly", "--year", "2020");
		Process second = RollupProcess.start(sample().environment(), "nightly", "--year", "2020");
		first.waitFor(2, TimeUnit.MINUTES);
		second.waitFor(2, TimeUnit.MINUTES);

		// then
		assertThat(List.of(first.exitValue(), second.exitValue())).containsExactlyInAnyOrder(0, 75);
	}

	@Test
	void theJvmLocksToo_whenStartedWithoutTheWrapper() throws Exception {
		// given: the checkout's fast start prepared (the first run after a build trains it, 25-45 s here,
		// which the 60 s wait for the fault point below must not include), then a run started through the
		// wrapper, paused inside its first transaction
		assertThat(RollupProcess.run(sample(), "--version").exit()).isZero();
		var environment = new java.util.HashMap<>(sample().environment());
		environment.put("JAVA_OPTS", "-Drollup.fault.pause-at=receive.write");
		Process running = RollupProcess.start(environment, "nightly", "--year", "2020");
		try {
			waitForOutput(running, "FAULT-POINT receive.write");

			// when: a second JVM is started directly, past the wrapper's flock (C1 only, as the wrapper's JVMs
			// in these tests: about 2.4 s of CPU to its exit 75 instead of 4.2-5.1 s with C2)
			ProcessBuilder direct = new ProcessBuilder("java", RollupProcess.TEST_JVM_OPTIONS, "-jar",
					"target/township-rollup.jar", "nightly", "--year", "2020");
			direct.environment().putAll(sample().environment());
			direct.redirectErrorStream(true);
			Process second = direct.start();
			assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
			String printed = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

			// then
			assertThat(second.exitValue()).as(printed).isEqualTo(75);
			assertThat(printed).contains("另一个汇总任务正在运行").doesNotContain("Exception");
		}
		finally {
			RollupProcess.destroy(running);
		}
	}

	@Test
	void theWrappersLockFollowsTheDataFolderAndTheLockFileOptions() throws Exception {
		// given: the environment names one data folder, whose lock a running nightly holds
		Path held = root.resolve("data/rollup.lock");
		Files.createDirectories(held.getParent());
		Process holder = new ProcessBuilder("flock", held.toString(), "sleep", "120").start();
		try {
			Thread.sleep(300);

			// when: a test run on another data folder, named by the option only
			Path other = root.resolve("other");
			RollupProcess.Result elsewhere = RollupProcess.run(sample(), "nightly", "--year", "2020", "--data-dir",
					other.resolve("data").toString(), "--output-dir", other.resolve("output").toString());
			// and a run whose lock file is named by the option, and held
			RollupProcess.Result namedLock = RollupProcess.run(sample(), "nightly", "--year", "2020", "--data-dir",
					other.resolve("data").toString(), "--lock-file=" + held);

			// then: another database is not blocked; the named lock is, and the message names that file
			assertThat(elsewhere.exit()).as(elsewhere.all()).isZero();
			assertThat(other.resolve("output/2020/410381000000_偃师市_2020.csv")).exists();
			assertThat(namedLock.exit()).as(namedLock.all()).isEqualTo(75);
			assertThat(namedLock.err()).contains(held.toString());
		}
		finally {
			holder.destroy();
		}
	}

	@Test
	void twoDataFoldersRunAtOnceAndOneDataFolderNamedByOptionOnlyOnce() throws Exception {
		// when: two runs on two databases at once
		Process a = RollupProcess.start(sample().environment(), "nightly", "--year", "2020", "--data-dir",
				root.resolve("a/data").toString(), "--output-dir", root.resolve("a/output").toString());
		Process b = RollupProcess.start(sample().environment(), "nightly", "--year", "2020", "--data-dir",
				root.resolve("b/data").toString(), "--output-dir", root.resolve("b/output").toString());
		assertThat(a.waitFor(3, TimeUnit.MINUTES) && b.waitFor(3, TimeUnit.MINUTES)).isTrue();

		// and two on one database named by the option, while their environments name two others
		java.util.Map<String, String> envC = new java.util.HashMap<>(sample().environment());
		envC.put("ROLLUP_DATA_DIR", root.resolve("c-env/data").toString());
		java.util.Map<String, String> envD = new java.util.HashMap<>(sample().environment());
		envD.put("ROLLUP_DATA_DIR", root.resolve("d-env/data").toString());
		String shared = root.resolve("shared/data").toString();
		Process c = RollupProcess.start(envC, "nightly", "--year", "2020", "--data-dir", shared);
		Process d = RollupProcess.start(envD, "nightly", "--year", "2020", "--data-dir", shared);
		assertThat(c.waitFor(3, TimeUnit.MINUTES) && d.waitFor(3, TimeUnit.MINUTES)).isTrue();

		// then
		assertThat(List.of(a.exitValue(), b.exitValue())).as(RollupProcess.read(a, false) + RollupProcess.read(b, false))
			.containsExactly(0, 0);
		assertThat(List.of(c.exitValue(), d.exitValue())).containsExactlyInAnyOrder(0, 75);
		Process refused = c.exitValue() == 75 ? c : d;
		assertThat(RollupProcess.read(refused, false)).contains(shared + "/rollup.lock");
	}

	@Test
	void everyExitOfACommandThatUsesTheDatabaseIsOneLineOfRunsLog() throws Exception {
		// given
		RollupProcess.Installation sample = sample();
		java.util.Map<String, String> badJvm = new java.util.HashMap<>(sample.environment());
		badJvm.put("JAVA_OPTS", "-XX:+NoSuchOptionAnywhere");

		// when: 0, 2 (no inbox for 2019), 3 (annual: 山化镇 sent nothing), 75, and a JVM that cannot start
		int completed = RollupProcess.run(sample, "nightly", "--year", "2020").exit();
		int usage = RollupProcess.run(sample, "nightly", "--year", "2019").exit();
		int incomplete = RollupProcess.run(sample, "annual", "--year", "2020").exit();
		int status = RollupProcess.run(sample, "status", "--year", "2020").exit();
		int noJvm = RollupProcess.run(badJvm, "history", "--year", "2020", "--township", "邙岭镇").exit();
		int locked;
		Process holder = new ProcessBuilder("flock", sample.dataDir().resolve("rollup.lock").toString(), "sleep", "60")
			.start();
		try {
			Thread.sleep(300);
			locked = RollupProcess.run(sample, "reopen", "--year", "2020", "--reason", "测试").exit();
		}
		finally {
			holder.destroy();
		}

		// then
		assertThat(List.of(completed, usage, incomplete, status, noJvm, locked)).containsExactly(0, 2, 3, 0, 1, 75);
		List<String> lines = Files.readAllLines(sample.logDir().resolve("runs.log"), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(6);
		assertThat(lines.get(0)).contains("command=nightly year=2020 exit=0 status=COMPLETED execution=");
		assertThat(lines.get(1)).contains("command=nightly year=2019 exit=2 status=USAGE");
		assertThat(lines.get(2)).contains("command=annual year=2020 exit=3 status=COMPLETED execution=");
		assertThat(lines.get(3)).contains("command=status year=2020 exit=0 status=OK");
		assertThat(lines.get(4)).contains("command=history year=2020 exit=1 status=JVM-START-FAILED");
		assertThat(lines.get(5)).contains("command=reopen year=2020 exit=75 status=LOCKED");
		assertThat(lines).allSatisfy(l -> assertThat(l).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d .*")
			.contains(" release="));
	}

	static void waitForOutput(Process process, String marker) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < deadline) {
			if (RollupProcess.read(process, true).contains(marker)) {
				return;
			}
			if (!process.isAlive()) {
				throw new AssertionError("process ended before " + marker + ": " + RollupProcess.read(process, true)
						+ RollupProcess.read(process, false));
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no " + marker + " within 60 s");
	}

}
