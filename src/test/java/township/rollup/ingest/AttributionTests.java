package township.rollup.ingest;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;

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

}
