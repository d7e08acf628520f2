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
			throw new CommandException(ExitCodes.LOCKED, AnyLanguage.text("cli.any.lock.busy", file));
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
