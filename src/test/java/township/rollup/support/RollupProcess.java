package township.rollup.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code jobs/rollup} as ops and cron do: a real shell wrapper, a real JVM, real files. Each test
 * gives its own data, output and log folders through the environment.
 */
public final class RollupProcess {

	public static final Path WRAPPER = Path.of("jobs/rollup").toAbsolutePath();

	/**
	 * The JIT option of the JVMs the tests start here: C1 alone. A test's JVM lives a few seconds, too
	 * short for C2's optimised code to pay back the CPU its compiler threads take: C1 alone costs about two
	 * fifths less CPU per start (measured with the AOT start on city-a, user + sys, three runs each:
	 * {@code nightly --force} 6.6 s with C2, 4.0 s with C1; {@code status} 4.0 s and 2.4 s), and on two
	 * cores shared by two forks CPU is the suite's time. The JIT tier changes how
	 * fast the same bytecode runs, not what it does. Not added to an isolated environment (cron's, run
	 * exactly as given), nor where the test sets the heap (SmallHeapIT measures memory, and a long run).
	 * Public for a test that starts the jar's JVM itself, past the wrapper (CommandLineIT).
	 */
	public static final String TEST_JVM_OPTIONS = "-XX:TieredStopAtLevel=1";

	/** The test's own JAVA_OPTS after {@link #TEST_JVM_OPTIONS}, so that they add to it or override it. */
	static String javaOptions(String own) {
		if (own == null || own.isBlank()) {
			return TEST_JVM_OPTIONS;
		}
		return own.contains("-Xmx") ? own : TEST_JVM_OPTIONS + " " + own;
	}

	private RollupProcess() {
	}

	/** Exit code and what the process printed. */
	public record Result(int exit, String out, String err) {

		public String all() {
			return out + err;
		}

	}

	/**
	 * Folders of one test installation, inputs shared or copied, everything written under {@code root},
	 * and its own database (HSQLDB under {@code root/data}, or a fresh PostgreSQL database).
	 */
	public record Installation(Path root, Path inputDir, TestDatabase database) {

		public Installation(Path root, Path inputDir) {
			this(root, inputDir, TestDatabase.fresh(root.resolve("data")));
		}

		public Path dataDir() {
			return root.resolve("data");
		}

		public Path outputDir() {
			return root.resolve("output");
		}

		public Path logDir() {
			return root.resolve("logs");
		}

		public Map<String, String> environment() {
			Map<String, String> env = new java.util.HashMap<>(database.environment());
			env.put("ROLLUP_INPUT_DIR", inputDir.toAbsolutePath().toString());
			env.put("ROLLUP_DATA_DIR", dataDir().toAbsolutePath().toString());
			env.put("ROLLUP_OUTPUT_DIR", outputDir().toAbsolutePath().toString());
			env.put("ROLLUP_LOG_DIR", logDir().toAbsolutePath().toString());
			return env;
		}

	}

	public static Result run(Installation installation, String... args) {
		return run(installation.environment(), args);
	}

	public static Result run(Map<String, String> environment, String... args) {
		return run(environment, false, args);
	}

	private static Result run(Map<String, String> environment, boolean isolated, String... args) {
		try {
			Process process = start(environment, isolated, args);
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("jobs/rollup " + String.join(" ", args) + " did not finish in 5 minutes");
			}
			return new Result(process.exitValue(), read(process, true), read(process, false));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Runs the wrapper with exactly this environment and nothing inherited, as {@code env -i} would. */
	public static Result runIsolated(Map<String, String> environment, String... args) {
		return run(environment, true, args);
	}

	/** Starts the wrapper; stdout and stderr go to files next to the process's data, read back later. */
	public static Process start(Map<String, String> environment, String... args) throws IOException {
		return start(environment, false, args);
	}

	private static Process start(Map<String, String> environment, boolean isolated, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(WRAPPER.toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		if (isolated) {
			builder.environment().clear();
		}
		builder.environment().putAll(environment);
		if (!isolated) {
			builder.environment().put("JAVA_OPTS", javaOptions(builder.environment().get("JAVA_OPTS")));
		}
		Path outputs = Files.createTempDirectory("rollup-process");
		builder.redirectOutput(outputs.resolve("out").toFile());
		builder.redirectError(outputs.resolve("err").toFile());
		Process process = builder.start();
		OUTPUTS.put(process, outputs);
		return process;
	}

	/**
	 * SIGKILL to the JVM that the wrapper started (the wrapper waits for it and then logs its exit), as
	 * a power cut or the OOM killer would end a run; returns the wrapper's exit code (137).
	 */
	public static int killJvm(Process wrapper) throws InterruptedException {
		List<ProcessHandle> jvms = wrapper.descendants()
			.filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
			.toList();
		if (jvms.isEmpty()) {
			throw new IllegalStateException("no JVM below the wrapper " + wrapper.pid());
		}
		jvms.forEach(ProcessHandle::destroyForcibly);
		if (!wrapper.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the wrapper did not end after its JVM was killed");
		}
		return wrapper.exitValue();
	}

	/** Ends the wrapper and everything it started, for a test's clean-up. */
	public static void destroy(Process wrapper) throws InterruptedException {
		List<ProcessHandle> started = wrapper.descendants().toList();
		started.forEach(ProcessHandle::destroyForcibly);
		wrapper.destroyForcibly();
		wrapper.waitFor(30, TimeUnit.SECONDS);
		// and the JVM gone too, so that the next command finds the database free (a portal holds it)
		for (ProcessHandle process : started) {
			try {
				process.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
				throw new IllegalStateException(process.pid() + " did not end in 30 s", ex);
			}
		}
	}

	private static final Map<Process, Path> OUTPUTS = new java.util.concurrent.ConcurrentHashMap<>();

	public static String read(Process process, boolean stdout) {
		try {
			return Files.readString(OUTPUTS.get(process).resolve(stdout ? "out" : "err"), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
