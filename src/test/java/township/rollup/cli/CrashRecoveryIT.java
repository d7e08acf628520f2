package township.rollup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.FileSystemUtils;

import township.rollup.support.AlsoOnPostgresql;
import township.rollup.support.DatabaseSnapshot;
import township.rollup.support.RollupProcess;
import township.rollup.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a real JVM at chosen points of a nightly run over the sample city (17 files, 18 townships,
 * 4 per chunk), then the same command again. The database and the output files must end up exactly as
 * after an uninterrupted run: nothing doubled, nothing missing. The points: inside a receive chunk's
 * transaction, between receive chunks, inside and between assess chunks, inside the roll-up's
 * transaction, and while the files are being published. On PostgreSQL (the tests marked
 * {@link AlsoOnPostgresql}) every kind of point is killed once: inside a receive and an assess chunk,
 * between chunks of each, inside the roll-up, while publishing; and a crash whose input changed.
 */
class CrashRecoveryIT {

	static final Path SAMPLE = Path.of("input");

	static Map<String, List<String>> referenceDatabase;

	static Map<String, String> referenceOutputs;

	@TempDir
	Path root;

	@BeforeAll
	static void uninterruptedRun(@TempDir Path reference) throws IOException {
		RollupProcess.Installation installation = installation(reference);
		RollupProcess.Result run = RollupProcess.run(environment(installation), "nightly", "--year", "2020");
		assertThat(run.exit()).as(run.all()).isZero();
		referenceDatabase = installation.database().query(DatabaseSnapshot::of);
		referenceOutputs = outputs(installation);
	}

	static RollupProcess.Installation installation(Path root) throws IOException {
		Path input = root.resolve("input");
		FileSystemUtils.copyRecursively(SAMPLE, input);
		return new RollupProcess.Installation(root, input);
	}

	static Map<String, String> environment(RollupProcess.Installation installation) {
		Map<String, String> env = new HashMap<>(installation.environment());
		env.put("ROLLUP_CHUNK_SIZE", "4");
		return env;
	}

	/**
	 * Inside a chunk's transaction, on HSQLDB only: on PostgreSQL
	 * {@link #killedTwiceInARowAndStillTheSameResult} kills a run inside a receive chunk and then inside
	 * an assess chunk.
	 */
	@ParameterizedTest(name = "kill -9 at {0} (occurrence {1})")
	@CsvSource({ "receive.write, 6", "assess.write, 9" })
	void aRunKilledInsideAChunkIsResumedToTheSameResult(String point, int occurrence) throws Exception {
		aRunKilledAtAnyPointIsResumedToTheSameResult(point, occurrence);
	}

	// on PostgreSQL too: between chunks of each step, inside the roll-up's transaction (while publishing:
	// aRunKilledBeforeItsNewPagesAreNamedShowsNoneAndTheResumedRunAll)
	@ParameterizedTest(name = "kill -9 at {0} (occurrence {1})")
	@CsvSource({ "receive.chunk, 2", "assess.chunk, 3", "rollup.write, 1" })
	@AlsoOnPostgresql
	void aRunKilledAtAnyPointIsResumedToTheSameResult(String point, int occurrence) throws Exception {
		// given
		RollupProcess.Installation installation = installation(root);

		// when
		killAt(installation, point, occurrence);
		RollupProcess.Result resumed = RollupProcess.run(environment(installation), "nightly", "--year", "2020");

		// then
		assertThat(resumed.exit()).as(resumed.all()).isZero();
		assertThat(resumed.out()).contains("发现被中断的运行").contains("继续上次中断的运行");
		assertThat(installation.database().query(DatabaseSnapshot::of)).isEqualTo(referenceDatabase);
		assertThat(outputs(installation)).isEqualTo(referenceOutputs);
	}

	/**
	 * Killed while publishing, late: the CSV reports, status and findings written, and the year's first
	 * feedback pages all written into a folder of their own that is named only when they are all durable.
	 * None of them is published, and the resumed run publishes them all (the point after every other file
	 * but report.html and the workbook: a kill earlier in the step leaves less to redo).
	 */
	@Test
	@AlsoOnPostgresql
	void aRunKilledBeforeItsNewPagesAreNamedShowsNoneAndTheResumedRunAll() throws Exception {
		// given
		RollupProcess.Installation installation = installation(root);

		// when
		killAt(installation, "publish.pages", 1);

		// then no page is published, every page was written in the staging folder
		Path year = installation.outputDir().resolve("2020");
		assertThat(year.resolve("feedback")).doesNotExist();
		try (var staged = Files.list(year.resolve(".feedback.staging"))) {
			assertThat(staged.count()).isEqualTo(referenceOutputs.keySet().stream().filter(n -> n.startsWith("feedback/")).count());
		}
		RollupProcess.Result resumed = RollupProcess.run(environment(installation), "nightly", "--year", "2020");
		assertThat(resumed.exit()).as(resumed.all()).isZero();
		assertThat(installation.database().query(DatabaseSnapshot::of)).isEqualTo(referenceDatabase);
		assertThat(outputs(installation)).isEqualTo(referenceOutputs);
	}

