package township.rollup.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Nu Html Checker (vnu.jar from npm's vnu-jar, installed by .ci/vnu.sh) as a test harness: one run of
 * the checker over the given pages, which must give no error. Skipped where the checker is not installed,
 * unless {@code ROLLUP_TEST_REQUIRE_VNU=true} (CI), where that fails. {@code ROLLUP_VNU_JAR} names the jar
 * where it is elsewhere.
 */
public final class HtmlChecker {

	/** The version .ci/vnu.sh installs, and so where it puts it. */
	static final String VERSION = "26.9.27";

	private HtmlChecker() {
	}

	static Path jar() {
		String named = System.getenv("ROLLUP_VNU_JAR");
		if (named != null && !named.isBlank()) {
			return Path.of(named);
		}
		return Path.of(System.getProperty("user.home"), ".cache/township-rollup/vnu-" + VERSION,
				"node_modules/vnu-jar/build/dist/vnu.jar");
	}

	/** Checks {@code pages} with the checker: each error is listed in the failure. */
	public static void assertNoErrors(List<Path> pages) throws IOException, InterruptedException {
		Path jar = jar();
		if (!Files.isRegularFile(jar) && "true".equals(System.getenv("ROLLUP_TEST_REQUIRE_VNU"))) {
			throw new AssertionError("ROLLUP_TEST_REQUIRE_VNU=true but there is no " + jar + ": run .ci/vnu.sh");
		}
		Assumptions.assumeTrue(Files.isRegularFile(jar), "the Nu Html Checker is not installed (.ci/vnu.sh installs it)");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xss8m", "-jar", jar.toString(), "--errors-only", "--format", "gnu"));
		pages.forEach(p -> command.add(p.toString()));
		Path out = Files.createTempFile("vnu", ".txt");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
			if (!process.waitFor(300, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("the Nu Html Checker did not finish in 300 s");
			}
			String report = Files.readString(out, StandardCharsets.UTF_8);
			assertThat(report).as("errors the Nu Html Checker found in " + pages).isEmpty();
			assertThat(process.exitValue()).as("the Nu Html Checker's exit: " + report).isZero();
		}
		finally {
			Files.deleteIfExists(out);
		}
	}

	/** Every heading at most one level below the one before it (h2 then h4 skips a level). */
	public static void assertNoSkippedHeadingLevel(Path page) throws IOException {
		int previous = 0;
		for (Element heading : Jsoup.parse(page.toFile(), "UTF-8").select("h1, h2, h3, h4, h5, h6")) {
			int level = heading.tagName().charAt(1) - '0';
			assertThat(level).as(page.getFileName() + ": " + heading.outerHtml() + " after an h" + previous)
				.isLessThanOrEqualTo(previous + 1);
			previous = level;
		}
	}

}
