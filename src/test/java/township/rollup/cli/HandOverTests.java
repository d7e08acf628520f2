package township.rollup.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-over channel on its own (the whole path, with a real portal and a real nightly, is
 * NightlyHandOverIT): what the portal's run prints and its exit code reach the waiting command; a folder
 * others may enter is no channel; a portal gone before or during the run is 75 or 1.
 */
class HandOverTests {

	@TempDir
	Path dir;

	static final Messages ZH = Messages.of(Language.of("zh", Language.CONSOLE_SETTING));

	record Waited(int exit, String out, String err) {
	}

	Waited request(Path lock, String lang) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Console.captured(out, err,
				() -> HandOver.request(lock, "http://127.0.0.1:1 pid 1", "nightlyJob", 2020, true, "410999101000", lang));
		return new Waited(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void theRunsOutputAndExitCodeReachTheWaitingCommandInItsLanguage() throws Exception {
		Path lock = dir.resolve("rollup.lock");
		Optional<HandOver.Listener> listener = HandOver.listen(lock, (request, started) -> {
			started.run();
			Console.OUT.println(request.job() + " " + request.year() + " force=" + request.force() + " unit="
					+ request.unit() + " " + request.texts().get("cli.summary.outputs"));
			Console.ERR.println("错误行");
			return 3;
		}, ZH);
		assertThat(listener).isPresent();
		try {
			assertThat(Files.getPosixFilePermissions(dir.resolve("rollup.lock.handover")))
				.isEqualTo(PosixFilePermissions.fromString("rwx------"));
			Waited en = request(lock, "en");
			assertThat(en.exit()).isEqualTo(3);
			assertThat(en.out()).isEqualTo("nightlyJob 2020 force=true unit=410999101000 "
					+ Messages.of(Language.of("en", Language.CONSOLE_SETTING)).get("cli.summary.outputs") + "\n");
			assertThat(en.err()).isEqualTo("错误行\n");
			// no language said: the portal's own
			assertThat(request(lock, "").out()).endsWith(" " + ZH.get("cli.summary.outputs") + "\n");
		}
		finally {
			listener.get().close();
		}
		assertThat(dir.resolve("rollup.lock.handover/socket")).doesNotExist();
		// a portal gone: nothing ran, retry later
		assertThatThrownBy(() -> request(lock, "en")).isInstanceOfSatisfying(CommandException.class,
				ex -> assertThat(ex.exitCode()).isEqualTo(ExitCodes.LOCKED))
			.hasMessageContaining("could not be handed to it");
	}

	@Test
	void aFolderOthersMayEnterIsNoChannel() throws Exception {
		Path lock = dir.resolve("rollup.lock");
		Files.createDirectory(dir.resolve("rollup.lock.handover"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		assertThat(HandOver.listen(lock, (request, started) -> 0, ZH)).isEmpty();
		assertThat(dir.resolve("rollup.lock.handover/socket")).doesNotExist();
	}

	@Test
	void aPortalGoneBeforeTheRunIs75AndDuringItIs1() throws Exception {
		Path lock = dir.resolve("rollup.lock");
		// the portal's process ending: the connection closes without an exit code
		Optional<HandOver.Listener> before = HandOver.listen(lock, (request, started) -> {
			throw new OutOfMemoryError("the portal ends before the run has its turn");
		}, ZH);
		try {
			assertThatThrownBy(() -> request(lock, "en")).isInstanceOfSatisfying(CommandException.class,
					ex -> assertThat(ex.exitCode()).isEqualTo(ExitCodes.LOCKED))
				.hasMessageContaining("stopped before the nightly started");
		}
		finally {
			before.get().close();
		}
		Optional<HandOver.Listener> during = HandOver.listen(lock, (request, started) -> {
			started.run();
			Console.OUT.println("第一行");
			throw new OutOfMemoryError("the portal ends during the run");
		}, ZH);
		try {
			assertThatThrownBy(() -> request(lock, "en")).isInstanceOfSatisfying(CommandException.class,
					ex -> assertThat(ex.exitCode()).isEqualTo(ExitCodes.FAILED))
				.hasMessageContaining("stopped while the nightly was running");
		}
		finally {
			during.get().close();
		}
	}

}
