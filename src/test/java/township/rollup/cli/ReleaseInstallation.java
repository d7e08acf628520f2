package township.rollup.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import township.rollup.support.ExpectedCells;
import township.rollup.support.ReportGrid;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release archive as ops install it on an offline server, for the installation ITs
 * ({@link InstallationIT}, {@link InstallationPlainStartIT}, {@link InstallationReadOnlyIT}): unpacked
 * into an empty folder under a test's {@code root}, run with cron's bare environment (no LANG, PATH
 * without Maven, a HOME that is empty), then moved with a rename and copied with {@code cp -a}, every
 * command run again at each place. Once with the plain Java 17 start and, where a Java 25 runtime is
 * installed, once with the fast start (the AOT cache), which is where moved and copied trees used to
 * fail: "Unexpected exception when loading aot-linked classes" on a moved tree, "package org.hsqldb.lib
 * is sealed" on a copied one once its database existed.
 * <p>
 * Each place costs a training of the fast start (two JVMs and the cache's assembly, about 27 s of CPU)
 * and every command, so each claim is tested once: the fast start at every place (unpacked, moved,
 * copied); the plain start, which keeps nothing keyed to a path, unpacked and then moved with its
 * database (every place where no Java 25 is installed, as then the fast start's test is skipped); a
 * read-only installation. The three are three test classes, not one, so that failsafe's two forks can
 * run them side by side: together they were the suite's longest class, and a fork that drew it last ran
 * on alone for minutes.
 */
final class ReleaseInstallation {

	static final String CITY_CSV = "output/2020/410381000000_偃师市_2020.csv";

	/** The test's own folder: the installations, cron's PATH and HOME, the mark a build would leave. */
	final Path root;

	ReleaseInstallation(Path root) {
		this.root = root;
	}

	/**
	 * Unpacked, then renamed, then copied ({@code cp -a}, database, cache and all), every command at each
	 * place, the original run again beside its copy.
	 */
	void everyPlace(boolean fast) throws Exception {
		System.out.println("release installation: " + (fast ? "fast start (Java 25 AOT cache)" : "plain start (ROLLUP_FAST=0)"));
		Path unpacked = unpack(root.resolve("unpacked"));
		assertThat(unpacked.resolve("input")).as("the archive carries no inbox of its own").doesNotExist();
		assertThat(unpacked.resolve("sample/townships.csv")).exists();
		assertThat(unpacked.resolve("INSTALL.md")).exists();
		Map<String, String> cron = cronEnvironment(fast);

		// fresh database, then the same database again
		String firstKey = everyCommand(unpacked, cron, fast, true, true);

		// renamed
		Path moved = root.resolve("elsewhere/renamed");
		Files.createDirectories(moved.getParent());
		Files.move(unpacked, moved);
		String movedKey = everyCommand(moved, cron, fast, false, false);

		// copied, with its database, cache and all
		Path copied = root.resolve("copy");
		Process cp = new ProcessBuilder("cp", "-a", moved.toString(), copied.toString()).inheritIO().start();
		assertThat(cp.waitFor(60, TimeUnit.SECONDS) && cp.exitValue() == 0).isTrue();
		String copiedKey = everyCommand(copied, cron, fast, false, false);
		// and the original still works beside its copy
		assertThat(run(moved, cron, "nightly", "--year", "2020", "--input-dir", "sample", "--force").exit()).isZero();

		if (fast) {
			assertThat(List.of(firstKey, movedKey, copiedKey)).as("a cache per place").doesNotHaveDuplicates();
		}
		assertThat(root.resolve("mvn-was-called")).as("a release never builds").doesNotExist();
	}

	/**
	 * The commands at one place (with {@code allCommands} also history, check and --version); returns the
	 * fast start's cache key there (or null).
	 */
	String everyCommand(Path home, Map<String, String> env, boolean fast, boolean fresh, boolean allCommands)
			throws IOException {
		String where = home.toString();
		Result nightly = run(home, env, "nightly", "--year", "2020", "--input-dir", "sample");
		assertThat(nightly.exit()).as(where + ": " + nightly.all()).isZero();
		if (fresh) {
			assertThat(nightly.out()).contains("乡镇（街道）18 个：已采纳 16，未通过审核 1，未报送 1");
		}
		else {
			assertThat(nightly.out()).as("nothing changed since the last run at the old place").contains("没有任何变化");
		}
		// a run that opens the existing database and does the whole job again
		Result again = run(home, env, "nightly", "--year", "2020", "--input-dir", "sample", "--force");
		assertThat(again.exit()).as(where + ": " + again.all()).isZero();
		assertThat(again.out()).contains("乡镇（街道）18 个：已采纳 16，未通过审核 1，未报送 1");
		cityTotalsAreTheHandSum(home.resolve(CITY_CSV));

		Result status = run(home, env, "status", "--year", "2020", "--input-dir", "sample");
		assertThat(status.exit()).as(where + ": " + status.all()).isZero();
		assertThat(status.out()).contains("邙岭镇").contains("山化镇");
		if (allCommands) {
			// the other commands once: at a moved or copied place a start-up failure shows in the runs
			// above (the cache is the same for every command), and each JVM start costs the suite seconds
			Result history = run(home, env, "history", "--year", "2020", "--input-dir", "sample", "--township", "邙岭镇");
			assertThat(history.exit()).as(where + ": " + history.all()).isZero();
			assertThat(history.out()).contains("410381114000_邙岭镇_2020.csv");
			Result check = run(home, env, "check", "--input-dir", "sample", "sample/2020/410381114000_邙岭镇_2020.csv");
			assertThat(check.exit()).as(where + ": " + check.all()).isZero();
			Result version = run(home, env, "--version");
			assertThat(version.exit()).isZero();
			assertThat(version.out()).contains(Files.readString(home.resolve("VERSION")).strip());
		}

		String log = Files.readString(home.resolve("logs/runs.log"), StandardCharsets.UTF_8);
		assertThat(log).contains("command=status year=2020 exit=0");
		if (allCommands) {
			assertThat(log).contains("command=history year=2020 exit=0");
		}
		if (!fast) {
			assertThat(log).doesNotContain("start=aot");
			return null;
		}
		// every run at this place took the fast start, from a cache proven here
		assertThat(log.lines().filter(l -> l.contains("command=nightly")).toList()).isNotEmpty()
			.allSatisfy(l -> assertThat(l).contains("start=aot"));
		try (Stream<Path> caches = Files.list(home.resolve("cache"))) {
			List<Path> keys = caches.filter(Files::isDirectory).toList();
			assertThat(keys).as("one cache, for this place").hasSize(1);
			assertThat(keys.get(0).resolve("ok")).exists();
			return keys.get(0).getFileName().toString();
		}
	}

	static void cityTotalsAreTheHandSum(Path cityCsv) {
		Map<String, String> city = ReportGrid.read2019(cityCsv);
		Map<String, BigDecimal> expected = ExpectedCells
			.read(Path.of("src/test/resources/fixtures/sample-2020/expected-city-nonzero.csv"));
		city.forEach((code, value) -> {
			if (code.startsWith("T")) {
				assertThat(new BigDecimal(value)).as(code).isEqualByComparingTo(expected.getOrDefault(code, BigDecimal.ZERO));
			}
		});
	}

	Path unpack(Path into) throws Exception {
		Files.createDirectories(into);
		Path archive;
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			archive = files.filter(f -> f.getFileName().toString().matches("township-rollup-.+\\.tar\\.gz"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no release archive in target/: mvn package makes it"));
		}
		Process tar = new ProcessBuilder("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", into.toString())
			.inheritIO()
			.start();
		assertThat(tar.waitFor(120, TimeUnit.SECONDS) && tar.exitValue() == 0).isTrue();
		return into.resolve("township-rollup");
	}

	/**
	 * cron's minimum: PATH and HOME only, no LANG or LC_ALL. PATH starts with a folder whose {@code mvn}
	 * would leave a mark: a release must never try to build.
	 */
	Map<String, String> cronEnvironment(boolean fast) throws IOException {
		Path bin = Files.createDirectories(root.resolve("bin"));
		Path mvn = bin.resolve("mvn");
		Files.writeString(mvn, "#!/bin/sh\ntouch '" + root.resolve("mvn-was-called") + "'\nexit 1\n");
		Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
		Map<String, String> env = new HashMap<>();
		env.put("PATH", bin + ":/usr/bin:/bin");
		env.put("HOME", Files.createDirectories(root.resolve("empty-home")).toString());
		env.put("ROLLUP_FAST", fast ? "1" : "0");
		return env;
	}

	static boolean java25() {
		try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
			return jvms.anyMatch(j -> j.getFileName().toString().matches(".*-25(-.*|$)|temurin-25.*|java-25.*")
					&& Files.isExecutable(j.resolve("bin/java")));
		}
		catch (IOException ex) {
			return false;
		}
	}

	record Result(int exit, String out, String err) {

		String all() {
			return out + err;
		}

	}

	/** jobs/rollup of the installation, started in it as INSTALL.md says, with exactly this environment. */
	static Result run(Path home, Map<String, String> env, String... args) {
		return run(home, env, List.of(), args);
	}

	static Result run(Path home, Map<String, String> env, List<String> asUser, String... args) {
		try {
			List<String> command = new ArrayList<>(asUser);
			command.add(home.resolve("jobs/rollup").toString());
			command.addAll(List.of(args));
			ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
			builder.environment().clear();
			builder.environment().putAll(env);
			Path out = Files.createTempFile("rollup-out", ".txt");
			Path err = Files.createTempFile("rollup-err", ".txt");
			builder.redirectOutput(out.toFile()).redirectError(err.toFile());
			Process process = builder.start();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw new AssertionError("jobs/rollup " + String.join(" ", args) + " did not finish in 5 minutes");
			}
			Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
			Files.delete(out);
			Files.delete(err);
			return result;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
