package township.rollup.board;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board of a small tree, every expected value worked out by hand:
 *
 * <pre>
 * 410300000000 洛阳市 (consolidating)
 * ├── 410381000000 甲县: 410381101000 甲镇, 410381102000 乙镇, 410381103000 丙街道
 * ├── 410382000000 乙县 (may send a file of its own): 410382101000 丁镇
 * └── 410300101000 戊乡
 * </pre>
 */
class BoardTests {

	static final String CITY = "410300000000";

	static final String COUNTY_A = "410381000000";

	static final String JIA = "410381101000";

	static final String YI = "410381102000";

	static final String BING = "410381103000";

	static final String COUNTY_B = "410382000000";

	static final String DING = "410382101000";

	static final String WU = "410300101000";

	static Registry registry;

	@BeforeAll
	static void registry(@TempDir Path dir) throws IOException {
		String csv = """
				code,name,kind,parent,code_source
				410300000000,洛阳市,地级市,,sample
				410381000000,甲县,县,410300000000,sample
				410381101000,甲镇,镇,410381000000,sample
				410381102000,乙镇,镇,410381000000,sample
				410381103000,丙街道,街道,410381000000,sample
				410382000000,乙县,县,410300000000,sample
				410382101000,丁镇,镇,410382000000,sample
				410300101000,戊乡,乡,410300000000,sample
				""";
		registry = Registry.load(Files.writeString(dir.resolve("units.csv"), csv, StandardCharsets.UTF_8));
	}

	private static BoardLine leaf(String code, String name, String parent, UnitStatus status, int errors, int warnings,
			int open) {
		return new BoardLine(2020, code, name, status, null, status == UnitStatus.MISSING ? null : 1L, errors, warnings,
				open, parent, "镇", null, 0, 0);
	}

	private static BoardLine level(String code, String name, UnitStatus status, String source, int children,
			int complete) {
		return new BoardLine(2020, code, name, status, null, null, 0, 0, 0, CITY, "县", source, children, complete);
	}

	/**
	 * 甲镇 accepted with a warning not explained, 乙镇 accepted with two explained, 丙街道 rejected (3 errors);
	 * 乙县 accepted on its own file, so 丁镇 (no file) need send nothing; 戊乡 sent nothing; 甲县 summed, 2 of
	 * its 3 units complete. In unit-code order, as stored.
	 */
	private static List<BoardLine> mixed() {
		return List.of(leaf(WU, "戊乡", CITY, UnitStatus.MISSING, 0, 0, 0),
				level(COUNTY_A, "甲县", UnitStatus.CONSOLIDATED, "UNITS", 3, 2),
				leaf(JIA, "甲镇", COUNTY_A, UnitStatus.ACCEPTED, 0, 1, 1),
				leaf(YI, "乙镇", COUNTY_A, UnitStatus.ACCEPTED, 0, 2, 0),
				leaf(BING, "丙街道", COUNTY_A, UnitStatus.REJECTED, 3, 0, 0),
				level(COUNTY_B, "乙县", UnitStatus.ACCEPTED, "OWN_FILE", 1, 0),
				leaf(DING, "丁镇", COUNTY_B, UnitStatus.MISSING, 0, 0, 0));
	}

	@Test
	void eachLineHasTheStateThatSaysWhatToDo() {
		Board board = Board.of(registry, mixed());

		assertThat(board.state(BING)).isEqualTo(BoardState.REJECTED);
		assertThat(board.state(WU)).isEqualTo(BoardState.MISSING);
		assertThat(board.state(JIA)).isEqualTo(BoardState.OPEN_WARNINGS);
		assertThat(board.state(COUNTY_A)).isEqualTo(BoardState.LEVEL_INCOMPLETE);
		assertThat(board.state(YI)).isEqualTo(BoardState.EXPLAINED);
		assertThat(board.state(COUNTY_B)).isEqualTo(BoardState.ACCEPTED);
		// below 乙县's own file: nothing to send
		assertThat(board.state(DING)).isEqualTo(BoardState.COVERED);
		assertThat(board.covered(DING)).isTrue();
		assertThat(board.covered(WU)).isFalse();
	}

	@Test
	void whatNeedsActionComesFirst() {
		Board board = Board.of(registry, mixed());

		// rejected, missing, warnings to explain, a level waiting, explained, accepted, covered
		assertThat(board.inActionOrder()).extracting(f -> f.line().unitCode())
			.containsExactly(BING, WU, JIA, COUNTY_A, YI, COUNTY_B, DING);
		assertThat(board.unitsOf(COUNTY_A)).extracting(f -> f.line().unitCode()).containsExactly(BING, JIA, YI);
		assertThat(board.unitsOf(CITY)).extracting(f -> f.line().unitCode()).containsExactly(WU, COUNTY_A, COUNTY_B);
	}

