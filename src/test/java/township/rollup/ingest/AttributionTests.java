package township.rollup.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.submission.Cell;
import township.rollup.submission.CellKind;
import township.rollup.submission.Meta;
import township.rollup.submission.Note;
import township.rollup.submission.ParsedSubmission;

import static org.assertj.core.api.Assertions.assertThat;

/** Which registered unit a file belongs to: its name's code, its name's unit name, else its content. */
class AttributionTests {

	private static Registry registry;

	@BeforeAll
	static void loadRegistry() {
		registry = Registry.load(Path.of("input/townships.csv"));
	}

	private static Optional<String> code(Optional<Unit> unit) {
		return unit.map(Unit::code);
	}

	@Test
	void theCodeInTheTemplatesFileNameDecides() {
		// when
		Optional<Unit> unit = Attribution.fromFileName("410381114000_邙岭镇_2020.csv", registry);

		// then
		assertThat(code(unit)).contains("410381114000");
		assertThat(unit.get().name()).isEqualTo("邙岭镇");
	}

	@Test
	void theCodeWinsOverAnotherUnitsNameInTheFileName() {
		// when
		Optional<Unit> unit = Attribution.fromFileName("410381101000_邙岭镇_2020.csv", registry);

		// then
		assertThat(code(unit)).contains("410381101000");
	}

	@Test
	void aFileNamedOnlyByItsUnitNameIsAttributedByName() {
		// when
		Optional<Unit> unit = Attribution.fromFileName("缑氏镇2020年政府信息公开年报.csv", registry);

		// then
		assertThat(code(unit)).contains("410381110000");
	}

	@Test
	void anUnregisteredCodeInTheNameFallsBackToTheName() {
		// when
		Optional<Unit> unit = Attribution.fromFileName("410381999000_缑氏镇_2020.csv", registry);

		// then
		assertThat(code(unit)).contains("410381110000");
	}

	@Test
	void digitsLongerThanACodeAreNotACode() {
		// when
		Optional<Unit> unit = Attribution.fromFileName("2020410381114000.csv", registry);

		// then
		assertThat(unit).isEmpty();
	}

	@Test
	void theConsolidatingUnitsNameInTheFileNameIsNotAReportingUnit() {
		// when
		Optional<Unit> withTown = Attribution.fromFileName("偃师市邙岭镇2020年年报.csv", registry);
		Optional<Unit> cityOnly = Attribution.fromFileName("偃师市2020年年报.csv", registry);

		// then
		assertThat(code(withTown)).contains("410381114000");
		assertThat(cityOnly).isEmpty();
	}

	@Test
	void aNameThatSaysNothingLeavesTheContentsCodeToDecide() {
		// when
		Optional<Unit> byName = Attribution.fromFileName("2020年政府信息公开年报.csv", registry);
		Optional<Unit> unit = Attribution.of("2020年政府信息公开年报.csv", "410381110000", registry);

		// then
		assertThat(byName).isEmpty();
		assertThat(code(unit)).contains("410381110000");
	}

	@Test
	void theContentsCodeIsTrimmed() {
		// when
		Optional<Unit> unit = Attribution.of("年报.csv", " 410381110000 ", registry);

		// then
		assertThat(code(unit)).contains("410381110000");
	}

	@Test
	void theFileNameWinsOverTheContent() {
		// when
		Optional<Unit> unit = Attribution.of("410381114000_邙岭镇_2020.csv", "410381101000", registry);

		// then
		assertThat(code(unit)).contains("410381114000");
	}

	@Test
	void nothingToGoByIsNoUnit() {
		// when / then
		assertThat(Attribution.of("年报.csv", null, registry)).isEmpty();
		assertThat(Attribution.of("年报.csv", "410381199000", registry)).isEmpty();
		assertThat(Attribution.of("年报.csv", "偃师市", registry)).isEmpty();
	}

	@Test
	void everySampleInboxFileIsAttributedToTheUnitItsNameSays() {
		// when / then
		assertThat(code(Attribution.of("410381104000_翟镇镇_2020.csv", null, registry))).contains("410381104000");
		assertThat(code(Attribution.of("410381103000_顾县镇_2020.csv", null, registry))).contains("410381103000");
		assertThat(code(Attribution.of("410381001000_商城街道_2020.csv", null, registry))).contains("410381001000");
	}

	/** 邙岭镇's file: 7 in T3.r1.np, an amount as written, 150 stated in 总体情况, an explanation if given. */
	private static Optional<ParsedSubmission> read(String fileName, String np, String amount, String note) {
		Map<String, Cell> cells = Map.of("T3.r1.np", new Cell("T3.r1.np", 5, np, CellKind.NUMBER, new BigDecimal(np)),
				"T2.i9.proc.amount", new Cell("T2.i9.proc.amount", 9, amount, CellKind.NUMBER, new BigDecimal(amount)));
		Map<String, Cell> narrative = Map.of("NARR.proactive_items",
				new Cell("NARR.proactive_items", 40, "150", CellKind.NUMBER, new BigDecimal("150")));
		List<Note> notes = note == null ? List.of() : List.of(new Note(41, "X-JUMP", note));
		return Optional.of(new ParsedSubmission(fileName, "UTF-8", new Meta("邙岭镇", "410381114000", "2020", "2019"), "2019",
				cells, narrative, notes, Map.of()));
	}

	@Test
	void aCsvFileAndAWorkbookThatSayTheSameAreOneSubmissionAndTheCsvFileIsKept() {
		// given: the workbook first, with the amount as Excel stores it (10.25), the CSV file with 10.2500
		List<String> names = List.of("410381114000_邙岭镇_2020.xlsx", "410381114000_邙岭镇_2020.csv");

		// when
		Optional<Integer> kept = Attribution.oneSubmission(names,
				List.of(read(names.get(0), "7", "10.25", null), read(names.get(1), "7", "10.2500", null)));

		// then
		assertThat(kept).contains(1);
	}

	@Test
	void filesThatDifferInOneNumberOrOneExplanationOrThatWereNotReadAreAConflict() {
		List<String> names = List.of("410381114000_邙岭镇_2020.csv", "410381114000_邙岭镇_2020.xlsx");
		assertThat(Attribution.oneSubmission(names,
				List.of(read(names.get(0), "7", "10.25", null), read(names.get(1), "8", "10.25", null)))).isEmpty();
		assertThat(Attribution.oneSubmission(names,
				List.of(read(names.get(0), "7", "10.25", null), read(names.get(1), "7", "10.2501", null)))).isEmpty();
		assertThat(Attribution.oneSubmission(names,
				List.of(read(names.get(0), "7", "10.25", null), read(names.get(1), "7", "10.25", "县里转办")))).isEmpty();
		assertThat(Attribution.oneSubmission(names, List.of(read(names.get(0), "7", "10.25", null), Optional.empty())))
			.isEmpty();
	}

}
