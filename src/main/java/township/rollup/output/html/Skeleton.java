package township.rollup.output.html;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.unbescape.html.HtmlEscape;

/**
 * A page rendered once from a model of tokens ({@link Tokens}): the markup between the tokens, and which
 * text goes where. Filling it with a page's texts, each escaped as the template engine escapes a value
 * it writes ({@code th:text}, {@code th:attr}: the five characters that are markup), gives the same bytes
 * as rendering that page's model.
 */
final class Skeleton {

	/** The markup between the texts, as UTF-8 once: a page is mostly markup, and its encoding was most of a fill. */
	private final byte[][] chunks;

	/** The number of the text after each chunk but the last. */
	private final int[] slots;

	/** The bytes of the chunks together. */
	private final int size;

	private Skeleton(String[] chunks, int[] slots) {
		this.chunks = new byte[chunks.length][];
		int bytes = 0;
		for (int i = 0; i < chunks.length; i++) {
			this.chunks[i] = chunks[i].getBytes(StandardCharsets.UTF_8);
			bytes += this.chunks[i].length;
		}
		this.slots = slots;
		this.size = bytes;
	}

	static Skeleton of(String rendered) {
		List<String> chunks = new ArrayList<>();
		List<Integer> slots = new ArrayList<>();
		int from = 0;
		for (int open = rendered.indexOf(Tokens.OPEN); open >= 0; open = rendered.indexOf(Tokens.OPEN, from)) {
			int close = rendered.indexOf(Tokens.CLOSE, open);
			chunks.add(rendered.substring(from, open));
			slots.add(Integer.parseInt(rendered.substring(open + 1, close)));
			from = close + 1;
		}
		chunks.add(rendered.substring(from));
		return new Skeleton(chunks.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
	}

	/**
	 * The page with these texts, as UTF-8: each text escaped and encoded on its own, between the chunks'
	 * bytes. The same bytes as encoding the page as one string: a chunk begins and ends next to a token (a
	 * character of its own, never half of a pair of surrogates), so no character spans a chunk and a text.
	 */
	byte[] fill(List<String> values) {
		byte[][] texts = new byte[slots.length][];
		int total = size;
		String previous = null;
		for (int i = 0; i < slots.length; i++) {
			String value = values.get(slots[i]);
			// the same text as the slot before (one instance: the numbers' 0, a cell's class) is encoded once
			texts[i] = i > 0 && value == previous ? texts[i - 1]
					: HtmlEscape.escapeHtml4Xml(value).getBytes(StandardCharsets.UTF_8);
			previous = value;
			total += texts[i].length;
		}
		byte[] page = new byte[total];
		int at = 0;
		for (int i = 0; i < slots.length; i++) {
			System.arraycopy(chunks[i], 0, page, at, chunks[i].length);
			at += chunks[i].length;
			System.arraycopy(texts[i], 0, page, at, texts[i].length);
			at += texts[i].length;
		}
		byte[] last = chunks[chunks.length - 1];
		System.arraycopy(last, 0, page, at, last.length);
		return page;
	}

}
