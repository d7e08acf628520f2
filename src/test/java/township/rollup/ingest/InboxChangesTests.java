package township.rollup.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InboxChangesTests {

	static Inbox.Entry entry(String name, String sha256) {
		return new Inbox.Entry(name, Path.of(name), Inbox.Kind.FILE, 1, sha256);
	}

	@Test
	void theSameFilesByNameAndHashAreNoChange() {
		// given
		Map<String, String> manifest = Map.of("a.csv", "aa", "b.xlsx", "bb");
		Inbox.Scan inbox = new Inbox.Scan(List.of(entry("a.csv", "aa"), entry("b.xlsx", "bb")), List.of("old"),
				List.of(".hidden"));

		// when
		InboxChanges changes = InboxChanges.between(manifest, inbox);

		// then: folders and ignored files are not submissions
		assertThat(changes.none()).isTrue();
	}

	@Test
	void namesEachFileAddedChangedOrRemovedInNameOrder() {
		// given
		Map<String, String> manifest = Map.of("a.csv", "aa", "b.csv", "bb", "c.csv", "cc", "z.csv", "zz");
		Inbox.Scan inbox = new Inbox.Scan(List.of(entry("a.csv", "aa"), entry("b.csv", "b2"), entry("y.csv", "yy"),
				entry("x.csv", "xx")), List.of(), List.of());

		// when
		InboxChanges changes = InboxChanges.between(manifest, inbox);

		// then
		assertThat(changes.none()).isFalse();
		assertThat(changes.added()).containsExactly("x.csv", "y.csv");
		assertThat(changes.changed()).containsExactly("b.csv");
		assertThat(changes.removed()).containsExactly("c.csv", "z.csv");
	}

	@Test
	void aRenamedFileIsOneRemovedAndOneAdded() {
		InboxChanges changes = InboxChanges.between(Map.of("a.csv", "aa"),
				new Inbox.Scan(List.of(entry("a-修订.csv", "aa")), List.of(), List.of()));

		assertThat(changes.added()).containsExactly("a-修订.csv");
		assertThat(changes.removed()).containsExactly("a.csv");
		assertThat(changes.changed()).isEmpty();
	}

}
