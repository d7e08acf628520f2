package township.rollup.ingest;

import java.util.List;

import org.junit.jupiter.api.Test;

import township.rollup.ingest.GridReader.Grid;
import township.rollup.ingest.GridReader.GridLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Records of the submission grid, each with the physical line it starts on. */
class GridReaderTests {

	private static List<GridLine> nonBlank(Grid grid) {
		return grid.lines().stream().filter(l -> !l.isBlank()).toList();
	}

	@Test
	void eachRecordCarriesItsPhysicalLine() {
		// given
		String text = "代码,项目,填报内容\nMETA.unit_name,单位名称,邙岭镇\nT3.r1,一、本年新收政府信息公开申请数量,0,0\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(grid.errorLine()).isNull();
		assertThat(grid.endsWithNewline()).isTrue();
		assertThat(grid.lines()).extracting(GridLine::line, GridLine::cells)
			.containsExactly(tuple(1, List.of("代码", "项目", "填报内容")),
					tuple(2, List.of("META.unit_name", "单位名称", "邙岭镇")),
					tuple(3, List.of("T3.r1", "一、本年新收政府信息公开申请数量", "0", "0")));
	}

	@Test
	void aRecordAfterAQuotedFieldWithAnEmbeddedNewlineStartsOnItsPhysicalLine() {
		// given: the header cell "商业\n企业" spans lines 1-2, so the next record starts on line 3
		String text = ",\"商业\n企业\",科研机构\nT3.r1,一、本年新收政府信息公开申请数量,5\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(grid.errorLine()).isNull();
		assertThat(grid.lines()).extracting(GridLine::line, GridLine::cells)
			.containsExactly(tuple(1, List.of("", "商业\n企业", "科研机构")),
					tuple(3, List.of("T3.r1", "一、本年新收政府信息公开申请数量", "5")));
	}

	@Test
	void severalEmbeddedNewlinesAreAllCounted() {
		// given: the quoted cell spans lines 2-4
		String text = "A,1\nB,\"x\ny\nz\"\nC,3\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(grid.lines()).extracting(GridLine::line).containsExactly(1, 2, 5);
		assertThat(grid.lines().get(1).cell(1)).isEqualTo("x\ny\nz");
	}

	@Test
	void crlfLineEndsCountOnceAndLeaveNoCarriageReturnInCells() {
		// given
		String text = "a,b\r\nc,\"d\r\ne\"\r\nf,g\r\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(grid.errorLine()).isNull();
		assertThat(grid.endsWithNewline()).isTrue();
		assertThat(nonBlank(grid)).extracting(GridLine::line, GridLine::cells)
			.containsExactly(tuple(1, List.of("a", "b")), tuple(2, List.of("c", "d\r\ne")),
					tuple(4, List.of("f", "g")));
	}

	@Test
	void carriageReturnsAloneEndLinesToo() {
		// given: Excel for Mac's "CSV (Macintosh)" ends lines with CR only
		String text = "a,1\rb,2\r";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(grid.endsWithNewline()).isTrue();
		assertThat(nonBlank(grid)).extracting(GridLine::line, GridLine::cells)
			.containsExactly(tuple(1, List.of("a", "1")), tuple(2, List.of("b", "2")));
	}

	@Test
	void quotesInsideAnUnquotedCellAreKeptAsWritten() {
		// given: a label typed with ASCII quotes in a text editor
		String text = "T3.r3_3_3,3.危及\"三安全一稳定\",0\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(grid.errorLine()).isNull();
		assertThat(grid.lines().get(0).cells()).containsExactly("T3.r3_3_3", "3.危及\"三安全一稳定\"", "0");
	}

	@Test
	void textAfterAClosingQuoteIsAnErrorOnItsLine() {
		// given
		String text = "a,1\n\"b\"x,2\nc,3\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(grid.errorLine()).isEqualTo(2);
		assertThat(grid.lines()).extracting(GridLine::cells).containsExactly(List.of("a", "1"));
	}

	@Test
	void blankLinesAreSkippedWithoutShiftingTheLinesAfterThem() {
		// given
		String text = "a,1\n\n\nb,2\r\n\r\nc,3\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(nonBlank(grid)).extracting(GridLine::line, GridLine::cells)
			.containsExactly(tuple(1, List.of("a", "1")), tuple(4, List.of("b", "2")), tuple(6, List.of("c", "3")));
	}

	@Test
	void aLineOfEmptyCellsIsBlank() {
		// given
		String text = ",,,\na,1\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(grid.lines().get(0).isBlank()).isTrue();
		assertThat(grid.lines().get(1).isBlank()).isFalse();
	}

	@Test
	void tabSeparatedTextWithoutCommasIsReadWithTabs() {
		// given: a table pasted from a report
		String text = "代码\t项目\t填报内容\nT2.i9.proc\t政府集中采购\t2\t30.5\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(grid.errorLine()).isNull();
		assertThat(grid.lines()).extracting(GridLine::line, GridLine::cells)
			.containsExactly(tuple(1, List.of("代码", "项目", "填报内容")),
					tuple(2, List.of("T2.i9.proc", "政府集中采购", "2", "30.5")));
	}

	@Test
	void textWithCommasIsReadWithCommasEvenWhenItHasTabs() {
		// given
		String text = "a\tb,c\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(grid.lines()).extracting(GridLine::cells).containsExactly(List.of("a\tb", "c"));
	}

	@Test
	void cellsAreKeptAsWrittenAndMissingCellsReadAsEmpty() {
		// given
		String text = "T3.r1, label ,\" 7 \"\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		GridLine line = grid.lines().get(0);
		assertThat(line.cells()).containsExactly("T3.r1", " label ", " 7 ");
		assertThat(line.cell(5)).isEmpty();
	}

	@Test
	void aFileWithoutAFinalNewlineIsSeen() {
		// when
		Grid grid = GridReader.read("a,1\nb,2");

		// then
		assertThat(grid.endsWithNewline()).isFalse();
		assertThat(grid.lines()).extracting(GridLine::line).containsExactly(1, 2);
	}

	@Test
	void anUnterminatedQuoteGivesTheLineWhereTheQuoteOpens() {
		// given: the quote opened on line 2 is never closed
		String text = "a,b\nc,\"d\ne,f\ng,h\n";

		// when
		Grid grid = GridReader.read(text);

		// then
		assertThat(grid.errorLine()).isEqualTo(2);
		assertThat(grid.errorDetail()).isNotBlank();
		assertThat(grid.lines()).extracting(GridLine::line, GridLine::cells)
			.containsExactly(tuple(1, List.of("a", "b")));
	}

}
