package township.rollup.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import township.rollup.bytes.Sha256;
import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.Where;
import township.rollup.submission.SourceFile;
import township.rollup.submission.SourceFile.Why;

/**
 * A year's inbox folder, {@code <input>/<year>/}. Every entry is accounted for: files named as a
 * submission are read as one, and every other file is listed as not a submission ({@link Named}); symbolic links and special files (pipes, sockets, devices) are recorded with a finding
 * and never opened; sub-folders are named in the run summary; hidden files and Excel's {@code ~$} lock
 * files are not submissions. A file is read through one channel that does not follow links, and at
 * most the size limit plus one byte of it, so a file that grows, or is swapped for a link, between
 * listing and reading is still handled.
 */
public final class Inbox {

	private Inbox() {
	}

	/** What an inbox entry is. */
	public enum Kind {

		FILE, LINK, SPECIAL

	}

	/** An entry of the inbox and its content hash (for a link or special file, a marker hash). */
	public record Entry(String fileName, Path path, Kind kind, long sizeBytes, String sha256) {

		/** Whether this entry is read as a submission: {@link Inbox#isSubmission(String)}. */
		public boolean isSubmission() {
			return Inbox.isSubmission(fileName);
		}

	}

	/**
	 * What a file is by its name: its extension, in any case. A township sends its report as {@code .csv}
	 * or {@code .xlsx}; a {@code .xls}, {@code .xlsm} or {@code .xlsb} is taken as its file too, which the
	 * reader refuses with the finding that says how to save it again. Anything else (the sealed PDF scan sent
	 * beside the report, a Word document, a picture, an archive, Windows' {@code Thumbs.db}) is no
	 * submission, whatever its name says and whatever its content is: it is listed with
	 * {@code FILE-NOT-SUBMISSION}, never read, and never a unit's file.
	 */
	public enum Named {

		CSV(true, "csv"), XLSX(true, "xlsx"), XLS(true, "xls"), XLSM(true, "xlsm"), XLSB(true, "xlsb"),
		PDF(false, "pdf"), WORD(false, "doc", "docx", "docm", "dot", "dotx", "wps", "rtf", "odt"),
		IMAGE(false, "jpg", "jpeg", "jpe", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "heif"),
		ARCHIVE(false, "zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz", "cab", "arj"),
		/** A file the operating system leaves in a folder by itself. */
		SYSTEM(false), OTHER(false);

		/** Files the operating system makes in a folder, by name in lower case. */
		private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "ehthumbs.db", "desktop.ini",
				".ds_store");

		private final boolean submission;

		private final Set<String> extensions;

		Named(boolean submission, String... extensions) {
			this.submission = submission;
			this.extensions = Set.of(extensions);
		}

		/** Whether a file of this kind is read as a submission. */
		public boolean submission() {
			return submission;
		}

		/** The group a file that is not a submission is counted in: {@code pdf}, {@code word}, … {@code other}. */
		public String group() {
			return this == SYSTEM ? "other" : name().toLowerCase(Locale.ROOT);
		}

		/** The kind of {@code fileName}. */
		public static Named of(String fileName) {
			String lower = fileName.strip().toLowerCase(Locale.ROOT);
			if (SYSTEM_FILES.contains(lower)) {
				return SYSTEM;
			}
			String extension = extension(fileName);
			for (Named named : values()) {
				if (named.extensions.contains(extension)) {
					return named;
				}
			}
			return OTHER;
		}

		/** What a file of this kind looks like, in a clerk's words: "PDF 文档", "扩展名为 .txt 的文件". */
		public String describe(Messages m, String fileName) {
			if (this != OTHER) {
				return m.get("inbox.named." + name().toLowerCase(Locale.ROOT));
			}
			String extension = extension(fileName);
			return extension.isEmpty() ? m.get("inbox.named.none") : m.get("inbox.named.other", extension);
		}

