package township.rollup.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive on the fast start (Java 25's AOT cache): unpacked, moved and copied, every
 * command at each place under cron's bare environment, a cache per place (see {@link ReleaseInstallation}).
 * The plain Java 17 start and a read-only installation are {@link InstallationPlainStartIT} and
 * {@link InstallationReadOnlyIT}.
 */
class InstallationIT {

	@TempDir
	Path root;

	@Test
	void theArchiveRunsUnpackedMovedAndCopied_onTheFastStart() throws Exception {
		Assumptions.assumeTrue(ReleaseInstallation.java25(),
				"no Java 25 runtime under /usr/lib/jvm: the fast start cannot be tested here");
		new ReleaseInstallation(root).everyPlace(true);
	}

}
