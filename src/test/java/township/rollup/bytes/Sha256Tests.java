package township.rollup.bytes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Tests {

	// FIPS 180-2, appendix B.1 and B.2; the empty message from NIST's example values
	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	private static final String TWO_BLOCKS = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";

	private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	@Test
	void knownAnswers() {
		assertThat(Sha256.hex("abc")).isEqualTo(ABC);
		assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
		assertThat(Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).isEqualTo(TWO_BLOCKS);
		assertThat(Sha256.start().hex()).isEqualTo(EMPTY);
	}

	@Test
	void piecesHashLikeTheWhole() {
		assertThat(Sha256.start().add("abcdbcdecdefdefgefghfghighij").add("hijkijkljklmklmnlmnomnopnopq".getBytes(
				StandardCharsets.US_ASCII)).hex()).isEqualTo(TWO_BLOCKS);
	}

	@Test
	void textIsHashedAsUtf8() {
		// "县" is E5 8E BF in UTF-8
		assertThat(Sha256.hex("县")).isEqualTo(Sha256.hex(new byte[] { (byte) 0xE5, (byte) 0x8E, (byte) 0xBF }));
	}

	@Test
	void aFile(@TempDir Path dir) throws Exception {
		Path file = Files.write(dir.resolve("a.txt"), "abc".getBytes(StandardCharsets.US_ASCII));
		assertThat(Sha256.hexOf(file)).isEqualTo(ABC);
	}

}
