package township.rollup.submission;

import java.nio.charset.StandardCharsets;

import township.rollup.bytes.Sha256;


/**
 * A file as received: its name, size and SHA-256, and its bytes (kept for audit and reassessment). An
 * inbox entry that is not read carries why instead of bytes: the system would not let us read it, or
 * it is a symbolic link or a special file (a pipe, a socket, a device), which is never opened.
 */
public record SourceFile(String fileName, long sizeBytes, String sha256, byte[] bytes, NotRead notRead) {

	/** Why an entry was not read, with the detail a clerk needs (the OS's reason, the link's target). */
	public record NotRead(Why why, String detail) {
	}

	public enum Why {

		/** The operating system refused (permissions, a disk error, the file vanished). */
		UNREADABLE,

		/** A symbolic link: links are not followed, so nothing outside the inbox is ever read. */
		LINK,

		/** Not a regular file; {@code detail} says which kind. */
		SPECIAL

	}

	public SourceFile(String fileName, long sizeBytes, String sha256, byte[] bytes) {
		this(fileName, sizeBytes, sha256, bytes, null);
	}

	/** The reason the operating system gave, for a file it would not let us read; else null. */
	public String readError() {
		return notRead != null && notRead.why() == Why.UNREADABLE ? notRead.detail() : null;
	}

	/**
	 * An entry that is not read. Its "hash" is derived from the name, the kind and the detail, so the
	 * same condition is recorded once and a later readable file of that name counts as new.
	 */
	public static SourceFile notRead(String fileName, long sizeBytes, Why why, String detail) {
		byte[] marker = (why.name().toLowerCase() + "\u0000" + fileName + "\u0000" + detail)
			.getBytes(StandardCharsets.UTF_8);
		return new SourceFile(fileName, sizeBytes, Sha256.hex(marker), new byte[0], new NotRead(why, detail));
	}

	/** A file the operating system would not let us read. */
	public static SourceFile unreadable(String fileName, long sizeBytes, String reason) {
		return notRead(fileName, sizeBytes, Why.UNREADABLE, reason);
	}

	@Override
	public String toString() {
		return "SourceFile[" + fileName + ", " + sizeBytes + " bytes, sha256=" + sha256 + "]";
	}

}
