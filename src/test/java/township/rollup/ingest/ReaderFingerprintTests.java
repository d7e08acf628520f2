package township.rollup.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderFingerprintTests {

	/** Classes of this package that do not decide what is read from a file. */
	private static final Set<String> NOT_READING = Set.of("Attribution", "IdentityCheck", "Inbox", "Inbox$Entry",
			"Inbox$Kind", "Inbox$Scan", "Inbox$1", "InboxChanges", "ReaderFingerprint", "SubmissionParser$DecodedText", "package-info");

	@Test
	void everyClassOfTheIngestRoomIsInTheFingerprintOrKnownNotToAffectReading() throws IOException {
		Path dir = Path.of("target/classes/township/rollup/ingest");
		List<String> classes;
		try (Stream<Path> files = Files.list(dir)) {
			classes = files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".class"))
				.map(n -> n.substring(0, n.length() - ".class".length()))
				.toList();
		}
		for (String name : classes) {
			assertThat(NOT_READING.contains(name)
					|| ReaderFingerprint.READING_CLASSES.contains("township/rollup/ingest/" + name))
				.as("ingest class " + name + " must be listed in ReaderFingerprint.READING_CLASSES or NOT_READING")
				.isTrue();
		}
	}

	@Test
	void theFingerprintIsAStableSha256() {
		assertThat(ReaderFingerprint.value()).hasSize(64).isEqualTo(ReaderFingerprint.value());
	}

}
