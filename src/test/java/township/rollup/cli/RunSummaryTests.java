package township.rollup.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.board.Board;
import township.rollup.board.BoardLine;
import township.rollup.board.Deadline;
import township.rollup.board.UnitStatus;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.registry.Registry;
import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;
import township.rollup.store.FindingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the run summary makes of a failure for lack of memory, of findings that are one rule on every file,
 * and of units without a file before and after the deadline. Expected texts written by hand.
 */
class RunSummaryTests {

	@Test
	void aFailureForLackOfMemoryIsToldFromAnyDepthOfCauses() {
		assertThat(RunSummary.outOfMemory(new OutOfMemoryError("Java heap space"))).isTrue();
		assertThat(RunSummary.outOfMemory(new IllegalStateException("step failed",
				new RuntimeException(new OutOfMemoryError("Java heap space"))))).isTrue();
		assertThat(RunSummary.outOfMemory(new IllegalStateException("disk full"))).isFalse();
	}

	@Test
	void theMemoryMessageNamesTheHeapAndHowToRaiseIt() {
		for (Language language : Language.values()) {
			String text = Messages.of(language).get("cli.summary.out-of-memory", 455);
			assertThat(text).as(language.name()).contains("455 MB").contains("JAVA_OPTS=-Xmx2g");
			assertThat(text).isNotEqualTo(Messages.of(language).get("cli.summary.resume"));
		}
	}

	@Test
	void oneRuleOnEveryFileIsNamedWithItsFilesAndFindings() {
		// given 12 files, each with 3 ROW-LABEL (from reading) and one other warning, and infos
		RunSummary.RuleSpread spread = new RunSummary.RuleSpread();
		for (int file = 0; file < 12; file++) {
			String unit = String.format("4103810%02d000", file);
			for (int i = 0; i < 3; i++) {
				spread.add(owned(unit, "f" + file + ".csv", "ROW-LABEL", Severity.WARNING));
			}
			spread.add(owned(unit, "f" + file + ".csv", "T2-TOWN-REG", Severity.WARNING));
			spread.add(owned(unit, "f" + file + ".csv", "X-JUMP", Severity.INFO));
		}

		// then ROW-LABEL is named, with its 12 files and 36 findings
		assertThat(spread.dominant(48)).contains(new RunSummary.RuleSpread.Spread("ROW-LABEL", 12, 36));
		// but not when it is not most of the findings
		assertThat(spread.dominant(72)).isEqualTo(Optional.empty());
	}

	@Test
	void aRuleOnAFewFilesIsNotATemplateProblem() {
		RunSummary.RuleSpread spread = new RunSummary.RuleSpread();
		for (int file = 0; file < RunSummary.DOMINANT_FILES - 1; file++) {
			for (int i = 0; i < 30; i++) {
				spread.add(owned("410381001000", "f" + file + ".csv", "ROW-LABEL", Severity.WARNING));
			}
		}
		assertThat(spread.dominant(30L * (RunSummary.DOMINANT_FILES - 1))).isEmpty();
	}

	/**
	 * 洛阳市 and its three townships: 甲镇 accepted (a warning explained), 乙镇 rejected (2 errors), 丙乡 sent
	 * nothing. The deadline is 2021-03-31 17:00 in Shanghai (09:00 UTC).
	 */
	static final String UNITS = """
			code,name,kind,parent,code_source
			410300000000,洛阳市,地级市,,sample
			410300101000,甲镇,镇,410300000000,sample
			410300102000,乙镇,镇,410300000000,sample
			410300103000,丙乡,乡,410300000000,sample
			""";

	static List<BoardLine> lines() {
		return List.of(
				new BoardLine(2020, "410300101000", "甲镇", UnitStatus.ACCEPTED, null, 1L, 0, 1, 0, "410300000000", "镇",
						null, 0, 0),
				new BoardLine(2020, "410300102000", "乙镇", UnitStatus.REJECTED, null, 2L, 2, 0, 0, "410300000000", "镇",
						null, 0, 0),
				new BoardLine(2020, "410300103000", "丙乡", UnitStatus.MISSING, null, null, 0, 0, 0, "410300000000", "乡",
						null, 0, 0));
	}

	static Deadline deadline(String now) {
		return Deadline.of(LocalDateTime.of(2021, 3, 31, 17, 0), ZoneId.of("Asia/Shanghai"), Instant.parse(now));
	}

	@Test
	void aUnitWithoutAFileIsMissingUntilTheDeadlineAndLateAfterItAsOnTheBoard(@TempDir Path dir) throws Exception {
		Registry registry = Registry.load(Files.writeString(dir.resolve("units.csv"), UNITS, StandardCharsets.UTF_8));
		Messages zh = Messages.of(Language.ZH);
		Messages en = Messages.of(Language.EN);

		// exactly at the deadline nobody is late yet
		Board before = Board.of(registry, lines(), deadline("2021-03-31T09:00:00Z"));
		assertThat(RunSummary.boardLines(zh, before)).containsExactly("  乡镇（街道）3 个：已采纳 1，未通过审核 1，未报送 1",
				"  未报送：丙乡（410300103000）", "  未通过审核：乙镇（错误 2）");
		assertThat(RunSummary.boardLines(en, before)).containsExactly(
				"  townships: 3 registered: 1 accepted, 1 failed review, 1 missing", "  missing: 丙乡（410300103000）",
				"  failed review: 乙镇（errors: 2）");

		// a second after it 丙乡 is late, as report.html's board and the portal's say
		Board after = Board.of(registry, lines(), deadline("2021-03-31T09:00:01Z"));
		assertThat(RunSummary.boardLines(zh, after)).containsExactly("  乡镇（街道）3 个：已采纳 1，未通过审核 1，逾期未报送 1",
				"  逾期未报送：丙乡（410300103000）", "  未通过审核：乙镇（错误 2）");
		assertThat(RunSummary.boardLines(en, after)).containsExactly(
				"  townships: 3 registered: 1 accepted, 1 failed review, 1 late", "  late: 丙乡（410300103000）",
				"  failed review: 乙镇（errors: 2）");

		// without a deadline, never late
		assertThat(RunSummary.boardLines(zh, Board.of(registry, lines())))
			.containsExactly("  乡镇（街道）3 个：已采纳 1，未通过审核 1，未报送 1", "  未报送：丙乡（410300103000）", "  未通过审核：乙镇（错误 2）");
	}

	private static FindingStore.Owned owned(String unit, String file, String rule, Severity severity) {
		return new FindingStore.Owned(unit, new Finding(rule, severity, Where.file(file), null, null, null, "m", "m"));
	}

}
