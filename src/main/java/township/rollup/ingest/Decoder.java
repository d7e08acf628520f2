package township.rollup.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides how a submission's bytes are text. Chinese Excel and WPS save CSV as GBK by default and as
 * UTF-8 with a BOM when asked for "CSV UTF-8", so both are accepted. Decoding is strict: a byte sequence
 * that is not valid in the chosen encoding is reported, never replaced. UTF-8 is tried first because
 * valid GBK text is almost never valid UTF-8, while plain ASCII is both.
 */
final class Decoder {

	static final String UTF_8 = "UTF-8";

	static final String UTF_8_BOM = "UTF-8 (BOM)";

	static final String GB18030 = "GB18030";

	private static final Charset GB = Charset.forName("GB18030");

	private Decoder() {
	}

	/** The outcome: decoded text and the encoding's name, or a problem that stops the file being read. */
	sealed interface Result permits Text, Problem {
	}

	record Text(String text, String encoding) implements Result {
	}

	/** What kind of not-text the bytes are, with the line and byte offset of the first bad byte if any. */
	record Problem(ProblemKind kind, int line, long offset) implements Result {
	}

	enum ProblemKind {

		EMPTY, XLSX, XLS, PDF, BINARY, UTF16, UNDECODABLE;

		/** What the bytes look like, in the message catalogue. */
		String key() {
			return "decode." + name().toLowerCase(java.util.Locale.ROOT);
		}

		String words(township.rollup.i18n.Language language) {
			return township.rollup.i18n.Messages.of(language).get(key());
		}

	}

	static Result decode(byte[] bytes) {
		if (bytes.length == 0) {
			return new Problem(ProblemKind.EMPTY, 0, 0);
		}
		if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
			return new Problem(ProblemKind.XLSX, 0, 0);
		}
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
			return new Problem(ProblemKind.XLS, 0, 0);
		}
		if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) {
			return new Problem(ProblemKind.PDF, 0, 0);
		}
		if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
			return new Problem(ProblemKind.UTF16, 0, 0);
		}
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return strict(bytes, 3, StandardCharsets.UTF_8, UTF_8_BOM);
		}
		for (byte b : bytes) {
			if (b == 0) {
				return new Problem(ProblemKind.BINARY, 0, 0);
			}
		}
		Result utf8 = strict(bytes, 0, StandardCharsets.UTF_8, UTF_8);
		if (utf8 instanceof Text) {
			return utf8;
		}
		Result gb = strict(bytes, 0, GB, GB18030);
		if (gb instanceof Text) {
			return gb;
		}
		// neither fits: report the bad byte of the encoding that got furthest, the one the file meant
		return ((Problem) gb).offset() > ((Problem) utf8).offset() ? gb : utf8;
	}

	private static Result strict(byte[] bytes, int start, Charset charset, String name) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int offset = in.position();
			return new Problem(ProblemKind.UNDECODABLE, lineAt(bytes, offset), offset);
		}
		result = decoder.flush(out);
		if (result.isError()) {
			return new Problem(ProblemKind.UNDECODABLE, lineAt(bytes, bytes.length), bytes.length);
		}
		out.flip();
		return new Text(out.toString(), name);
	}

	private static int lineAt(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset && i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}


}
