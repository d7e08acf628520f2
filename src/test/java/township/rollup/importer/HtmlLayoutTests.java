package township.rollup.importer;

import java.util.List;

import org.junit.jupiter.api.Test;

import township.rollup.importer.SourceLine.Field;
import township.rollup.importer.SourceLine.Layout;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlLayoutTests {

	@Test
	void rowspanAndColspanAreExpandedIntoAGridAndCarriedCellsAreMarked() {
		// given
		String html = """
				<html><body>
				<p>二、主动公开政府信息情况</p>
				<table>
				<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>3</td></tr>
				<tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>&nbsp;</td></tr>
				</table>
				</body></html>
				""";

		// when
		TextLayout.Text text = HtmlLayout.read(html);

		// then
		assertThat(text.complete()).isTrue();
		assertThat(text.lines()).hasSize(3);
		assertThat(text.lines().get(0).layout()).isEqualTo(Layout.CELL);
		assertThat(text.lines().get(0).fields()).extracting(Field::text).containsExactly("二、主动公开政府信息情况");
		SourceLine first = text.lines().get(1);
		assertThat(first.layout()).isEqualTo(Layout.GRID);
		assertThat(first.fields()).extracting(Field::text).containsExactly("三、本年度办理结果", "（一）予以公开", "3");
		assertThat(first.fields()).extracting(Field::carried).containsExactly(false, false, false);
		assertThat(first.number()).isEqualTo(4);
		SourceLine second = text.lines().get(2);
		assertThat(second.fields()).extracting(Field::text).containsExactly("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", " ");
		assertThat(second.fields()).extracting(Field::carried).containsExactly(true, false, false, false);
		assertThat(second.fields().get(2).line()).isEqualTo(5);
	}

	@Test
	void aPageWithoutItsEndIsCutOff() {
		assertThat(HtmlLayout.read("<html><body><table><tr><td>规章</td><td>1").complete()).isFalse();
	}

	@Test
	void tokensOfAGridRowAreExactUnlessAValueCameDownFromAbove() {
		String html = "<html><body><table><tr><td>a</td><td rowspan=\"2\">1</td></tr><tr><td>b</td></tr></table></body></html>";
		List<Token> tokens = Tokens.of(HtmlLayout.read(html).lines(), t -> false);
		assertThat(tokens).extracting(Token::text).containsExactly("a", "1", "", "b", "");
		assertThat(tokens.get(0).exact()).isTrue();
		assertThat(tokens.get(3).exact()).as("the 1 below is carried").isFalse();
	}

}
