package township.rollup.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file as received: its name, size and SHA-256, and its bytes (kept for audit and reassessment). A
 * file the operating system would not let us read carries the reason instead of bytes.
 */
public record SourceFile(String fileName, long sizeBytes, String sha256, byte[] bytes, String readError) {

	public SourceFile(String fileName, long sizeBytes, String sha256, byte[] bytes) {
		this(fileName, sizeBytes, sha256, bytes, null);
	}

	/**
	 * A file that could not be read (permissions, a disk error). Its "hash" is derived from the name and
	 * the reason, so the same failure is recorded once and a later readable file counts as new.
	 */
	public static SourceFile unreadable(String fileName, long sizeBytes, String reason) {
		try {
			byte[] marker = ("unreadable\u0000" + fileName + "\u0000" + reason).getBytes(StandardCharsets.UTF_8);
			String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(marker));
			return new SourceFile(fileName, sizeBytes, sha, new byte[0], reason);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "SourceFile[" + fileName + ", " + sizeBytes + " bytes, sha256=" + sha256 + "]";
	}

}
