package township.rollup.submission;

import org.junit.jupiter.api.Test;

import township.rollup.submission.TextLimits.Marker;

import static org.assertj.core.api.Assertions.assertThat;

class TextLimitsTests {

	@Test
	void textWithinItsLimitIsKeptAsItIs() {
		assertThat(TextLimits.cut("城关镇", 3)).isEqualTo("城关镇");
		assertThat(TextLimits.cut(null, 3)).isNull();
		assertThat(TextLimits.fits("城关镇", 3)).isTrue();
	}

	@Test
	void longerTextIsCutWithTheMarkerOfItsReaderAndNeverExceedsTheLimit() {
		String text = "a".repeat(5000);
		// 20 - 13 characters of marker = 7 kept
		assertThat(TextLimits.cut(text, 20, Marker.ZH)).isEqualTo("aaaaaaa…（原文共 5000 字）").hasSize(20);
		// 40 - 26 = 14
		assertThat(TextLimits.cut(text, 40, Marker.EN)).isEqualTo("aaaaaaaaaaaaaa… (5000 characters in all)").hasSize(40);
		// 30 - 24 = 6
		assertThat(TextLimits.cut(text, 30)).isEqualTo("aaaaaa…（共 5000 字 / 5000 chars）").hasSize(30);
		assertThat(TextLimits.fits(text, 30)).isFalse();
	}

	@Test
	void theOriginalLengthCountsCharactersNotCodeUnits() {
		// 𠀀 (U+20000) is two UTF-16 units and one character
		String text = "𠀀".repeat(100);
		String cut = TextLimits.cut(text, 30, Marker.ZH);
		assertThat(cut).endsWith("…（原文共 100 字）");
		assertThat(Character.isHighSurrogate(cut.charAt(cut.indexOf('…') - 1))).isFalse();
		assertThat(cut.length()).isLessThanOrEqualTo(30);
	}

	@Test
	void controlCharactersAreShownAsTheirPictures() {
		assertThat(TextLimits.cut("a\u0000b\rc\u001bd\u007fe\tf", 100)).isEqualTo("a␀b␍c␛d␡e\tf");
		assertThat(TextLimits.fits("a\u0000b", 100)).isFalse();
	}

	@Test
	void aFileNameShowsEveryControlCharacterTabAndC1IncludedAsAPicture() {
		assertThat(TextLimits.name("410999103000_丙\n街道\t_2020\r\u0007\u007f\u0085\u009f.csv"))
			.isEqualTo("410999103000_丙␊街道␉_2020␍␇␡\uFFFD\uFFFD.csv");
		assertThat(TextLimits.name(null)).isNull();
		assertThat(TextLimits.name("410999103000_丙街道_2020.csv")).isEqualTo("410999103000_丙街道_2020.csv");
		// shown twice, the same: pictures are no control characters
		assertThat(TextLimits.name(TextLimits.name("a\tb\nc"))).isEqualTo("a␉b␊c");
		// other text keeps its tab; a C1 control is shown there too
		assertThat(TextLimits.cut("a\tb\u0085c", 100)).isEqualTo("a\tb\uFFFDc");
	}

	@Test
	void aLongFileNameIsCutToTheLimitOfANameAfterItsControlsAreShown() {
		String name = "\n".repeat(300) + ".pdf";

		String shown = TextLimits.name(name);

		assertThat(shown).hasSize(TextLimits.FILE_NAME).startsWith("␊␊␊").endsWith("…（共 304 字 / 304 chars）")
			.doesNotContain("\n");
	}

	@Test
	void recordsFromAFileAreBoundedHoweverTheyAreMade() {
		Cell cell = new Cell("T3.r1.np", 1, "9".repeat(300), CellKind.TEXT, null);
		Note note = new Note(2, "X".repeat(100), "说".repeat(2000));
		Meta meta = new Meta("镇".repeat(500), null, null, null);
		assertThat(cell.raw()).hasSize(TextLimits.RAW_CELL).endsWith("…（共 300 字 / 300 chars）");
		assertThat(note.ruleId()).hasSize(TextLimits.CODE);
		assertThat(note.text()).hasSize(TextLimits.NOTE).endsWith("…（共 2000 字 / 2000 chars）");
		assertThat(meta.unitName()).hasSize(TextLimits.WRITTEN_LABEL);
	}

}
