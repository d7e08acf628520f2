package township.rollup.reportformat;

import java.text.Normalizer;

/**
 * Label comparison that forgives what Excel, WPS and copy-paste do to labels: full-width against
 * half-width forms, punctuation variants and whitespace. Real reports mix {@code （一）} with
 * {@code (一)} and {@code ：} with {@code :}, so labels are compared only after this.
 */
public final class Labels {

	private Labels() {
	}

	/** Labels repeat in every file of a run: each is normalised once. */
	private static final java.util.Map<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int CACHED = 20_000;

	public static String normalize(String label) {
		if (label == null) {
			return "";
		}
		String cached = CACHE.get(label);
		if (cached != null) {
			return cached;
		}
		String normalized = compute(label);
		if (label.length() <= 200 && CACHE.size() < CACHED) {
			CACHE.put(label, normalized);
		}
		return normalized;
	}

	private static String compute(String label) {
		String nfkc = Normalizer.normalize(label, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(nfkc.length());
		nfkc.codePoints().forEach(cp -> {
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isPunctuation(cp)) {
				return;
			}
			out.appendCodePoint(cp);
		});
		return out.toString();
	}

	private static boolean isPunctuation(int cp) {
		int type = Character.getType(cp);
		return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
				|| type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
				|| type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
				|| type == Character.OTHER_PUNCTUATION || cp == '"' || cp == '\'';
	}

}