	@Test
	void afterTheDeadlineAUnitWithoutAFileIsLateAndComesRightAfterTheRejected() {
		// 2021-01-31 18:00 in Beijing is 10:00 UTC
		java.time.ZoneId beijing = java.time.ZoneId.of("Asia/Shanghai");
		java.time.LocalDateTime due = java.time.LocalDateTime.of(2021, 1, 31, 18, 0);
		Deadline atIt = Deadline.of(due, beijing, Instant.parse("2021-01-31T10:00:00Z"));
		Deadline after = Deadline.of(due, beijing, Instant.parse("2021-01-31T10:00:01Z"));
		assertThat(after.at()).isEqualTo(Instant.parse("2021-01-31T10:00:00Z"));

		// exactly at the deadline nobody is late yet: the order of whatNeedsActionComesFirst
		assertThat(Board.of(registry, mixed(), atIt).state(WU)).isEqualTo(BoardState.MISSING);
		Board board = Board.of(registry, mixed(), after);
		// 戊乡 sent nothing: late; 丙街道 failed review: still that, and first; 丁镇 is covered by 乙县's own
		// file: never late; 甲镇 accepted with an open warning: not late
		assertThat(board.state(WU)).isEqualTo(BoardState.LATE);
		assertThat(board.state(BING)).isEqualTo(BoardState.REJECTED);
		assertThat(board.state(DING)).isEqualTo(BoardState.COVERED);
		assertThat(board.state(JIA)).isEqualTo(BoardState.OPEN_WARNINGS);
		assertThat(after.late(mixed().get(4))).isTrue();
		assertThat(after.late(mixed().get(2))).isFalse();
		// rejected, late, warnings to explain, a level waiting, explained, accepted, covered
		assertThat(board.inActionOrder()).extracting(f -> f.line().unitCode())
			.containsExactly(BING, WU, JIA, COUNTY_A, YI, COUNTY_B, DING);
		// a unit the board has no line for yet is late too
		assertThat(board.state("410381199000")).isEqualTo(BoardState.LATE);
		assertThat(Board.of(registry, mixed()).state("410381199000")).isEqualTo(BoardState.MISSING);
	}

	@Test
	void lateComesBeforeMissingAndMissingBeforeOpenWarnings() {
		// the states' own order, whatever the lines: rejected, late, missing, warnings unexplained, accepted
		assertThat(java.util.stream.Stream.of(BoardState.ACCEPTED, BoardState.OPEN_WARNINGS, BoardState.MISSING,
				BoardState.LATE, BoardState.REJECTED).sorted(java.util.Comparator.comparingInt(BoardState::rank)))
			.containsExactly(BoardState.REJECTED, BoardState.LATE, BoardState.MISSING, BoardState.OPEN_WARNINGS,
					BoardState.ACCEPTED);
	}

	@Test
	void withinAStateMoreErrorsThenMoreOpenWarningsThenTheCode() {
		List<BoardLine> lines = new ArrayList<>(List.of(leaf(JIA, "甲镇", COUNTY_A, UnitStatus.REJECTED, 1, 0, 0),
				leaf(YI, "乙镇", COUNTY_A, UnitStatus.REJECTED, 4, 0, 0),
				leaf(BING, "丙街道", COUNTY_A, UnitStatus.REJECTED, 1, 2, 2)));

		Board board = Board.of(registry, lines);

		assertThat(board.inActionOrder()).extracting(f -> f.line().unitCode()).containsExactly(YI, BING, JIA);
	}

	@Test
	void eachLevelStandsOnItsUnitsOrItsOwnFile() {
		Board board = Board.of(registry, mixed());

		// 甲县: 甲镇 and 乙镇 of 3; 乙县 on its own file, its one unit sent nothing; the city is not a line
		assertThat(board.levelLines()).containsExactly(new LevelLine(COUNTY_A, UnitStatus.CONSOLIDATED, "UNITS", 3, 2),
				new LevelLine(COUNTY_B, UnitStatus.ACCEPTED, "OWN_FILE", 1, 0));
		assertThat(board.tree().level(CITY).completeUnits()).isEqualTo(1);
	}

