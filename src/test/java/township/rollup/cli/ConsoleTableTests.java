package township.rollup.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import township.rollup.cli.ConsoleTable.Align;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's tables, lined up by the columns a terminal gives each character. */
class ConsoleTableTests {

	@Test
	void widthCountsWideCharactersTwiceAndCombiningMarksNot() {
		assertThat(ConsoleTable.width("")).isZero();
		assertThat(ConsoleTable.width("abc 1")).isEqualTo(5);
		assertThat(ConsoleTable.width("邙岭镇")).isEqualTo(6);
		assertThat(ConsoleTable.width("区划代码")).isEqualTo(8);
		assertThat(ConsoleTable.width("（多个文件）")).isEqualTo(12); // fullwidth brackets
		assertThat(ConsoleTable.width("ＡＢ")).isEqualTo(4); // fullwidth Latin
		assertThat(ConsoleTable.width("ｱｲ")).isEqualTo(2); // halfwidth katakana stay narrow
		assertThat(ConsoleTable.width("、。")).isEqualTo(4); // CJK punctuation
		assertThat(ConsoleTable.width("e\u0301")).isEqualTo(1); // e + combining acute
		assertThat(ConsoleTable.width("한국")).isEqualTo(4);
		assertThat(ConsoleTable.width("\uD840\uDC0B")).isEqualTo(2); // 𠀋, CJK extension B
		assertThat(ConsoleTable.width("a\u200Bb")).isEqualTo(2); // zero-width space
		assertThat(ConsoleTable.width("·")).isEqualTo(1);
	}

	/** Expected lines written by hand: a CJK character takes two columns. */
	@Test
	void columnsLineUpForChineseNames() {
		ConsoleTable table = new ConsoleTable(List.of("区划代码", "单位名称", "状态", "错误", "文件"),
				List.of(Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.LEFT));
		table.row(List.of("410381114000", "邙岭镇", "已采纳", "0", "a.csv"));
		table.row(List.of("410381001000", "城关街道办事处", "已退回", "12", "b.xlsx"));
		table.row(List.of("410381999000", "X town", "未报送", "0", ""));
		assertThat(table.lines()).containsExactly(
				"区划代码      单位名称        状态    错误  文件",
				"410381114000  邙岭镇          已采纳     0  a.csv",
				"410381001000  城关街道办事处  已退回    12  b.xlsx",
				"410381999000  X town          未报送     0  ");
	}

	/** Every column starts at the same display column on every line (a property, by an independent count). */
	@Test
	void everyColumnStartsAtTheSameDisplayColumnOnEveryLine() {
		ConsoleTable table = new ConsoleTable(List.of("code", "name", "status", "v", "file"),
				List.of(Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.LEFT));
		List<List<String>> rows = List.of(List.of("1", "石家庄市长安区建北街道", "accepted", "v2", "x"),
				List.of("22", "ＡＢＣ镇", "已退回（多个文件）", "v10", "y"), List.of("333", "Zürich", "missing", "v1", "z"));
		rows.forEach(table::row);
		List<String> lines = table.lines();
		// the separator "  " before each column, found by counting: CJK and fullwidth as 2, the rest 1
		int[] expected = null;
		for (int i = 0; i < lines.size(); i++) {
			List<String> cells = i == 0 ? List.of("code", "name", "status", "v", "file") : rows.get(i - 1);
			int[] starts = new int[cells.size()];
			String line = lines.get(i);
			int column = 0;
			int at = 0;
			for (int c = 0; c < cells.size(); c++) {
				int found = line.indexOf(cells.get(c), at);
				column += handWidth(line.substring(at, found));
				starts[c] = c == 3 ? column + handWidth(cells.get(c)) : column; // the right-aligned column: its end
				column += handWidth(cells.get(c));
				at = found + cells.get(c).length();
			}
			if (expected == null) {
				expected = starts;
			}
			assertThat(starts).as(line).containsExactly(expected);
		}
	}

	private static int handWidth(String s) {
		return s.codePoints()
			.map(c -> c >= 0x4E00 && c <= 0x9FFF || c >= 0xFF01 && c <= 0xFF60 || c >= 0x3000 && c <= 0x303F ? 2 : 1)
			.sum();
	}

	@Test
	void aRowOfTheWrongSizeIsABug() {
		ConsoleTable table = new ConsoleTable(List.of("a", "b"), List.of(Align.LEFT, Align.LEFT));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.row(List.of("1")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
