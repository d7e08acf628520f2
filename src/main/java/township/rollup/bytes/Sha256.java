package township.rollup.bytes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, at once ({@link #hex(byte[])}) or fed piece by piece ({@link #start()}). Text is
 * hashed as UTF-8, so a fingerprint does not depend on the platform's default charset.
 */
public final class Sha256 {

	private final MessageDigest digest;

	private Sha256() {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform must provide SHA-256 (MessageDigest's Javadoc)
			throw new IllegalStateException(ex);
		}
	}

	/** An empty digest to feed with {@link #add}. */
	public static Sha256 start() {
		return new Sha256();
	}

	public static String hex(byte[] bytes) {
		return start().add(bytes).hex();
	}

	public static String hex(String text) {
		return start().add(text).hex();
	}

	/** The hash of a file we wrote ourselves (read whole: received files are read by the inbox, within its limit). */
	public static String hexOf(Path file) {
		try {
			return hex(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	public Sha256 add(byte[] bytes) {
		digest.update(bytes);
		return this;
	}

	public Sha256 add(String text) {
		return add(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Finishes the digest; this object is then empty again. */
	public String hex() {
		return HexFormat.of().formatHex(digest.digest());
	}

}
