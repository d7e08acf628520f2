package township.rollup.ingest;

import township.rollup.bytes.TextDecoder;

/**
 * Decides whether a submission's bytes are text at all (not a workbook, PDF, UTF-16 or binary file), and
 * if so decodes them with {@link TextDecoder}, the one decoding the registry and the settings share.
 */
final class Decoder {

	static final String UTF_8 = TextDecoder.UTF_8;

	static final String UTF_8_BOM = TextDecoder.UTF_8_BOM;

	static final String GB18030 = TextDecoder.GB18030;

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
		if (!TextDecoder.startsWithBom(bytes)) {
			// a BOM says text; without one, a NUL byte says it is not
			for (byte b : bytes) {
				if (b == 0) {
					return new Problem(ProblemKind.BINARY, 0, 0);
				}
			}
		}
		TextDecoder.Result result = TextDecoder.decode(bytes);
		if (result instanceof TextDecoder.Text text) {
			return new Text(text.text(), text.encoding());
		}
		TextDecoder.Undecodable bad = (TextDecoder.Undecodable) result;
		return new Problem(ProblemKind.UNDECODABLE, bad.line(), bad.offset());
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
