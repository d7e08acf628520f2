package township.rollup.importer;

import java.util.List;

import org.junit.jupiter.api.Test;

import township.rollup.reportformat.ReportFormats;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTests {

	private final Vocabulary vocabulary = new Vocabulary(ReportFormats.standard());

	private List<Token> tokens(String text) {
		return Tokens.of(TextLayout.read(text).lines(), vocabulary::isWholeLabel);
	}

	@Test
	void labelsBrokenOverLinesAreJoinedOnlyIntoALabelTheFormatsHave() {
		List<Token> tokens = tokens("本年新\n制作数量\n\n商业\n\n企业\n本年增/\n处理决定数量\n规章\n  0\n0 \n");
		assertThat(tokens).extracting(Token::text)
			.containsExactly("本年新制作数量", "商业企业", "本年增/", "处理决定数量", "规章", "  0", "0 ");
		assertThat(tokens).extracting(Token::kind)
			.containsExactly(Token.Kind.TEXT, Token.Kind.TEXT, Token.Kind.TEXT, Token.Kind.TEXT, Token.Kind.TEXT,
					Token.Kind.VALUE, Token.Kind.VALUE);
	}

	@Test
	void aHeadingDoesNotJoinTheNoteUnderIt() {
		List<Token> tokens = tokens("三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n");
		assertThat(tokens).hasSize(2);
	}

	@Test
	void digitsInALabelNeverMakeItAValue() {
		for (String label : List.of("1.属于国家秘密", "采购总金额(单位:万元,保留4位小数)", "2020年", "1-2名", "（一）")) {
			assertThat(Tokens.kind(label)).as(label).isEqualTo(Token.Kind.TEXT);
		}
		for (String value : List.of("0", " 12 ", "30.5", "+19", "-8", "68余", "251000元", "/", "—", "１２")) {
			assertThat(Tokens.kind(value)).as(value).isEqualTo(Token.Kind.VALUE);
		}
	}

	@Test
	void pipeLinesAreRowsWhenTheyHoldTwoCellsAndRunsOfEmptyCellsWhenTheyHoldBarsOnly() {
		assertThat(TextLayout.line(1, "规章 | 0 | 0 | 0 | |").layout()).isEqualTo(SourceLine.Layout.ROW);
		assertThat(TextLayout.line(1, "规章 | 0 | 0 | 0 | |").fields()).hasSize(5);
		assertThat(TextLayout.line(1, "行政许可 | ||||").fields()).extracting(SourceLine.Field::text)
			.containsExactly("行政许可 ", " ", "", "", "");
		assertThat(TextLayout.line(1, "规章 |").layout()).isEqualTo(SourceLine.Layout.CELL);
		assertThat(TextLayout.line(1, "规章 |").fields()).hasSize(1);
		assertThat(TextLayout.line(1, "|").fields()).isEmpty();
		assertThat(TextLayout.line(1, "||||").fields()).hasSize(3);
	}

}