		/** The extension of a name in lower case, without its dot; empty for none (or a name such as ".profile"). */
		static String extension(String fileName) {
			String name = fileName.strip();
			int dot = name.lastIndexOf('.');
			return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Whether an inbox file is read as a submission, by its name alone: the one place this is decided
	 * ({@link Named}).
	 */
	public static boolean isSubmission(String fileName) {
		return Named.of(fileName).submission();
	}

	/**
	 * The line that counts the files of an inbox that are not submissions by kind ("收件目录中不是报表的文件 3
	 * 个：PDF 2，其他 1"), for the run summary and the report's board; empty when there is none.
	 */
	public static Optional<String> notSubmissionsLine(Messages m, List<String> fileNames) {
		if (fileNames.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Integer> byGroup = new LinkedHashMap<>();
		for (Named named : Named.values()) {
			if (!named.submission()) {
				byGroup.put(named.group(), 0);
			}
		}
		fileNames.forEach(name -> byGroup.merge(Named.of(name).group(), 1, Integer::sum));
		List<String> parts = new ArrayList<>();
		byGroup.forEach((group, n) -> {
			if (n > 0) {
				parts.add(m.get("inbox.not-submission.group", m.get("inbox.group." + group), n));
			}
		});
		return Optional.of(m.get("inbox.not-submission", fileNames.size(),
				String.join(m.get("inbox.not-submission.separator"), parts)));
	}

	/** The finding that lists a file of the inbox that is not a submission, and what kind of file it looks like. */
	public static Finding notSubmission(String fileName, FindingFactory findings) {
		Named named = Named.of(fileName);
		return findings
			.create("FILE-NOT-SUBMISSION", Where.file(fileName),
					Map.of("kindZh", named.describe(Messages.of(Language.ZH), fileName), "kindEn",
							named.describe(Messages.of(Language.EN), fileName)))
			.orElseThrow();
	}

	/** The entries in name order, and what is in the folder but is not an entry. */
	public record Scan(List<Entry> entries, List<String> folders, List<String> ignored) {

		public static Scan empty() {
			return new Scan(List.of(), List.of(), List.of());
		}

	}

	/**
	 * The start of the name a file sent through the portal has in the inbox folder while it waits to be
	 * received: written and synced under it, renamed to its name when its turn comes. A run does not see it.
	 */
	static final String SENDING = ".sending-";

	/** Where a file sent as {@code fileName} waits in {@code folder} for its turn (a name of its own). */
	public static Path sending(Path folder, String fileName) {
		return folder.resolve(SENDING + java.util.UUID.randomUUID() + "-" + fileName);
	}

	/** Removes what a portal stopped while files were waiting left behind (they were never received). */
	public static void clearSending(Path folder) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, SENDING + "*")) {
			for (Path left : stream) {
				Files.deleteIfExists(left);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot clear " + folder, ex);
		}
	}

