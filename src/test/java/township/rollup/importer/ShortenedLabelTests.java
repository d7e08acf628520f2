package township.rollup.importer;

import java.util.List;

import org.junit.jupiter.api.Test;

import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.RowDef;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row label printed with characters lost is taken only when exactly one text of the table can be
 * meant ({@link RowIndex#matchShortened}). Labels here are written by hand, from real reports where they
 * exist (洪泽区 2023, 2024: {@code 2.其他法律行政止公开}).
 */
class ShortenedLabelTests {

	private static final ReportFormat F2021 = ReportFormats.standard().find("2021").orElseThrow();

	private static final ReportFormat F2019 = ReportFormats.standard().find("2019").orElseThrow();

	private static final String NOT_PUBLIC = LabelText.key("（三）不予公开");

	private static final String UNABLE = LabelText.key("（四）无法提供");

	private static List<String> codes(ReportFormat format, String table, String printed, String group) {
		return new RowIndex(format, format.table(table)).matchShortened(printed, group).stream().map(RowDef::code).toList();
	}

	@Test
	void aLabelThatLostWordsIsItsRowWhenNoOtherTextOfTheTableCanBeMeant() {
		assertThat(codes(F2021, "T3", "2.其他法律行政止公开", NOT_PUBLIC)).containsExactly("T3.r3_3_2");
		assertThat(codes(F2019, "T3", "2.其他法律行政止公开", NOT_PUBLIC)).containsExactly("T3.r3_3_2");
		assertThat(codes(F2021, "T2", "行政规范文件", "")).containsExactly("T2.i1.norm");
	}

	@Test
	void aNumberedRowIsStillOnlyItsRowUnderItsOwnGroup() {
		assertThat(codes(F2021, "T3", "2.其他法律行政止公开", UNABLE)).isEmpty();
	}

	@Test
	void tooMuchLostOrAnotherFirstCharacterOrExtraCharactersAreNotTaken() {
		// 2其他法律 keeps 5 of 13 characters
		assertThat(codes(F2021, "T3", "2.其他法律", NOT_PUBLIC)).isEmpty();
		// the number lost: the first character is not the official one's
		assertThat(codes(F2021, "T3", "其他法律行政法规禁止公开", NOT_PUBLIC)).isEmpty();
		// another number
		assertThat(codes(F2021, "T3", "3.其他法律行政止公开", NOT_PUBLIC)).isEmpty();
		// a character the official label does not have
		assertThat(codes(F2021, "T3", "2.其他法律行政法规不公开", NOT_PUBLIC)).isEmpty();
		// three characters are not a label
		assertThat(codes(F2021, "T2", "行政许", "")).isEmpty();
		// a whole text of the table is not a shortening of another (规章 is a row of its own)
		assertThat(codes(F2021, "T2", "规章", "")).isEmpty();
	}

	@Test
	void whenTwoTextsCouldBeMeantNoneIsTaken() {
		// 2021 Table 2: 本年发件数 lost one character of 本年制发件数 only; 本年件数 could be 本年制发件数 or
		// 本年废止件数 (and keeps 4 of 6, under three quarters anyway)
		List<String> t2 = List.of("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量").stream().map(LabelText::key).toList();
		assertThat(RowIndex.onlyShortened(LabelText.key("本年发件数"), t2)).isEqualTo(LabelText.key("本年制发件数"));
		// two labels of one table that differ in one character: a label that lost that character is either
		List<String> close = List.of(LabelText.key("4.保护第三方合法权益"), LabelText.key("4.保护第三方合法利益"));
		assertThat(RowIndex.onlyShortened(LabelText.key("4.保护第三方合法益"), close)).isNull();
		assertThat(RowIndex.onlyShortened(LabelText.key("4.保护第三方合法权益"), close)).isNull();
		assertThat(RowIndex.onlyShortened(LabelText.key("4.保护第三方合法权"), close))
			.isEqualTo(LabelText.key("4.保护第三方合法权益"));
	}

	@Test
	void theRuleCountsCharactersAfterNormalisation() {
		// 10 of 13 kept: 40 >= 39
		assertThat(RowIndex.isShortened(LabelText.key("2.其他法律行政止公开"), LabelText.key("2.其他法律行政法规禁止公开"))).isTrue();
		// 9 of 13: 36 < 39
		assertThat(RowIndex.isShortened(LabelText.key("2.其他法律行政公开"), LabelText.key("2.其他法律行政法规禁止公开"))).isFalse();
		// in order only
		assertThat(RowIndex.isShortened(LabelText.key("2.其他行政法律禁止公开"), LabelText.key("2.其他法律行政法规禁止公开"))).isFalse();
	}

	@Test
	void theImportRecordSaysWhichRowsWereKnownByAShortenedLabelAndShowsItAsPrinted() {
		// when: the PDF made here with 洪泽区's printed labels
		ImportResult result = ImporterFixtures.readFixture("pdf/pdf-2021-printed-labels.pdf", null);

		// then
		CellImport shortened = result.cell("T3.r3_3_2.np");
		assertThat(shortened.status()).isEqualTo(ImportStatus.VALUE);
		assertThat(shortened.text()).isEqualTo("61");
		assertThat(shortened.reason()).isEqualTo(Reason.SHORTENED_LABEL);
		assertThat(shortened.args()).containsExactly("2.其他法律行政止公开");
		// a label printed with a space inside is the label itself, not a shortened one
		assertThat(result.cell("T3.r3_5_4.np").reason()).isEqualTo(Reason.IN_ORDER);
		assertThat(result.cell("T3.r3_3_1.np").reason()).isEqualTo(Reason.IN_ORDER);
	}

}
