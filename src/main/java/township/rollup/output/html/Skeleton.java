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

	private final String[] chunks;

	/** The number of the text after each chunk but the last. */
	private final int[] slots;

	private final int size;

	private Skeleton(String[] chunks, int[] slots, int size) {
		this.chunks = chunks;
		this.slots = slots;
		this.size = size;
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
		return new Skeleton(chunks.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray(),
				rendered.length());
	}

	byte[] fill(List<String> values) {
		StringBuilder page = new StringBuilder(size + size / 4);
		for (int i = 0; i < slots.length; i++) {
			page.append(chunks[i]).append(HtmlEscape.escapeHtml4Xml(values.get(slots[i])));
		}
		page.append(chunks[chunks.length - 1]);
		return page.toString().getBytes(StandardCharsets.UTF_8);
	}

}