	@Test
	void theReportingUnitsAreCountedOnce() {
		Board.Reporting reporting = Board.of(registry, mixed()).reporting();

		assertThat(reporting.units()).extracting(Unit::code).containsExactlyInAnyOrder(JIA, YI, BING, DING, WU);
		assertThat(reporting.accepted()).isEqualTo(2);
		assertThat(reporting.rejected()).isEqualTo(1);
		assertThat(reporting.missing()).isEqualTo(1);
		assertThat(reporting.covered()).isEqualTo(1);
		assertThat(reporting.missingLines()).extracting(BoardLine::unitCode).containsExactly(WU);
		assertThat(reporting.rejectedLines()).extracting(BoardLine::unitCode).containsExactly(BING);
		// the page's banner before there are figures: 丁镇 and 戊乡 both without a file
		assertThat(Board.of(registry, mixed()).fileCounts()).isEqualTo(new Board.Counts(2, 1, 2));
	}

	@Test
	void theLevelsAndHowManyOfEachAreComplete() {
		Board.Levels levels = Board.of(registry, mixed()).levels();

		assertThat(levels.root().code()).isEqualTo(CITY);
		// 乙县 is complete (its own file accepted); 甲县 has 2 of 3, 戊乡 sent nothing
		assertThat(levels.rootUnits().units()).extracting(Unit::code).containsExactly(COUNTY_A, COUNTY_B, WU);
		assertThat(levels.rootUnits().complete()).isEqualTo(1);
		assertThat(levels.byDepth()).hasSize(1);
		assertThat(levels.byDepth().get(0).units()).extracting(Unit::code).containsExactly(COUNTY_A, COUNTY_B);
		assertThat(levels.byDepth().get(0).complete()).isEqualTo(1);
		assertThat(levels.ownFiles()).extracting(BoardLine::unitCode).containsExactly(COUNTY_B);
		assertThat(levels.incomplete()).extracting(BoardLine::unitCode).containsExactly(COUNTY_A);
	}

	@Test
	void theGateSaysWhyTheYearMayNotBecomeFinal() {
		Gate gate = Board.of(registry, mixed()).gate();

		assertThat(gate.complete()).isFalse();
		assertThat(gate.stage()).isEqualTo("PROVISIONAL");
		assertThat(gate.reasons()).containsExactly(Gate.Reason.INCOMPLETE, Gate.Reason.OPEN_WARNINGS);
		// 丙街道, 丁镇 and 戊乡 have no accepted file; 甲镇's one warning is open
		assertThat(gate.notAccepted()).isEqualTo(3);
		assertThat(gate.openWarnings()).isEqualTo(1);
		assertThat(gate.overlaps()).isEmpty();
	}

	@Test
	void everyUnitAcceptedAndEveryWarningExplainedMakesTheYearFinal() {
		List<BoardLine> lines = List.of(leaf(WU, "戊乡", CITY, UnitStatus.ACCEPTED, 0, 0, 0),
				level(COUNTY_A, "甲县", UnitStatus.CONSOLIDATED, "UNITS", 3, 3),
				leaf(JIA, "甲镇", COUNTY_A, UnitStatus.ACCEPTED, 0, 1, 0),
				leaf(YI, "乙镇", COUNTY_A, UnitStatus.ACCEPTED, 0, 0, 0),
				leaf(BING, "丙街道", COUNTY_A, UnitStatus.ACCEPTED, 0, 0, 0),
				level(COUNTY_B, "乙县", UnitStatus.ACCEPTED, "OWN_FILE", 1, 0),
				leaf(DING, "丁镇", COUNTY_B, UnitStatus.MISSING, 0, 0, 0));

		Gate gate = Board.of(registry, lines).gate();

		assertThat(gate.reasons()).isEmpty();
		assertThat(gate.complete()).isTrue();
		assertThat(gate.stage()).isEqualTo("FINAL");
	}

