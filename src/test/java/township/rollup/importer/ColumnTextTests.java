package township.rollup.importer;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import township.rollup.importer.SourceLine.Field;
import township.rollup.importer.SourceLine.Layout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows rebuilt from positioned words ({@code pdftotext -layout} text here): each shape of a printed table
 * on its own, the labels the formats know given by hand.
 */
class ColumnTextTests {

	private static final Predicate<String> KNOWN = Set.of("5.要求行政机关确认或重新出具已获取信息", "4.无正当理由大量反复申请",
			"（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "三、本年度办理结果", "（一）予以公开")::contains;

	private static List<SourceLine> read(String text) {
		return ColumnText.assemble(ColumnText.read(text), KNOWN, ColumnText.CHARACTERS);
	}

	private static List<String> rows(List<SourceLine> lines) {
		return lines.stream()
			.map(l -> l.layout() + ":" + String.join("|", l.fields().stream().map(Field::text).toList()))
			.toList();
	}

	@Test
	void aLineOfNumbersAfterAWrappedLabelBelongsToIt() {
		// given: the label over two lines, its numbers on the line after both
		String text = """
				   4.无正当理由大量反复申请     1    2
				   5.要求行政机关确认或重新出
				   具已获取信息
				                                3    4
				""";

		// when
		List<SourceLine> lines = read(text);

		// then
		assertThat(rows(lines)).containsExactly("ROW:4.无正当理由大量反复申请|1|2", "ROW:5.要求行政机关确认或重新出具已获取信息|3|4");
		assertThat(lines.get(1).fields()).extracting(Field::line).containsExactly(2, 4, 4);
	}

	@Test
	void numbersOnTheLastLineOfAWrappedLabelBelongToIt() {
		// given
		String text = """
				   5.要求行政机关确认或重新出
				   具已获取信息                 3    4
				""";

		// then
		assertThat(rows(read(text))).containsExactly("ROW:5.要求行政机关确认或重新出具已获取信息|3|4");
	}

	@Test
	void piecesThatDoNotMakeAKnownLabelAreNotJoined() {
		// given: a local row under a known one, at the same left edge
		String text = """
				   2.重复申请       1    2
				   其中：网上申请    3    4
				""";

		// then: each keeps its own numbers
		assertThat(rows(read(text))).containsExactly("ROW:2.重复申请|1|2", "ROW:其中：网上申请|3|4");
	}

	@Test
	void aCaptionBesideARowOfItsGroupIsReadBeforeTheGroupsFirstRow() {
		// given: （五）不予处理 centred beside row 3 of its group, one space before the row label
		String text = """
				          1.信访举报投诉类申请     1    2
				          2.重复申请            3    4
				 （五）不予处理 3.要求提供公开出版物     5    6
				          4.无正当理由大量反复申请   7    8
				""";

		// then
		assertThat(rows(read(text))).containsExactly("CELL:（五）不予处理", "ROW:1.信访举报投诉类申请|1|2", "ROW:2.重复申请|3|4",
				"ROW:3.要求提供公开出版物|5|6", "ROW:4.无正当理由大量反复申请|7|8");
	}

	@Test
	void aGroupLabelDownTheSideIsJoinedAndNeverTakenForARowLabel() {
		// given: 三、本年度办理结果 one character per line beside the rows
		String text = """
				三
				、  （一）予以公开     1    2
				本
				年  2.重复申请        3    4
				度
				办
				理
				结
				果
				""";

		// when
		List<SourceLine> lines = read(text);

		// then
		assertThat(rows(lines)).containsExactly("CELL:三、本年度办理结果", "ROW:（一）予以公开|1|2", "ROW:2.重复申请|3|4");
	}

	@Test
	void pageFootersAreNotText() {
		// given
		String text = "   2.重复申请       1    2\n\n                 - 3 -\n\f   3.要求提供公开出版物   5   6\n第 4 页\n";

		// then
		assertThat(rows(read(text))).containsExactly("ROW:2.重复申请|1|2", "ROW:3.要求提供公开出版物|5|6");
	}

	@Test
	void columnTextIsTextWithLabelsAndValuesApartByRunsOfSpaces() {
		assertThat(ColumnText.isColumnText("规章     0     0     0\n规范性文件   1  2  3\n行政许可   4  5  6\n")).isTrue();
		// two rows are not enough; a text with tabs is tab-separated; one space apart is not a column
		assertThat(ColumnText.isColumnText("规章     0     0     0\n规范性文件   1  2  3\n")).isFalse();
		assertThat(ColumnText.isColumnText("规章\t0\t0\t0\n规范性文件   1  2  3\n行政许可   4  5  6\n行政处罚   7  8  9\n"))
			.isFalse();
		assertThat(ColumnText.isColumnText("规章 0 0 0\n规范性文件 1 2 3\n行政许可 4 5 6\n")).isFalse();
	}

	@Test
	void aRowOfValuesWithNoLabelStaysARowOfValues() {
		// given: Table 4's numbers under a header row of several labels
		String text = """
				结果    结果     其他
				维持    纠正     结果
				 1      0       2
				""";

		// when
		List<SourceLine> lines = read(text);

		// then: the values are not given to the header above them
		assertThat(lines.get(lines.size() - 1).layout()).isEqualTo(Layout.ROW);
		assertThat(rows(lines).get(lines.size() - 1)).isEqualTo("ROW:1|0|2");
	}


	// words with positions in points and ruled bands, as PdfText gives them: shapes of 洪泽区's 2023 and
	// 2024 reports, written by hand

	private static final Predicate<String> KNOWN_PDF = Set.of("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
			"1.属于国家秘密", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息", "2.没有现成信息需要另行制作",
			"3.补正后申请内容仍不明确", "社会公益组织", "法律服务机构")::contains;

	/** A word of a ruled cell row: {@code band} counts the page in millions, as PdfText does. */
	private static ColumnText.Word w(double x, String text, long band) {
		return new ColumnText.Word(x, x + 9 * text.codePointCount(0, text.length()), text, band);
	}

	private static ColumnText.Line line(int n, ColumnText.Word... words) {
		return new ColumnText.Line(n, List.of(words));
	}

	private static List<ColumnText.Word> values(long band, String... v) {
		List<ColumnText.Word> words = new java.util.ArrayList<>();
		for (int i = 0; i < v.length; i++) {
			words.add(w(320 + 30 * i, v[i], band));
		}
		return words;
	}

	private static ColumnText.Line line(int n, ColumnText.Word label, List<ColumnText.Word> values) {
		List<ColumnText.Word> words = new java.util.ArrayList<>();
		if (label != null) {
			words.add(label);
		}
		words.addAll(values);
		return new ColumnText.Line(n, words);
	}

	private static List<String> pdfRows(List<ColumnText.Line> lines) {
		return rows(ColumnText.assemble(lines, KNOWN_PDF, ColumnText.POINTS));
	}

	@Test
	void aLabelPrintedWithASpaceInsideIsOneLabelWhenTheWholeIsKnown() {
		// given: 4.无正当理由大量反复 申请, two words with a gap, then the numbers
		long b = 4_001_511;
		List<ColumnText.Line> lines = List.of(line(1, w(180.7, "4.无正当理由大量反复", b), values(b, "0", "1", "2")));
		List<ColumnText.Line> withSecond = List.of(new ColumnText.Line(1, concat(List.of(w(180.7, "4.无正当理由大量反复", b),
				w(273.7, "申请", b)), values(b, "0", "1", "2"))));

		// then
		assertThat(pdfRows(withSecond)).containsExactly("ROW:4.无正当理由大量反复申请|0|1|2");
		assertThat(pdfRows(lines)).containsExactly("ROW:4.无正当理由大量反复|0|1|2");
	}

	@Test
	void wordsSideBySideThatMakeNoKnownLabelStayApart() {
		// given: column headers of one ruled band, 社会 法律 (two columns), as 洪泽区's Table 3 prints them
		long b = 3_004_225;
		List<ColumnText.Line> lines = List.of(line(1, w(402.6, "社会", b), w(430.8, "法律", b)),
				line(2, w(402.6, "公益", b), w(430.8, "服务", b)), line(3, w(402.6, "组织", b), w(430.8, "机构", b)));

		// then: each column's header is joined down its column, never across
		assertThat(pdfRows(lines)).containsExactly("CELL:社会公益组织", "CELL:法律服务机构");
	}

	@Test
	void aWrappedLabelWithASpaceInsideAndItsNumbersBetweenItsLinesIsOneRow() {
		// given: （二）部分公开（区分处理的，只计这一情 形，不 / numbers / 计其他情形）, one ruled cell row
		long b = 3_005_452;
		List<ColumnText.Line> lines = List.of(line(1, w(103.9, "（二）部分公开（区分处理的，只计这一情", b), w(279.5, "形，不", b)),
				line(2, null, values(b, "4", "0", "4")), line(3, w(103.9, "计其他情形）", b)),
				line(4, w(180.7, "1.属于国家秘密", 3_005_785), values(3_005_785, "1", "0", "1")));

		// then
		assertThat(pdfRows(lines)).containsExactly("ROW:（二）部分公开（区分处理的，只计这一情形，不计其他情形）|4|0|4",
				"ROW:1.属于国家秘密|1|0|1");
	}

	@Test
	void aContinuationCentredUnderTheFirstLineOfItsCellIsJoinedWhenTheWholeIsKnown() {
		// given: 5.要求行政机关确认或重 新出具 / numbers / 已获取信息 (indented), one ruled cell row
		long b = 4_001_797;
		List<ColumnText.Line> lines = List.of(line(1, w(180.7, "5.要求行政机关确认或重", b), w(282.4, "新出具", b)),
				line(2, null, values(b, "0", "3", "3")), line(3, w(197.8, "已获取信息", b)));

		// then
		assertThat(pdfRows(lines)).containsExactly("ROW:5.要求行政机关确认或重新出具已获取信息|0|3|3");
	}

	@Test
	void anIndentedLineThatMakesNoKnownLabelIsNotJoined() {
		// given: the same cell with text that is no label (a note in the cell)
		long b = 4_001_797;
		List<ColumnText.Line> lines = List.of(line(1, w(180.7, "5.要求行政机关确认或重新出具已获取信息", b),
				values(b, "0", "3", "3")), line(2, w(197.8, "含网上申请", b)));

		// then
		assertThat(pdfRows(lines)).containsExactly("ROW:5.要求行政机关确认或重新出具已获取信息|0|3|3", "CELL:含网上申请");
	}

	@Test
	void aRowBrokenOverAPageBreakIsOneRowWhenItsLabelIsKnown() {
		// given: a ruled row whose label's first line and numbers stand at the bottom of page 3, the rest of
		// its label at the top of page 4, the page footer between
		List<ColumnText.Line> lines = List.of(
				line(1, w(180.7, "2.没有现成信息需要另", 3_007_590), values(3_007_590, "3", "0", "3")),
				line(2, w(464.2, "-3-", -1)), line(3, w(180.7, "行制作", 4_000_800)),
				line(4, w(180.7, "3.补正后申请内容仍不明确", 4_000_995), values(4_000_995, "0", "1", "1")));

		// then
		assertThat(pdfRows(lines)).containsExactly("ROW:2.没有现成信息需要另行制作|3|0|3", "ROW:3.补正后申请内容仍不明确|0|1|1");
	}

	@Test
	void theNextPagesFirstCellIsNotJoinedToALabelThatIsWholeWithoutIt() {
		// given: a row that ends at the bottom of page 3, the next row at the top of page 4
		List<ColumnText.Line> lines = List.of(
				line(1, w(180.7, "2.没有现成信息需要另行制作", 3_007_590), values(3_007_590, "3", "0", "3")),
				line(2, w(464.2, "-3-", -1)),
				line(3, w(180.7, "3.补正后申请内容仍不明确", 4_000_800), values(4_000_800, "0", "1", "1")));

		// then
		assertThat(pdfRows(lines)).containsExactly("ROW:2.没有现成信息需要另行制作|3|0|3", "ROW:3.补正后申请内容仍不明确|0|1|1");
	}

	@Test
	void aLabelBrokenOverAPageBreakThatMakesNoKnownLabelIsNotJoined() {
		// given: the first line at the bottom of page 3, a cell of another text at the top of page 4
		List<ColumnText.Line> lines = List.of(
				line(1, w(180.7, "2.没有现成信息需要另", 3_007_590), values(3_007_590, "3", "0", "3")),
				line(2, w(464.2, "-3-", -1)), line(3, w(180.7, "其中：网上申请", 4_000_800),
						values(4_000_800, "0", "1", "1")));

		// then: the truncated label keeps its numbers and is not an official label; nothing joined
		assertThat(pdfRows(lines)).containsExactly("ROW:2.没有现成信息需要另|3|0|3", "ROW:其中：网上申请|0|1|1");
	}

	private static List<ColumnText.Word> concat(List<ColumnText.Word> a, List<ColumnText.Word> b) {
		List<ColumnText.Word> all = new java.util.ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
