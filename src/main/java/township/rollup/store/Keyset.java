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

	/**
	 * {@link #forEachPage}, with each page read and made into what the sink takes ({@code made}) on a reader
	 * thread of its own while the sink handles the page before: the database's time and the sink's overlap,
	 * two pages in memory at most. For reading what earlier transactions committed (the reader thread has a
	 * connection of its own, outside the caller's transaction). {@code rows} are the page's rows before they
	 * are made, for the key of the next page.
	 */
	static <K, T, R> void forEachPageReadAhead(int size, Page<K, T> page, Function<T, K> keyOf,
			Function<List<T>, R> made, Consumer<R> sink) {
		if (size < 1) {
			throw new IllegalArgumentException("page size " + size);
		}
		java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "keyset-reader");
			t.setDaemon(true);
			return t;
		});
		try {
			java.util.concurrent.Future<Read<T, R>> next = reader.submit(() -> Read.of(page.after(null, size), made));
			while (true) {
				Read<T, R> read = waitFor(next);
				if (read.rows().isEmpty()) {
					return;
				}
				boolean last = read.rows().size() < size;
				if (!last) {
					K after = keyOf.apply(read.rows().get(read.rows().size() - 1));
					next = reader.submit(() -> Read.of(page.after(after, size), made));
				}
				sink.accept(read.made());
				if (last) {
					return;
				}
			}
		}
		finally {
			reader.shutdownNow();
		}
	}

	/** A page's rows and what was made of them. */
	private record Read<T, R>(List<T> rows, R made) {

		static <T, R> Read<T, R> of(List<T> rows, Function<List<T>, R> made) {
			return new Read<>(rows, rows.isEmpty() ? null : made.apply(rows));
		}

	}

	private static <T> T waitFor(java.util.concurrent.Future<T> reading) {
		try {
			return reading.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading a page", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("cannot read a page", ex.getCause());
		}
	}

	/** {@code ?, ?, …} for an {@code IN} list of {@code n} values. */
	static String marks(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

}
