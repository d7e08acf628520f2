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

	/**
	 * An empty digest, never fed, copied for each digest: looking the algorithm up among the providers
	 * was about a fifth of hashing a feedback page's source in a profile (40,000 of them in a nation's run).
	 */
	private static final MessageDigest EMPTY = lookUp();

	private Sha256(MessageDigest digest) {
		this.digest = digest;
	}

	private static MessageDigest lookUp() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform must provide SHA-256 (MessageDigest's Javadoc)
			throw new IllegalStateException(ex);
		}
	}

	/** An empty digest to feed with {@link #add}. */
	public static Sha256 start() {
		try {
			return new Sha256((MessageDigest) EMPTY.clone());
		}
		catch (CloneNotSupportedException ex) {
			// a provider whose digests cannot be copied
			return new Sha256(lookUp());
		}
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
