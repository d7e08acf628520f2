package township.rollup.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import township.rollup.submission.SourceFile;

/**
 * A year's inbox folder, {@code <input>/<year>/}. It holds the submissions as files; hidden files,
 * Excel's {@code ~$} lock files, folders and symbolic links are not submissions and are not read.
 */
public final class Inbox {

	private Inbox() {
	}

	/** A file of the inbox and its content hash. */
	public record Entry(String fileName, Path path, long sizeBytes, String sha256) {
	}

	/** The submission files, sorted by name so that every run reads them in the same order. */
	public static List<Path> list(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
				.filter(p -> !p.getFileName().toString().startsWith("."))
				.filter(p -> !p.getFileName().toString().startsWith("~$"))
				.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + folder, ex);
		}
	}

	/** Hashes every file. */
	public static List<Entry> scan(Path folder) {
		List<Entry> entries = new ArrayList<>();
		for (Path path : list(folder)) {
			entries.add(hash(path));
		}
		return entries;
	}

	/** The file's hash; for a file that cannot be read, the marker hash of {@link SourceFile#unreadable}. */
	public static Entry hash(Path path) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha256())) {
			long size = in.transferTo(java.io.OutputStream.nullOutputStream());
			String sha = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
			return new Entry(path.getFileName().toString(), path, size, sha);
		}
		catch (IOException ex) {
			SourceFile unreadable = unreadable(path, ex);
			return new Entry(unreadable.fileName(), path, unreadable.sizeBytes(), unreadable.sha256());
		}
	}

	private static SourceFile unreadable(Path path, IOException ex) {
		long size;
		try {
			size = Files.size(path);
		}
		catch (IOException sizeUnknown) {
			size = -1;
		}
		String reason = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		return SourceFile.unreadable(path.getFileName().toString(), size, reason);
	}

	/**
	 * Reads a file for ingest: its bytes when not above {@code maxBytes}, and always its size and hash, so
	 * that even a file too large to read is recorded.
	 */
	public static SourceFile read(Path path, long maxBytes) {
		try {
			long size = Files.size(path);
			if (size > maxBytes) {
				Entry entry = hash(path);
				return new SourceFile(entry.fileName(), entry.sizeBytes(), entry.sha256(), new byte[0]);
			}
			byte[] bytes = Files.readAllBytes(path);
			return new SourceFile(path.getFileName().toString(), bytes.length, sha256Hex(bytes), bytes);
		}
		catch (IOException ex) {
			// one file the system will not read must not stop the other townships
			return unreadable(path, ex);
		}
	}

	/**
	 * The digest of what a run works from: the year, the registry, the rules in force, and every inbox file
	 * by name and content. Two runs with the same digest would do the same work.
	 */
	public static String digest(int year, String registrySha256, String rulesFingerprint, List<Entry> entries) {
		MessageDigest digest = sha256();
		digest.update(("year=" + year + "\nregistry=" + registrySha256 + "\nrules=" + rulesFingerprint + "\n")
			.getBytes(StandardCharsets.UTF_8));
		for (Entry e : entries) {
			digest.update((e.fileName() + "\u0000" + e.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	public static String sha256Hex(byte[] bytes) {
		return HexFormat.of().formatHex(sha256().digest(bytes));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
