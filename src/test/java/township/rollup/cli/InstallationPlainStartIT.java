package township.rollup.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release archive on the plain Java 17 start (ROLLUP_FAST=0), which keeps nothing keyed to a path:
 * unpacked, then moved with its database, every command at the new place under cron's bare environment
 * (see {@link ReleaseInstallation}). Where no Java 25 is installed, {@link InstallationIT} is skipped and
 * this test takes every place, the copied tree too.
 */
class InstallationPlainStartIT {

	@TempDir
	Path root;

	@Test
	void theArchiveRunsUnpackedAndMoved_onThePlainJavaStart() throws Exception {
		ReleaseInstallation release = new ReleaseInstallation(root);
		if (!ReleaseInstallation.java25()) {
			// the fast start's test, which covers the copied tree, is skipped: this one takes every place
			release.everyPlace(false);
			return;
		}
		System.out.println("InstallationPlainStartIT: plain start (ROLLUP_FAST=0), unpacked then moved");
		Path unpacked = release.unpack(root.resolve("unpacked"));
		Map<String, String> cron = release.cronEnvironment(false);
		ReleaseInstallation.Result fresh = ReleaseInstallation.run(unpacked, cron, "nightly", "--year", "2020",
				"--input-dir", "sample");
		assertThat(fresh.exit()).as(fresh.all()).isZero();
		assertThat(fresh.out()).contains("乡镇（街道）18 个：已采纳 16，未通过审核 1，未报送 1");

		// renamed, with the database it made: every command at the new place
		Path moved = root.resolve("elsewhere/renamed");
		Files.createDirectories(moved.getParent());
		Files.move(unpacked, moved);
		assertThat(release.everyCommand(moved, cron, false, false, true)).isNull();
		assertThat(moved.resolve("cache")).as("the plain start keeps no cache").doesNotExist();
		assertThat(root.resolve("mvn-was-called")).as("a release never builds").doesNotExist();
	}

}
