package township.rollup.output.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts of one page as it is made: {@link #text} keeps a text and returns a token in its place, so
 * that a page's model holds only tokens where units differ and its layout where they do not. A page
 * rendered from such a model is the skeleton of every page of that layout ({@link Skeleton}). An empty
 * or absent text is kept as it is, never a token: a template may decide on it ({@code th:if}), so it is
 * part of the layout. {@link #NONE} keeps every text as it is, for a page rendered directly.
 */
public class Tokens {

	/** A token: a private-use character, the token's number, another: never in a layout's own text. */
	static final char OPEN = '\uE000';

	static final char CLOSE = '\uE001';

	/** Keeps each text as it is: the model is the page's own. */
	public static final Tokens NONE = new Tokens() {

		@Override
		public String text(String value) {
			return value;
		}

	};

	private final List<String> values = new ArrayList<>();

	public String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		values.add(value);
		int n = values.size() - 1;
		return n < MADE.length ? MADE[n] : token(n);
	}

	/** The first tokens made once: a page has about 700 texts, and making each token was a cost of its own. */
	private static final String[] MADE = java.util.stream.IntStream.range(0, 4096)
		.mapToObj(Tokens::token)
		.toArray(String[]::new);

	private static String token(int n) {
		return OPEN + Integer.toString(n) + CLOSE;
	}

	/** How many texts are kept: the number of the next token. */
	int count() {
		return values.size();
	}

	List<String> values() {
		return values;
	}

}
