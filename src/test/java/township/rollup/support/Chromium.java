package township.rollup.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium as a test harness (installed by .ci/chromium.sh): loads a page from a file,
 * returns the DOM after the page ran, the console messages it logged, and a screenshot. Skipped where no
 * browser is installed, unless {@code ROLLUP_TEST_REQUIRE_CHROMIUM=true} (CI), where that fails.
 */
public final class Chromium {

	private Chromium() {
	}

	/** What the browser made of a page. */
	public record Load(String dom, List<String> console, String log, Path screenshot) {
	}

	public static String binary() {
		for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		return null;
	}

	/** Skips the test without a browser, or fails it where CI requires one. */
	public static String require() {
		String binary = binary();
		if (binary == null && "true".equals(System.getenv("ROLLUP_TEST_REQUIRE_CHROMIUM"))) {
			throw new AssertionError("ROLLUP_TEST_REQUIRE_CHROMIUM=true but no chromium is installed: run .ci/chromium.sh");
		}
		Assumptions.assumeTrue(binary != null, "no chromium installed (.ci/chromium.sh installs it)");
		return binary;
	}

	/**
	 * Debian's chromium-driver (the same version as the browser, from the same archive), for Selenium:
	 * skipped without it, or failing where CI requires a browser, as {@link #require()}.
	 */
	public static Path requireDriver() {
		require();
		Path driver = Path.of("/usr/bin/chromedriver");
		boolean installed = Files.isExecutable(driver);
		if (!installed && "true".equals(System.getenv("ROLLUP_TEST_REQUIRE_CHROMIUM"))) {
			throw new AssertionError("ROLLUP_TEST_REQUIRE_CHROMIUM=true but no chromedriver is installed: run .ci/chromium.sh");
		}
		Assumptions.assumeTrue(installed, "no chromedriver installed (.ci/chromium.sh installs chromium-driver)");
		return driver;
	}

	/** Loads {@code page}: once for the DOM and the console, once for a screenshot of the given size. */
	public static Load load(Path page, Path work, int width, int height) throws IOException, InterruptedException {
		String binary = require();
		Files.createDirectories(work);
		Path dom = work.resolve("dom.html");
		Path log = work.resolve("console.log");
		run(binary, work, List.of("--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString()), dom, log);
		Path png = work.resolve("screenshot.png");
		run(binary, work, List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png,
				page.toUri().toString()), work.resolve("screenshot.out"), work.resolve("screenshot.err"));
		String stderr = Files.readString(log, StandardCharsets.UTF_8);
		List<String> console = new ArrayList<>();
		for (String line : stderr.split("\n")) {
			// every console message is logged as CONSOLE, whatever its level; these pages run no script at all
			if (line.contains(":CONSOLE") || line.contains("Failed to load resource")) {
				console.add(line);
			}
		}
		return new Load(Files.readString(dom, StandardCharsets.UTF_8), console, stderr, png);
	}

	private static void run(String binary, Path work, List<String> args, Path out, Path err)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + work.resolve("profile")));
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("chromium did not finish in 120 s: " + command);
		}
	}

	/** How much of a picture is not background, and how many colours it has: a blank page has 0 and 1. */
	public record Ink(double share, int colours) {
	}

	public static Ink ink(Path png) throws IOException {
		BufferedImage image = ImageIO.read(png.toFile());
		if (image == null) {
			throw new AssertionError(png + " is not an image");
		}
		int background = image.getRGB(0, 0);
		long inked = 0;
		Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < image.getHeight(); y += 2) {
			for (int x = 0; x < image.getWidth(); x += 2) {
				int rgb = image.getRGB(x, y);
				if (rgb != background) {
					inked++;
				}
				if (colours.size() < 10_000) {
					colours.add(rgb);
				}
			}
		}
		long sampled = (long) ((image.getHeight() + 1) / 2) * ((image.getWidth() + 1) / 2);
		return new Ink((double) inked / sampled, colours.size());
	}

}
