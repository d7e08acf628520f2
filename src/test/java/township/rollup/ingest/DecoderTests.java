package township.rollup.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import township.rollup.ingest.Decoder.Problem;
import township.rollup.ingest.Decoder.ProblemKind;
import township.rollup.ingest.Decoder.Text;

import static org.assertj.core.api.Assertions.assertThat;

/** How the bytes of a submission become text: UTF-8, UTF-8 with BOM, GBK; strict, never replaced. */
class DecoderTests {

	private static final Charset GBK = Charset.forName("GBK");

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	@Test
	void plainUtf8IsDecodedAsUtf8() {
		// given
		byte[] bytes = "META.unit_name,单位名称,邙岭镇\r\nT2.i9.proc,政府集中采购,2,30.5\r\n"
			.getBytes(StandardCharsets.UTF_8);

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(
				new Text("META.unit_name,单位名称,邙岭镇\r\nT2.i9.proc,政府集中采购,2,30.5\r\n", "UTF-8"));
	}

	@Test
	void asciiOnlyIsUtf8() {
		// given
		byte[] bytes = "T3.r1,x,0,0,0\n".getBytes(StandardCharsets.US_ASCII);

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Text("T3.r1,x,0,0,0\n", "UTF-8"));
	}

	@Test
	void utf8WithBomIsNamedSoAndTheBomIsStripped() {
		// given
		byte[] bytes = concat(bytes(0xEF, 0xBB, 0xBF), "代码,项目,填报内容\n".getBytes(StandardCharsets.UTF_8));

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Text("代码,项目,填报内容\n", "UTF-8 (BOM)"));
		assertThat(((Text) result).text()).doesNotContain("\uFEFF");
	}

	@Test
	void gbkBytesAreDecodedAsGb18030WithTheRightChineseText() {
		// given
		byte[] bytes = "META.unit_name,单位名称,顾县镇\r\nT3.r1,一、本年新收政府信息公开申请数量,3,0,0,0,0,0,3\r\n"
			.getBytes(GBK);

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Text(
				"META.unit_name,单位名称,顾县镇\r\nT3.r1,一、本年新收政府信息公开申请数量,3,0,0,0,0,0,3\r\n", "GB18030"));
		assertThat(((Text) result).text()).doesNotContain("\uFFFD");
	}

	@Test
	void theRealGbkSubmissionOfTheSampleCityIsReadAsGb18030() throws IOException {
		// given: 顾县镇 saved its report from Excel as "CSV (逗号分隔)", which is GBK
		byte[] bytes = Files.readAllBytes(Path.of("input/2020/410381103000_顾县镇_2020.csv"));

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isInstanceOf(Text.class);
		Text text = (Text) result;
		assertThat(text.encoding()).isEqualTo("GB18030");
		assertThat(text.text()).contains("META.unit_name,单位名称,顾县镇")
			.contains("T3.r3_3_3,3.危及“三安全一稳定”")
			.doesNotContain("\uFFFD");
	}

	@Test
	void utf8TextIsNeverMisreadAsGbk() {
		// given: every Chinese character is 3 bytes in UTF-8
		byte[] bytes = "规章,0\n政府集中采购,2\n".getBytes(StandardCharsets.UTF_8);

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Text("规章,0\n政府集中采购,2\n", "UTF-8"));
	}

	@Test
	void anUndecodableByteIsReportedWithItsLineAndByteOffset() {
		// given: "a,b\n" (bytes 0-3), "c,d\n" (4-7), then "e," (8-9) and 0xFF at byte 10 on line 3
		byte[] bytes = concat("a,b\nc,d\ne,".getBytes(StandardCharsets.US_ASCII), bytes(0xFF),
				"\nf,g\n".getBytes(StandardCharsets.US_ASCII));

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Problem(ProblemKind.UNDECODABLE, 3, 10));
	}

	@Test
	void anUndecodableByteAfterChineseUtf8TextIsReportedOnItsOwnLine() {
		// given: "单位,甲\n" is 3+3+1+3+1 = 11 bytes (0-10); line 2 "乙," is bytes 11-14; 0xFF is byte 15
		byte[] bytes = concat("单位,甲\n乙,".getBytes(StandardCharsets.UTF_8), bytes(0xFF),
				"\n".getBytes(StandardCharsets.UTF_8));

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Problem(ProblemKind.UNDECODABLE, 2, 15));
	}

	@Test
	void anUndecodableByteInAUtf8FileWithBomCountsTheBomBytes() {
		// given: BOM (bytes 0-2), "a\n" (3-4), 0xFF at byte 5 on line 2
		byte[] bytes = concat(bytes(0xEF, 0xBB, 0xBF), "a\n".getBytes(StandardCharsets.US_ASCII), bytes(0xFF));

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Problem(ProblemKind.UNDECODABLE, 2, 5));
	}

	@Test
	void aCorruptByteInAGbkFileIsReportedWhereItIsNotAtTheFirstChineseCharacter() {
		// given: GBK text, every character 2 bytes: "甲镇,1\n" is bytes 0-6, "乙镇,2\n" bytes 7-13,
		// "丙" bytes 14-15, and the corrupt byte 0xFF is byte 16 on line 3. Lines 1 and 2 are valid GBK.
		byte[] bytes = concat("甲镇,1\n乙镇,2\n丙".getBytes(GBK), bytes(0xFF), "\n".getBytes(GBK));

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Problem(ProblemKind.UNDECODABLE, 3, 16));
	}

	@Test
	void decodingIsStrictAndNeverReplacesABadSequence() {
		// given: 0x80, 0x81 followed by a comma, and 0xFF are invalid in UTF-8 and in GB18030 alike
		byte[] lone80 = concat("x,".getBytes(StandardCharsets.US_ASCII), bytes(0x80), ",y\n".getBytes(
				StandardCharsets.US_ASCII));
		byte[] leadWithoutTrail = concat("x,".getBytes(StandardCharsets.US_ASCII), bytes(0x81),
				",y\n".getBytes(StandardCharsets.US_ASCII));
		byte[] loneFF = concat("x,".getBytes(StandardCharsets.US_ASCII), bytes(0xFF), ",y\n".getBytes(
				StandardCharsets.US_ASCII));

		// when / then
		assertThat(Decoder.decode(lone80)).isEqualTo(new Problem(ProblemKind.UNDECODABLE, 1, 2));
		assertThat(Decoder.decode(leadWithoutTrail)).isEqualTo(new Problem(ProblemKind.UNDECODABLE, 1, 2));
		assertThat(Decoder.decode(loneFF)).isEqualTo(new Problem(ProblemKind.UNDECODABLE, 1, 2));
	}

	@Test
	void noDecodedTextEverContainsTheReplacementCharacter() {
		// given
		byte[][] inputs = { "a,b\n".getBytes(StandardCharsets.UTF_8), "邙岭镇,1\n".getBytes(StandardCharsets.UTF_8),
				"邙岭镇,1\n".getBytes(GBK), concat(bytes(0xEF, 0xBB, 0xBF), "邙岭镇,1\n".getBytes(StandardCharsets.UTF_8)) };

		for (byte[] input : inputs) {
			// when
			Decoder.Result result = Decoder.decode(input);

			// then
			assertThat(result).isInstanceOf(Text.class);
			assertThat(((Text) result).text()).doesNotContain("\uFFFD").contains(",").doesNotContain("\uFEFF");
		}
	}

	@Test
	void anEmptyFileIsEmpty() {
		// when
		Decoder.Result result = Decoder.decode(new byte[0]);

		// then
		assertThat(result).isEqualTo(new Problem(ProblemKind.EMPTY, 0, 0));
	}

	@Test
	void zipMagicIsAnXlsxWorkbook() {
		// given
		byte[] bytes = concat(bytes(0x50, 0x4B, 0x03, 0x04), "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII));

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Problem(ProblemKind.XLSX, 0, 0));
	}

	@Test
	void oleMagicIsAnXlsWorkbook() {
		// given
		byte[] bytes = concat(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), new byte[64]);

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Problem(ProblemKind.XLS, 0, 0));
	}

	@Test
	void pdfMagicIsAPdf() {
		// given
		byte[] bytes = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Problem(ProblemKind.PDF, 0, 0));
	}

	@Test
	void utf16WithEitherByteOrderMarkIsUtf16() {
		// given
		byte[] littleEndian = concat(bytes(0xFF, 0xFE), "代码".getBytes(StandardCharsets.UTF_16LE));
		byte[] bigEndian = "代码,项目".getBytes(StandardCharsets.UTF_16); // Java writes FE FF first

		// when / then
		assertThat(Decoder.decode(littleEndian)).isEqualTo(new Problem(ProblemKind.UTF16, 0, 0));
		assertThat(Decoder.decode(bigEndian)).isEqualTo(new Problem(ProblemKind.UTF16, 0, 0));
	}

	@Test
	void nulBytesAreBinary() {
		// given
		byte[] bytes = concat("a,b\n".getBytes(StandardCharsets.US_ASCII), new byte[] { 0 },
				"c\n".getBytes(StandardCharsets.US_ASCII));

		// when
		Decoder.Result result = Decoder.decode(bytes);

		// then
		assertThat(result).isEqualTo(new Problem(ProblemKind.BINARY, 0, 0));
	}

}
