package township.rollup.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The run lock, held until the process exits; the kernel releases it when the process dies, even by
 * {@code kill -9}, so a lock is never stale. The {@code jobs/rollup} wrapper also holds a {@code flock}
 * on the same file: the two kinds of lock do not conflict with each other on Linux, so this one guards
 * runs started without the wrapper. Only under it is it safe to recover a run left behind by a crash.
 */
final class RunLock {

	private static FileChannel channel;

	private static FileLock lock;

	private RunLock() {
	}

	static synchronized void acquire(Path file) {
		if (lock != null) {
			return;
		}
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		catch (IOException ex) {
			throw new CommandException(ExitCodes.USAGE,
					AnyLanguage.text("cli.any.lock.unusable", file, String.valueOf(ex.getMessage())));
		}
		if (lock == null) {
			String portal = portalHolding(file);
			RunLock.release();
			if (portal != null) {
				throw new CommandException(ExitCodes.LOCKED, AnyLanguage.text("cli.any.lock.portal", file, portal));
			}
			throw new CommandException(ExitCodes.LOCKED, AnyLanguage.text("cli.any.lock.busy", file));
		}
		try {
			// what a holder that is gone wrote about itself is no longer true
			channel.truncate(0);
		}
		catch (IOException ex) {
			// only the message to a second process would be stale
		}
	}

	/** What a lock file's holder writes first when it is the portal; the wrapper reads the same line. */
	static final String PORTAL = "portal ";

	/**
	 * Says in the lock file who holds it, for the message a second process prints: the portal holds the
	 * lock for its whole life, so "another run, retry later" would be wrong advice.
	 */
	static synchronized void describeHolder(String line) {
		if (channel == null) {
			return;
		}
		try {
			channel.truncate(0);
			channel.write(java.nio.ByteBuffer.wrap((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
			channel.force(false);
		}
		catch (IOException ex) {
			// the message to a second process is less precise, nothing else
		}
	}

	/** The portal's line in a lock file someone else holds ({@code http://127.0.0.1:8080 pid 1234}), or null. */
	static String portalHolding(Path file) {
		try {
			String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).strip();
			return text.startsWith(PORTAL) ? text.substring(PORTAL.length()) : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Gives the lock back before the process ends, for a command that needs the database only for a
	 * moment ({@code check}); also closes the file after a failed {@link #acquire}, so that it can be tried
	 * again. Whatever is not released here the kernel releases at exit.
	 */
	static synchronized void release() {
		try {
			if (lock != null) {
				lock.release();
			}
			if (channel != null) {
				channel.close();
			}
		}
		catch (IOException ex) {
			// the kernel releases it when the process ends
		}
		finally {
			lock = null;
			channel = null;
		}
	}

}
