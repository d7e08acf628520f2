package township.rollup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run says of itself for {@code logs/runs.log}. Under {@code jobs/rollup} the wrapper writes the
 * line after the JVM exits, so that every exit is logged, a JVM that failed to start included: the run
 * hands its status to the wrapper through the file named by {@code ROLLUP_RUN_RECORD}. Started without
 * the wrapper, the run writes its line itself; so does a run the portal starts.
 */
final class RunRecord {

	private static final Logger runs = LoggerFactory.getLogger("township.rollup.runs");

	private static final Logger log = LoggerFactory.getLogger(RunRecord.class);

	/**
	 * Whether this JVM serves the portal: the runs it starts (the board's button, the schedule, a nightly
	 * handed over by cron) are not the command the wrapper records for it ({@code serve}), so each writes a
	 * line of its own, marked {@code via=portal}, and the serve line keeps the portal's own exit.
	 */
	private static volatile boolean portal;

	private RunRecord() {
	}

	static void servingThePortal() {
		portal = true;
	}

	static void write(String command, int year, int exitCode, String detail) {
		if (portal) {
			runs.info("command={} year={} exit={} {} via=portal release={}", command, year, exitCode, detail,
					Release.version());
			return;
		}
		String file = System.getenv("ROLLUP_RUN_RECORD");
		if (file == null || file.isBlank()) {
			runs.info("command={} year={} exit={} {} release={}", command, year, exitCode, detail, Release.version());
			return;
		}
		try {
			Files.writeString(Path.of(file), detail + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			log.warn("cannot hand the run's status to jobs/rollup through {}: {}", file, ex.getMessage());
			runs.info("command={} year={} exit={} {} release={}", command, year, exitCode, detail, Release.version());
		}
	}

}
