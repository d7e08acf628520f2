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

	/** Something that writes a file's content to a stream. */
	public interface Content {

		void writeTo(java.io.OutputStream out) throws IOException;

	}

	/** Replaces a file with content written as a stream (a file too large to build in memory first). */
	public static void write(Path target, Content content) {
		try {
			Path dir = target.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
			try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel),
						1 << 16);
				// the content may close what it writes to; the channel must stay open to be synced
				content.writeTo(new java.io.FilterOutputStream(out) {
					@Override
					public void write(byte[] b, int off, int len) throws IOException {
						out.write(b, off, len);
					}

					@Override
					public void close() throws IOException {
						out.flush();
					}
				});
				out.flush();
				channel.force(true);
			}
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			syncFolder(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target, ex);
		}
	}

	/**
	 * Replaces many files of one folder: all are written and synced (the syncs in parallel, which is
	 * what a thousand reports of a province cost), then renamed, then the folder is synced once.
	 */
	public static void writeAll(Path dir, java.util.Map<String, byte[]> files) {
		try {
			Files.createDirectories(dir);
			java.util.List<String> names = java.util.List.copyOf(files.keySet());
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
			try {
				java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
				for (String name : names) {
					done.add(pool.submit(() -> {
						Path tmp = dir.resolve("." + name + ".tmp");
						try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
								StandardOpenOption.TRUNCATE_EXISTING)) {
							ByteBuffer buffer = ByteBuffer.wrap(files.get(name));
							while (buffer.hasRemaining()) {
								channel.write(buffer);
							}
							channel.force(true);
						}
						return null;
					}));
				}
				for (java.util.concurrent.Future<?> f : done) {
					f.get();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while writing " + dir, ex);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw ex.getCause() instanceof IOException io ? io : new IOException(ex.getCause());
			}
			finally {
				pool.shutdown();
			}
			for (String name : names) {
				Files.move(dir.resolve("." + name + ".tmp"), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
			syncFolder(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the files of " + dir, ex);
		}
	}

	/**
	 * Replaces a file that is derived (rendered again from the database whenever it is missing or wrong),
	 * in a folder that exists: written to a temporary file and renamed, so that a reader never sees a
	 * half-written file, but not synced here. Forcing each feedback page of a nation (40,000 fsyncs,
	 * waited for before the next units were read) was the largest wait in a profile of the pages; the caller makes its files durable together once, at the end of its
	 * run, with {@link #syncAll}.
	 */
	public static void writeUnsynced(Path target, byte[] bytes) {
		Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(bytes);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
			}
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target, ex);
		}
	}

	/**
	 * Writes a file into a folder that no reader looks at yet (a staging folder, {@link #publishFolder}):
	 * under its own name at once, unsynced, as the folder is named only after every file in it is durable.
	 */
	public static void writeNew(Path target, byte[] bytes) {
		try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target, ex);
		}
	}

	/**
	 * Gives a staging folder, whose files were written by {@link #writeNew}, the name {@code target}, which
	 * does not exist: first every file in it made durable (one sync of the file system, as
	 * {@link #syncAll}), then the rename, then the folder that holds both, so that the new name survives a
	 * power cut. A reader sees no folder, then the whole folder.
	 */
	public static void publishFolder(Path staging, Path target) {
		try {
			if (!syncFileSystem(staging)) {
				try (var list = Files.list(staging)) {
					forceAll(list.toList());
				}
			}
			syncFolder(staging);
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			syncFolder(target.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot publish " + staging + " as " + target, ex);
		}
	}

	/** Removes a folder and what is in it, if it is there (a staging folder left by a run that was killed). */
	public static void deleteTree(Path folder) {
		if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try {
			org.springframework.util.FileSystemUtils.deleteRecursively(folder);
			syncFolder(folder.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot remove " + folder, ex);
		}
	}

	/**
	 * Makes the files written by {@link #writeUnsynced} into {@code dir} durable: one sync of the
	 * folder's file system ({@code sync -f}, the {@code syncfs} call, one journal commit for all of them)
	 * where the system has it, else each file forced (in parallel); then the folder, for the renames.
	 */
	public static void syncAll(Path dir, java.util.Collection<Path> files) {
		if (files.isEmpty()) {
			return;
		}
		try {
			if (!syncFileSystem(dir)) {
				forceAll(files);
			}
			syncFolder(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot sync the files of " + dir, ex);
		}
	}

	private static boolean syncFileSystem(Path dir) {
		try {
			Process sync = new ProcessBuilder("sync", "-f", dir.toAbsolutePath().toString()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return sync.waitFor() == 0;
		}
		catch (IOException ex) {
			// no sync command (not a Linux system): the files are forced one by one
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void forceAll(java.util.Collection<Path> files) throws IOException {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
			for (Path file : files) {
				done.add(pool.submit(() -> {
					try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
						channel.force(true);
					}
					return null;
				}));
			}
			for (java.util.concurrent.Future<?> f : done) {
				f.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while syncing", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw ex.getCause() instanceof IOException io ? io : new IOException(ex.getCause());
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * Writes a file that is to take its name later ({@link #moveAll}), synced, so that the rename alone
	 * makes it count: files written at the same moment by different threads sync together, and whoever
	 * renames them afterwards waits for one folder sync, not a sync of each.
	 */
	public static void stage(Path staged, byte[] bytes) {
		try {
			Files.createDirectories(staged.toAbsolutePath().getParent());
			try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(bytes);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + staged, ex);
		}
	}

	/**
	 * Gives staged files ({@link #stage}) their names, each in one step (replacing a file of that name),
	 * then syncs each folder once, so that the renames too survive a power cut.
	 */
	public static void moveAll(java.util.Map<Path, Path> stagedToTarget) {
		try {
			java.util.Set<Path> folders = new java.util.LinkedHashSet<>();
			for (java.util.Map.Entry<Path, Path> move : stagedToTarget.entrySet()) {
				Files.move(move.getKey(), move.getValue(), StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
				folders.add(move.getValue().toAbsolutePath().getParent());
			}
			for (Path folder : folders) {
				syncFolder(folder);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot move " + stagedToTarget.keySet(), ex);
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
