package township.rollup.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page on disk counts as rendered from its source only when it is whole: the pages are renamed into
 * place before the one sync at the end of the run, so after a power cut a page may be empty or cut short,
 * and the next run must render it again rather than take it for unchanged.
 */
class FeedbackPageWholeTests {

	static final String HEAD = "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta name=\"rollup-source\" content=\"abc123\">\n";

	@TempDir
	Path dir;

	@Test
	void aWholePageOfTheSameSourceIsUnchanged() throws IOException {
		Path page = write(HEAD + "<body>表一</body>\n</html>\n");
		assertThat(FeedbackPages.renderedFrom(page, "abc123")).isTrue();
	}

	@Test
	void aPageOfAnotherSourceIsRenderedAgain() throws IOException {
		Path page = write(HEAD + "<body>表一</body>\n</html>\n");
		assertThat(FeedbackPages.renderedFrom(page, "abc124")).isFalse();
	}

	@Test
	void aPageCutShortIsRenderedAgain() throws IOException {
		Path page = write(HEAD + "<body>表一</bo");
		assertThat(FeedbackPages.renderedFrom(page, "abc123")).isFalse();
	}

	@Test
	void aPageWhoseEndIsZerosIsRenderedAgain() throws IOException {
		byte[] head = (HEAD + "<body>表一</body>\n").getBytes(StandardCharsets.UTF_8);
		byte[] bytes = java.util.Arrays.copyOf(head, head.length + 8);
		Path page = dir.resolve("410999000001_单位.html");
		Files.write(page, bytes);
		assertThat(FeedbackPages.renderedFrom(page, "abc123")).isFalse();
	}

	@Test
	void anEmptyOrMissingPageIsRenderedAgain() throws IOException {
		assertThat(FeedbackPages.renderedFrom(write(""), "abc123")).isFalse();
		assertThat(FeedbackPages.renderedFrom(dir.resolve("missing.html"), "abc123")).isFalse();
	}

	private Path write(String text) throws IOException {
		Path page = dir.resolve("410999000001_单位.html");
		Files.writeString(page, text);
		return page;
	}

}
