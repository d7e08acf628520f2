package township.rollup.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replaces a file in one step: readers see the old file or the new one, never a part. */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	public static void write(Path target, byte[] bytes) {
		try {
			Files.createDirectories(target.toAbsolutePath().getParent());
			Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
			Files.write(tmp, bytes);
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target, ex);
		}
	}

	public static void deleteIfExists(Path target) {
		try {
			Files.deleteIfExists(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete " + target, ex);
		}
	}

}
