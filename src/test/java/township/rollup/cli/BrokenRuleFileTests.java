package township.rollup.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.support.RollupProcess;
import township.rollup.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule file that cannot be compiled stops every command with exit 2 and a message naming the file, the
 * line and the rule, before any job starts. The broken {@code rules/2021.json} is put on the class path ahead
 * of the release's, the way a resource is overridden; one JVM per command, without the packaged jar (once: the database plays no part).
 */
class BrokenRuleFileTests {

	@TempDir
	static Path root;

	static Path overlay;

	/** The line of T3-ROW's id in the release's rules/2021.json. */
	static int line;

	@BeforeAll
	static void breakTheFirstRuleOf2021() throws IOException {
		String original;
		try (InputStream in = BrokenRuleFileTests.class.getClassLoader()
			.getResourceAsStream("rules/2021.json")) {
			original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		// T3-ROW is the first rule of the file and the first of kind BALANCE
		assertThat(original.indexOf("\"id\": \"T3-ROW\"")).isLessThan(original.indexOf("\"kind\": \"BALANCE\""));
		List<String> lines = original.lines().toList();
		line = lines.indexOf("      \"id\": \"T3-ROW\",") + 1;
		assertThat(line).isPositive();
		overlay = Files.createDirectories(root.resolve("overlay/rules"));
		Files.writeString(overlay.resolve("2021.json"),
				original.replaceFirst("\"kind\": \"BALANCE\"", "\"kind\": \"BALANSE\""), StandardCharsets.UTF_8);
	}

	@Test
	void theRulesCommandIsExit2NamingTheFileLineAndRule() throws Exception {
		RollupProcess.Result result = run(root.resolve("rules-cmd"), "rules");

		assertThat(result.exit()).as(result.all()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("rules/2021.json line " + line + ": rule T3-ROW: unknown kind 'BALANSE'");
	}

	@Test
	void theNightlyIsExit2BeforeTheJobStarts() throws Exception {
		Path home = root.resolve("nightly");
		RollupProcess.Result result = run(home, "nightly", "--year", "2021");

		assertThat(result.exit()).as(result.all()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("rules/2021.json line " + line + ": rule T3-ROW: unknown kind 'BALANSE'");
		assertThat(home.resolve("output")).doesNotExist();
	}

	private static RollupProcess.Result run(Path home, String... args) throws Exception {
		Files.createDirectories(home);
		Path input = Files.createDirectories(home.resolve("input"));
		Files.copy(Path.of("input/townships.csv"), input.resolve("townships.csv"));
		Files.createDirectories(input.resolve("2021"));
		List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-cp", root.resolve("overlay") + java.io.File.pathSeparator + System.getProperty("java.class.path"),
				"township.rollup.TownshipRollupApplication"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(home.resolve("out.txt").toFile())
			.redirectError(home.resolve("err.txt").toFile());
		builder.environment().putAll(TestDatabase.fresh(home.resolve("data")).environment());
		builder.environment().put("ROLLUP_INPUT_DIR", input.toString());
		builder.environment().put("ROLLUP_DATA_DIR", home.resolve("data").toString());
		builder.environment().put("ROLLUP_OUTPUT_DIR", home.resolve("output").toString());
		builder.environment().put("ROLLUP_LOG_DIR", home.resolve("logs").toString());
		Process process = builder.start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", args) + " did not finish in 2 minutes");
		}
		return new RollupProcess.Result(process.exitValue(), Files.readString(home.resolve("out.txt")),
				Files.readString(home.resolve("err.txt")));
	}

}
