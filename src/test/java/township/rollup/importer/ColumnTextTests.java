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

}
