package township.rollup.bytes;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one decoding of text a person saved; ingest's DecoderTests cover it through submissions. */
class TextDecoderTests {

	@Test
	void utf8WithAndWithoutBomAndGbk() {
		byte[] utf8 = "偃师市,城关镇".getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[utf8.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, bom, 3, utf8.length);

		assertThat(TextDecoder.decode(utf8)).isEqualTo(new TextDecoder.Text("偃师市,城关镇", "UTF-8"));
		assertThat(TextDecoder.decode(bom)).isEqualTo(new TextDecoder.Text("偃师市,城关镇", "UTF-8 (BOM)"));
		assertThat(TextDecoder.decode("偃师市,城关镇".getBytes(Charset.forName("GBK"))))
			.isEqualTo(new TextDecoder.Text("偃师市,城关镇", "GB18030"));
	}

	@Test
	void aByteNoEncodingReadsIsLocated() {
		// "a\nb" then 0xFF: line 2, byte 3
		assertThat(TextDecoder.decode(new byte[] { 'a', '\n', 'b', (byte) 0xFF }))
			.isEqualTo(new TextDecoder.Undecodable(2, 3));
	}

}
