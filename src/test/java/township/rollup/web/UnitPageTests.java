package township.rollup.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import township.rollup.store.UploadStore;

import static org.assertj.core.api.Assertions.assertThat;

class UnitPageTests {

	static UploadStore.Upload sent(String who, String at) {
		return new UploadStore.Upload(2020, "410999101000", "f.csv", "f.csv", "a".repeat(64), 10, who, null,
				Instant.parse(at));
	}

	/** The same content sent twice is two versions: each names the upload that made it, not the first. */
	@Test
	void aVersionNamesTheLastUploadOfItsContentBeforeIt() {
		List<UploadStore.Upload> uploads = List.of(sent("first", "2026-12-06T01:00:00Z"),
				sent("second", "2026-12-06T03:00:00Z"));
		assertThat(UnitPage.sender(uploads, Instant.parse("2026-12-06T01:00:05Z")).username()).isEqualTo("first");
		assertThat(UnitPage.sender(uploads, Instant.parse("2026-12-06T03:00:05Z")).username()).isEqualTo("second");
		assertThat(UnitPage.sender(List.of(), Instant.parse("2026-12-06T03:00:05Z"))).isNull();
	}

}