	// on PostgreSQL too, once: the kills inside a receive and an assess chunk there
	@RepeatedTest(3)
	@AlsoOnPostgresql
	void killedTwiceInARowAndStillTheSameResult(RepetitionInfo repetition) throws Exception {
		Assumptions.assumeTrue(!TestDatabase.postgres() || repetition.getCurrentRepetition() == 1,
				"repeated on HSQLDB; on PostgreSQL once");
		// given
		RollupProcess.Installation installation = installation(root);

		// when: killed inside a receive chunk, then the resumed run is killed inside an assess chunk
		killAt(installation, "receive.write", 3);
		killAt(installation, "assess.write", 5);
		RollupProcess.Result resumed = RollupProcess.run(environment(installation), "nightly", "--year", "2020");

		// then
		assertThat(resumed.exit()).as(resumed.all()).isZero();
		assertThat(installation.database().query(DatabaseSnapshot::of)).isEqualTo(referenceDatabase);
		assertThat(outputs(installation)).isEqualTo(referenceOutputs);
	}

	// on PostgreSQL too: abandoning the interrupted execution goes through Spring Batch's metadata there,
	// which no functional test does
	@Test
	@AlsoOnPostgresql
	void inputChangedAfterACrashIsReprocessedAndSaidSo(@TempDir Path referenceRoot) throws Exception {
		// given: killed while receiving; then 岳滩镇 sends its corrected file before the next run
		RollupProcess.Installation installation = installation(root);
		killAt(installation, "receive.write", 6);
		correctYuetan(installation.inputDir());

		// when
		RollupProcess.Result next = RollupProcess.run(environment(installation), "nightly", "--year", "2020");

		// then: the interrupted run is abandoned, not mixed with the new content
		assertThat(next.exit()).as(next.all()).isZero();
		assertThat(next.out()).contains("之后输入文件已变化，不再继续").contains("已采纳 17，未通过审核 0，未报送 1");
		RollupProcess.Installation reference = installation(referenceRoot);
		correctYuetan(reference.inputDir());
		assertThat(RollupProcess.run(environment(reference), "nightly", "--year", "2020").exit()).isZero();
		// the same versions, findings, board and totals; the only difference a reference run cannot have is
		// the first content of 岳滩镇's file, if the interrupted run had committed it: kept, as every file
		// received is, but never a version
		var actual = new java.util.LinkedHashMap<>(installation.database().query(DatabaseSnapshot::of));
		var expected = new java.util.LinkedHashMap<>(reference.database().query(DatabaseSnapshot::of));
		java.util.List<String> received = new java.util.ArrayList<>(actual.remove("received_file"));
		java.util.List<String> receivedByReference = expected.remove("received_file");
		assertThat(received).containsAll(receivedByReference);
		received.removeAll(receivedByReference);
		assertThat(received).allSatisfy(row -> assertThat(row).startsWith("2020:410381102000_岳滩镇_2020.csv:"));
		assertThat(actual).isEqualTo(expected);
		assertThat(outputs(installation)).isEqualTo(outputs(reference));
	}

	/** 岳滩镇 fixes its Table 3: (七)总计 and 四 now add up to 一 + 二. */
	static void correctYuetan(Path input) throws IOException {
		Path file = input.resolve("2020/410381102000_岳滩镇_2020.csv");
		String text = Files.readString(file, StandardCharsets.UTF_8);
		String fixed = text.replace("T3.r4,四、结转下年度继续办理,0,0,0,0,0,0,0", "T3.r4,四、结转下年度继续办理,1,0,0,0,0,0,1");
		assertThat(fixed).isNotEqualTo(text);
		Files.writeString(file, fixed, StandardCharsets.UTF_8);
	}

	/** Starts a nightly that stops at the point, and kills its JVM there with SIGKILL. */
	static void killAt(RollupProcess.Installation installation, String point, int occurrence) throws Exception {
		Map<String, String> env = environment(installation);
		env.put("JAVA_OPTS", "-Drollup.fault.pause-at=" + point + " -Drollup.fault.occurrence=" + occurrence);
		Process process = RollupProcess.start(env, "nightly", "--year", "2020");
		CommandLineIT.waitForOutput(process, "FAULT-POINT " + point);
		// the JVM itself is killed; jobs/rollup waits for it, logs its exit and passes the code on
		assertThat(RollupProcess.killJvm(process)).isEqualTo(137);
		assertThat(Files.readString(installation.logDir().resolve("runs.log")))
			.contains("command=nightly year=2020 exit=137 status=KILLED");
	}

	/**
	 * The CSV files by content; the pages and the workbook by name only, as they show when the files were
	 * received and rolled up, which differs between two installations.
	 */
	static Map<String, String> outputs(RollupProcess.Installation installation) throws IOException {
		Map<String, String> files = new TreeMap<>();
		Path dir = installation.outputDir().resolve("2020");
		try (var list = Files.walk(dir)) {
			for (Path file : list.filter(Files::isRegularFile).toList()) {
				String name = dir.relativize(file).toString();
				files.put(name, name.endsWith(".csv") ? Files.readString(file, StandardCharsets.UTF_8) : "present");
			}
		}
		return files;
	}

}
