package township.rollup.support;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Byte-level edits of fixture files, for files whose encoding is not to be touched (GBK, BOM). */
public final class Bytes {

	private Bytes() {
	}

	/** Every occurrence of {@code what} replaced by {@code with}, left to right, not overlapping. */
	public static byte[] replace(byte[] bytes, byte[] what, byte[] with) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
		int i = 0;
		while (i < bytes.length) {
			if (i + what.length <= bytes.length && Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
				out.writeBytes(with);
				i += what.length;
			}
			else {
				out.write(bytes[i++]);
			}
		}
		return out.toByteArray();
	}

}
