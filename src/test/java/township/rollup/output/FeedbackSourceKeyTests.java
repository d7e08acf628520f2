package township.rollup.output;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import township.rollup.board.BoardLine;
import township.rollup.board.UnitStatus;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingCodec;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;
import township.rollup.store.UnitRecordStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feedback page's source digest is SHA-256 of one text: the templates' digest, the parent's name, the
 * unit's line, its file's fields, its numbers and its findings, a line each. Pages on disk carry it, so it
 * must not change when the way it is computed does (else every page of a nation is rendered again).
 */
class FeedbackSourceKeyTests {

	/** SHA-256 of the UTF-8 text, computed here with the JDK. */
	static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void isTheDigestOfTheSourceAsOneText() throws Exception {
		// names in Chinese and a character outside the BMP (a surrogate pair), where UTF-16 and UTF-8 differ most
		BoardLine line = new BoardLine(2020, "410999103000", "丙街道𠀀", UnitStatus.ACCEPTED, null, 17L, 0, 1, 1,
				"410999000000", "街道", "OWN", 0, 0, false);
		Finding warning = new Finding("R-7", Severity.WARNING,
				new Where("410999103000_丙街道_2020.csv", 12, "T2", "表二", "i1", "规章", "new", "本年新制作数量", "B3"),
				new BigDecimal("3"), new BigDecimal("4.50"), null, "差异𠀀", "difference", null);
		UnitRecordStore.UnitRecord record = new UnitRecordStore.UnitRecord(line, 9L, 2, "410999103000_丙街道_2020.csv",
				"ab".repeat(32), 1234L, "UTF-8", Instant.parse("2021-01-02T03:04:05Z"),
				Instant.parse("2021-01-02T03:05:06Z"), "2019", "k1;1,,2;5", List.of(warning));

		String text = "RENDERING\n" + "甲县𠀀\n" + line + "\n" + "9,2,410999103000_丙街道_2020.csv," + "ab".repeat(32)
				+ ",1234,UTF-8,2021-01-02T03:04:05Z,2021-01-02T03:05:06Z,2019\n" + "k1;1,,2;5\n"
				+ FindingCodec.encode(List.of(warning));

		assertThat(FeedbackPages.sourceKey("RENDERING", "甲县𠀀", record)).isEqualTo(sha256(text));
	}

	@Test
	void aUnitWithoutFileOrFindingsHasItsNullsWritten() throws Exception {
		BoardLine line = new BoardLine(2020, "410999104000", "丁乡", UnitStatus.MISSING, null, null, 0, 0, 0,
				"410999000000", "乡", "OWN", 0, 0, false);
		UnitRecordStore.UnitRecord record = new UnitRecordStore.UnitRecord(line, null, null, null, null, null, null,
				null, null, null, null, List.of());

		String text = "RENDERING\n\n" + line + "\nnull,null,null,null,null,null,null,null,null\nnull\n";

		assertThat(FeedbackPages.sourceKey("RENDERING", "", record)).isEqualTo(sha256(text));
	}

}