	@Test
	void aUnitsOwnFileBesideItsUnitsFilesKeepsTheYearProvisional() {
		List<BoardLine> lines = List.of(leaf(WU, "戊乡", CITY, UnitStatus.ACCEPTED, 0, 0, 0),
				level(COUNTY_A, "甲县", UnitStatus.CONSOLIDATED, "UNITS", 3, 3),
				leaf(JIA, "甲镇", COUNTY_A, UnitStatus.ACCEPTED, 0, 0, 0),
				leaf(YI, "乙镇", COUNTY_A, UnitStatus.ACCEPTED, 0, 0, 0),
				leaf(BING, "丙街道", COUNTY_A, UnitStatus.ACCEPTED, 0, 0, 0),
				level(COUNTY_B, "乙县", UnitStatus.ACCEPTED, "OWN_FILE", 1, 1),
				leaf(DING, "丁镇", COUNTY_B, UnitStatus.ACCEPTED, 0, 0, 0));

		Gate gate = Board.of(registry, lines).gate();

		assertThat(gate.reasons()).containsExactly(Gate.Reason.OVERLAP);
		assertThat(gate.overlaps()).singleElement().satisfies(o -> {
			assertThat(o.unit().code()).isEqualTo(COUNTY_B);
			assertThat(o.below()).extracting(Unit::code).containsExactly(DING);
		});
		// what ROLLUP-OVERLAP says: 乙县's line has no version of its own here, one unit below sent a file
		assertThat(Board.of(registry, lines).overlapNotices()).extracting(o -> o.unit().code(), Board.Overlap::submissionId,
				Board.Overlap::count, Board.Overlap::units)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(COUNTY_B, null, 1, "丁镇"));
	}

	@Test
	void anEmptyBoardIsNeverFinal() {
		Gate gate = Board.of(registry, List.of()).gate();

		assertThat(gate.reasons()).containsExactly(Gate.Reason.EMPTY);
		assertThat(gate.notAccepted()).isZero();
	}

	@Test
	void whoSentWhatAndWhenStaysOnTheLine() {
		Instant at = Instant.parse("2021-01-10T02:00:00Z");
		FiledLine jia = new FiledLine(leaf(JIA, "甲镇", COUNTY_A, UnitStatus.ACCEPTED, 0, 0, 0), 2,
				"410381101000_甲镇_2020.csv", "ab12", "UTF-8", at);

		Board board = Board.filed(registry, List.of(jia));

		assertThat(board.line(JIA)).contains(jia);
		assertThat(board.line(JIA).orElseThrow().receivedAt()).isEqualTo(at);
		// a unit not on the board has sent nothing
		assertThat(board.state(YI)).isEqualTo(BoardState.MISSING);
	}

	private static BoardLine returned(String code, String name) {
		return new BoardLine(2020, code, name, UnitStatus.ACCEPTED, null, 1L, 0, 0, 0, COUNTY_A, "镇", null, 0, 0, true);
	}

	@Test
	void aReturnedVersionComesAfterTheRejectedAndCountsAsNotAccepted() {
		// the final year's board of the test above, but the office returned 乙镇's accepted version
		List<BoardLine> lines = List.of(leaf(WU, "戊乡", CITY, UnitStatus.ACCEPTED, 0, 0, 0),
				level(COUNTY_A, "甲县", UnitStatus.CONSOLIDATED, "UNITS", 3, 3),
				leaf(JIA, "甲镇", COUNTY_A, UnitStatus.ACCEPTED, 0, 1, 0), returned(YI, "乙镇"),
				leaf(BING, "丙街道", COUNTY_A, UnitStatus.ACCEPTED, 0, 0, 0),
				level(COUNTY_B, "乙县", UnitStatus.ACCEPTED, "OWN_FILE", 1, 0),
				leaf(DING, "丁镇", COUNTY_B, UnitStatus.MISSING, 0, 0, 0));

		Board board = Board.of(registry, lines);

		assertThat(board.state(YI)).isEqualTo(BoardState.RETURNED);
		// 甲县 has 2 of its 3 units complete, so the city is incomplete and the year may not become final
		assertThat(board.tree().level(COUNTY_A).completeUnits()).isEqualTo(2);
		assertThat(board.gate().reasons()).containsExactly(Gate.Reason.INCOMPLETE);
		assertThat(board.gate().notAccepted()).isEqualTo(2);
		// 戊乡, 甲镇, 丙街道 accepted; 乙镇 counted with the rejected; 丁镇 without a file
		assertThat(board.fileCounts()).isEqualTo(new Board.Counts(3, 1, 1));
		assertThat(board.reporting().rejectedLines()).extracting(BoardLine::unitCode).containsExactly(YI);

		// after a file rejected by the rules, before a file not sent
		Board order = Board.of(registry, List.of(leaf(WU, "戊乡", CITY, UnitStatus.MISSING, 0, 0, 0),
				leaf(JIA, "甲镇", COUNTY_A, UnitStatus.ACCEPTED, 0, 1, 1), returned(YI, "乙镇"),
				leaf(BING, "丙街道", COUNTY_A, UnitStatus.REJECTED, 1, 0, 0)));
		assertThat(order.inActionOrder()).extracting(f -> f.line().unitCode()).containsExactly(BING, YI, WU, JIA);
	}

}
