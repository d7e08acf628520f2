package township.rollup.importer;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import township.rollup.importer.ColumnText.Line;
import township.rollup.importer.ColumnText.Word;

import static org.assertj.core.api.Assertions.assertThat;

/** The text layer of the fixture PDFs as positioned words, with the ruling lines' cell rows where drawn. */
class PdfTextTests {

	private static List<Word> words(String fixture) {
		PdfText.Result result = PdfText.read(ImporterFixtures.bytes("pdf/" + fixture));
		assertThat(result.problem()).isNull();
		return result.lines().stream().flatMap(l -> l.words().stream()).toList();
	}

	private static Word word(List<Word> words, String text) {
		Optional<Word> found = words.stream().filter(w -> w.text().equals(text)).findFirst();
		assertThat(found).as(text).isPresent();
		return found.get();
	}

	@Test
	void aRuledTableGivesTheLinesOfOneCellAndItsRowsValuesOneBand() {
		// given
		List<Word> words = words("pdf-2019-ruled-split.pdf");

		// then: the two lines of （二）'s label and its numbers are one cell row; the next row is another
		Word first = word(words, "（二）部分公开（区分处理的，只计这一情");
		assertThat(first.band()).isNotNegative();
		assertThat(word(words, "形，不计其他情形）").band()).isEqualTo(first.band());
		assertThat(word(words, "41").band()).isEqualTo(first.band());
		assertThat(word(words, "47").band()).isEqualTo(first.band());
		assertThat(word(words, "31").band()).isNotEqualTo(first.band());
	}

	@Test
	void theLinesOfARuledCellAreOneLabelEvenWhenTheFormatsDoNotKnowIt() {
		// given: Table 3's corner note, wrapped over two lines, is no label of a format
		PdfText.Result result = PdfText.read(ImporterFixtures.bytes("pdf/pdf-2019-ruled-split.pdf"));

		// when
		List<SourceLine> lines = ColumnText.assemble(result.lines(), text -> false, ColumnText.POINTS);

		// then
		assertThat(lines).extracting(SourceLine::text)
			.contains("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
	}

	@Test
	void anUnruledTableHasNoBands() {
		assertThat(words("pdf-2021-unruled-centered.pdf")).extracting(Word::band).containsOnly(-1L);
	}

	@Test
	void linesAreNumberedInReadingOrderOverThePages() {
		// given
		PdfText.Result result = PdfText.read(ImporterFixtures.bytes("pdf/pdf-2019-ruled-split.pdf"));

		// then: from 1, one by one, the title page first
		List<Integer> numbers = result.lines().stream().map(Line::number).toList();
		assertThat(numbers.get(0)).isEqualTo(1);
		for (int i = 1; i < numbers.size(); i++) {
			assertThat(numbers.get(i)).isEqualTo(numbers.get(i - 1) + 1);
		}
		assertThat(result.lines().get(0).words()).extracting(Word::text).containsExactly("东湖镇人民政府");
		assertThat(result.pages()).isEqualTo(3);
	}

}
