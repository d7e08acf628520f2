package township.rollup.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release archive installed read-only: owned by root, run by another user (nobody) with its data,
 * output and logs elsewhere, it keeps its fast start under the data folder (see {@link ReleaseInstallation}).
 */
class InstallationReadOnlyIT {

	@TempDir
	Path root;

	@Test
	void aReadOnlyInstallationKeepsItsFastStartUnderTheDataFolder() throws Exception {
		Assumptions.assumeTrue(ReleaseInstallation.java25(), "no Java 25 runtime: no fast start to place");
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
				"needs root to run the installation as another user (nobody), for whom it is read-only");
		// given: an installation owned by root, run by nobody with its data, output and logs elsewhere
		ReleaseInstallation release = new ReleaseInstallation(root);
		Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path home = release.unpack(root.resolve("installed"));
		Path work = Files.createDirectories(root.resolve("work"));
		Process chown = new ProcessBuilder("chown", "nobody:nogroup", work.toString()).inheritIO().start();
		assertThat(chown.waitFor(30, TimeUnit.SECONDS) && chown.exitValue() == 0).isTrue();
		Map<String, String> env = release.cronEnvironment(true);
		env.put("ROLLUP_DATA_DIR", work.resolve("data").toString());
		env.put("ROLLUP_OUTPUT_DIR", work.resolve("output").toString());
		env.put("ROLLUP_LOG_DIR", work.resolve("logs").toString());

		// when
		ReleaseInstallation.Result nightly = ReleaseInstallation.run(home, env,
				List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"), "nightly", "--year", "2020",
				"--input-dir", "sample");

		// then: the run took the fast start, from a cache made and proven under the data folder
		assertThat(nightly.exit()).as(nightly.all()).isZero();
		assertThat(home.resolve("cache")).doesNotExist();
		try (Stream<Path> caches = Files.list(work.resolve("data/cache"))) {
			assertThat(caches.filter(Files::isDirectory).map(c -> c.resolve("ok")).filter(Files::exists).count()).isOne();
		}
		assertThat(Files.readString(work.resolve("logs/runs.log"))).contains("exit=0").contains("start=aot");
		ReleaseInstallation.cityTotalsAreTheHandSum(work.resolve(ReleaseInstallation.CITY_CSV));
	}

}
