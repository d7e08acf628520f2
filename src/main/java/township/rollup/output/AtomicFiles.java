package township.rollup.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file in one step: readers see the old file or the new one, never a part. The new content
 * is synced to disk before the rename, and the folder after it, so that once a file counts as written
 * a power cut can neither lose it nor leave an empty file in its place.
 */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	public static void write(Path target, byte[] bytes) {
		try {
			Path dir = target.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
			try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(bytes);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			syncFolder(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target, ex);
		}
	}

	public static void deleteIfExists(Path target) {
		try {
			if (Files.deleteIfExists(target)) {
				syncFolder(target.toAbsolutePath().getParent());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete " + target, ex);
		}
	}

	/** A rename is durable once its folder is synced (POSIX); where a folder cannot be opened, it is skipped. */
	static void syncFolder(Path dir) throws IOException {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (UnsupportedOperationException | java.nio.file.AccessDeniedException ex) {
			// not every platform lets a folder be opened for syncing
		}
	}

}
