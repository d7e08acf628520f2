package township.rollup.store;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pages read ahead on a reader thread come to the sink in order, each once, made on the reader thread, with
 * no page asked for after a short one; a failure while reading reaches the caller.
 */
class KeysetReadAheadTests {

	/** The rows 1..n, a page being those after the key, as a query would give them. */
	static Keyset.Page<Integer, Integer> rows(int n, List<String> asked) {
		return (after, size) -> {
			synchronized (asked) {
				asked.add(after + "+" + size);
			}
			int from = after == null ? 1 : after + 1;
			return IntStream.rangeClosed(from, Math.min(n, from + size - 1)).boxed().toList();
		};
	}

	@Test
	void everyPageComesOnceInOrderMadeOnTheReaderThread() {
		List<String> asked = new ArrayList<>();
		List<String> seen = new ArrayList<>();

		Keyset.forEachPageReadAhead(3, rows(7, asked), r -> r,
				page -> Thread.currentThread().getName() + ":" + page, seen::add);

		assertThat(seen).containsExactly("keyset-reader:[1, 2, 3]", "keyset-reader:[4, 5, 6]", "keyset-reader:[7]");
		// the page after a short page is never asked for
		assertThat(asked).containsExactly("null+3", "3+3", "6+3");
	}

	@Test
	void aFullLastPageEndsWithOneEmptyPageAndNoneComesOfAnEmptyYear() {
		List<String> asked = new ArrayList<>();
		List<List<Integer>> seen = new ArrayList<>();

		Keyset.forEachPageReadAhead(3, rows(6, asked), r -> r, page -> page, seen::add);
		Keyset.forEachPageReadAhead(3, rows(0, asked), r -> r, page -> page, seen::add);

		assertThat(seen).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6));
		assertThat(asked).containsExactly("null+3", "3+3", "6+3", "null+3");
	}

	@Test
	void aFailureWhileReadingReachesTheCallerAfterThePagesBeforeIt() {
		List<List<Integer>> seen = new ArrayList<>();
		Keyset.Page<Integer, Integer> failing = (after, size) -> {
			if (after != null && after >= 3) {
				throw new IllegalStateException("the database went away");
			}
			return List.of(1, 2, 3);
		};

		assertThatThrownBy(() -> Keyset.forEachPageReadAhead(3, failing, r -> r, page -> page, seen::add))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("the database went away");
		assertThat(seen).containsExactly(List.of(1, 2, 3));
	}

}
