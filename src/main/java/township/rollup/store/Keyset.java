package township.rollup.store;

import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Walks a year's rows in pages of bounded size, each page the rows after the key of the last row of
 * the page before (keyset pagination). A fetch size bounds nothing on an in-process HSQLDB connection,
 * which builds a whole result in memory whatever it is asked; a page bounds memory on both databases.
 * A key must be unique and ordered as the page's {@code ORDER BY}: the unit code of the board, or a
 * composite that ends in a row id where several rows share the leading columns. A page of a table with an
 * index on the key is ordered exactly as the index ({@code ORDER BY report_year, unit_code}, not
 * {@code unit_code} alone): HSQLDB then reads the page's rows from the index and stops at the limit;
 * otherwise it builds and sorts the whole year for every page (measured: the roll-up of 40,000 units took
 * minutes instead of seconds).
 */
final class Keyset {

	/** Rows of a page: what one page holds in memory (with its findings) at most. */
	static final int PAGE_SIZE = 500;

	private Keyset() {
	}

	/** One page: at most {@code size} rows after {@code key} (null: from the first row), in key order. */
	@FunctionalInterface
	interface Page<K, T> {

		List<T> after(K key, int size);

	}

	/**
	 * Every page in order, to {@code sink}, until a page comes back short. {@code keyOf} gives the key of
	 * a row, which the next page starts after.
	 */
	static <K, T> void forEachPage(int size, Page<K, T> page, Function<T, K> keyOf, Consumer<List<T>> sink) {
		if (size < 1) {
			throw new IllegalArgumentException("page size " + size);
		}
		K after = null;
		while (true) {
			List<T> rows = page.after(after, size);
			if (rows.isEmpty()) {
				return;
			}
			sink.accept(rows);
			if (rows.size() < size) {
				return;
			}
			after = keyOf.apply(rows.get(rows.size() - 1));
		}
	}

	/** {@code ?, ?, …} for an {@code IN} list of {@code n} values. */
	static String marks(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

}
