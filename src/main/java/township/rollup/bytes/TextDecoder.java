package township.rollup.bytes;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How bytes a person saved are text: every CSV the project reads (submissions, the registry, the year's
 * settings) is decoded here. Chinese Excel and WPS save CSV as GBK by default and as UTF-8 with a BOM when
 * asked for "CSV UTF-8", so both are accepted. Decoding is strict: a byte sequence that is not valid in the
 * chosen encoding is reported, never replaced. UTF-8 is tried first because valid GBK text is almost never
 * valid UTF-8, while plain ASCII is both. GB18030 is the superset of GBK, so it reads GBK files too.
 */
public final class TextDecoder {

	public static final String UTF_8 = "UTF-8";

	public static final String UTF_8_BOM = "UTF-8 (BOM)";

	public static final String GB18030 = "GB18030";

	private static final Charset GB = Charset.forName("GB18030");

	private TextDecoder() {
	}

	/** Decoded text, or where the first byte that no accepted encoding reads is. */
	public sealed interface Result permits Text, Undecodable {
	}

	/** The text, without a BOM, and the name of the encoding it was in. */
	public record Text(String text, String encoding) implements Result {
	}

	/** The line (from 1) and byte offset of the first bad byte. */
	public record Undecodable(int line, long offset) implements Result {
	}

	public static Result decode(byte[] bytes) {
		if (startsWithBom(bytes)) {
			return strict(bytes, 3, StandardCharsets.UTF_8, UTF_8_BOM);
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
		return ((Undecodable) gb).offset() > ((Undecodable) utf8).offset() ? gb : utf8;
	}

	public static boolean startsWithBom(byte[] bytes) {
		return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF;
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
			return new Undecodable(lineAt(bytes, offset), offset);
		}
		result = decoder.flush(out);
		if (result.isError()) {
			return new Undecodable(lineAt(bytes, bytes.length), bytes.length);
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

}