	/** Lists and hashes the inbox; a missing folder is an empty inbox. */
	public static Scan scan(Path folder, long maxBytes) {
		if (!Files.isDirectory(folder)) {
			return Scan.empty();
		}
		List<Path> paths = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
			stream.forEach(paths::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + folder, ex);
		}
		paths.sort(Comparator.comparing(p -> p.getFileName().toString()));
		List<Path> submissions = new ArrayList<>();
		List<String> folders = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		for (Path path : paths) {
			String name = path.getFileName().toString();
			BasicFileAttributes attributes = attributes(path);
			if (attributes != null && attributes.isDirectory()) {
				folders.add(name);
			}
			else if (name.startsWith(SENDING)) {
				// a file the portal is still receiving: not in the inbox until it takes its name
				continue;
			}
			else if (name.startsWith(".") || name.startsWith("~$")) {
				ignored.add(name);
			}
			else {
				submissions.add(path);
			}
		}
		// hashing is the whole cost of a run with nothing new: on every core, in name order
		List<Entry> entries = submissions.parallelStream().map(path -> {
			SourceFile file = read(path, maxBytes, false);
			return new Entry(path.getFileName().toString(), path, kindOf(file), file.sizeBytes(), file.sha256());
		}).toList();
		return new Scan(entries, List.copyOf(folders), List.copyOf(ignored));
	}

	private static Kind kindOf(SourceFile file) {
		if (file.notRead() == null) {
			return Kind.FILE;
		}
		return switch (file.notRead().why()) {
			case LINK -> Kind.LINK;
			case SPECIAL -> Kind.SPECIAL;
			case UNREADABLE -> Kind.FILE;
		};
	}

	/** Reads a submission: its bytes when not above {@code maxBytes}, and always its size and hash. */
	public static SourceFile read(Path path, long maxBytes) {
		return read(path, maxBytes, true);
	}

	/**
	 * One read of an entry. A file above the limit keeps no bytes, and its hash covers the limit plus one
	 * byte and its size (the rest is never read): enough to know it again, and no file can make a run
	 * read more than a megabyte of it.
	 */
	private static SourceFile read(Path path, long maxBytes, boolean keepBytes) {
		String name = path.getFileName().toString();
		BasicFileAttributes attributes = attributes(path);
		if (attributes == null) {
			return SourceFile.unreadable(name, -1, "NoSuchFileException: " + path);
		}
		if (attributes.isSymbolicLink()) {
			return SourceFile.notRead(name, attributes.size(), Why.LINK, linkTarget(path));
		}
		if (!attributes.isRegularFile()) {
			return SourceFile.notRead(name, attributes.size(), Why.SPECIAL, specialKind(path));
		}
		Sha256 sha = Sha256.start();
		try (SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ,
				LinkOption.NOFOLLOW_LINKS)) {
			int limit = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1);
			ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(limit, Math.max(channel.size(), 0) + 1));
			byte[] bytes = new byte[0];
			int length = 0;
			while (length < limit) {
				if (!buffer.hasRemaining()) {
					ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(limit, (long) buffer.capacity() * 2));
					buffer.flip();
					bigger.put(buffer);
					buffer = bigger;
				}
				int n = channel.read(buffer);
				if (n < 0) {
					break;
				}
				length += n;
			}
			bytes = Arrays.copyOf(buffer.array(), length);
			if (length <= maxBytes) {
				sha.add(bytes);
				return new SourceFile(name, length, sha.hex(),
						keepBytes ? bytes : new byte[0]);
			}
			long size = Math.max(channel.size(), length);
			sha.add("too-large\u0000" + size + "\u0000");
			sha.add(bytes);
			return new SourceFile(name, size, sha.hex(), new byte[0]);
		}
		catch (IOException ex) {
			// one file the system will not read must not stop the other townships
			String reason = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
			return SourceFile.unreadable(name, attributes.size(), reason);
		}
	}

	private static BasicFileAttributes attributes(Path path) {
		try {
			return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String linkTarget(Path path) {
		try {
			return Files.readSymbolicLink(path).toString();
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/** The kind of a special file, from its mode bits where the platform gives them. */
	static String specialKind(Path path) {
		try {
			int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
			return switch (mode & 0170000) {
				case 0010000 -> "FIFO";
				case 0140000 -> "SOCKET";
				case 0020000 -> "CHARACTER_DEVICE";
				case 0060000 -> "BLOCK_DEVICE";
				default -> "OTHER";
			};
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return "OTHER";
		}
	}

	/** The regular files of a folder we write ourselves (the output folder), in name order. */
	public static List<Path> regularFiles(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (var files = Files.list(folder)) {
			return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
				.filter(p -> !p.getFileName().toString().startsWith("."))
				.sorted(Comparator.comparing(p -> p.getFileName().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + folder, ex);
		}
	}

	/**
	 * The digest of what a run works from: the year, the registry, the rules in force, and every inbox entry
	 * by name and content. Two runs with the same digest would do the same work.
	 */
	public static String digest(int year, String registrySha256, String rulesFingerprint, List<Entry> entries) {
		Sha256 digest = Sha256.start();
		digest.add("year=" + year + "\nregistry=" + registrySha256 + "\nrules=" + rulesFingerprint + "\n");
		for (Entry e : entries) {
			digest.add(e.fileName() + "\u0000" + e.sha256() + "\n");
		}
		return digest.hex();
	}

}
