package township.rollup.rollup;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.rollup.Tree.Level;
import township.rollup.rollup.Tree.Source;
import township.rollup.rollup.Tree.Standing;

import static org.assertj.core.api.Assertions.assertThat;
import static township.rollup.rollup.Units.BING;
import static township.rollup.rollup.Units.CITY;
import static township.rollup.rollup.Units.COUNTY_A;
import static township.rollup.rollup.Units.COUNTY_B;
import static township.rollup.rollup.Units.DING;
import static township.rollup.rollup.Units.JIA;
import static township.rollup.rollup.Units.WU;
import static township.rollup.rollup.Units.YI;

/** What each level of {@link Units}' tree stands on, from the board alone. */
class TreeTests {

	static Registry registry;

	@BeforeAll
	static void registry(@TempDir Path dir) {
		registry = Units.registry(dir);
	}

	private static Unit unit(String code) {
		return code.equals(CITY) ? registry.consolidating() : registry.member(code).orElseThrow();
	}

	/** 甲镇 and 乙镇 accepted, 丙街道 rejected; 乙县 and 丁镇 accepted; 戊乡 sent nothing. */
	private static Tree mixed() {
		return new Tree(registry, Map.of(JIA, Standing.ACCEPTED, YI, Standing.ACCEPTED, BING, Standing.REJECTED,
				COUNTY_B, Standing.ACCEPTED, DING, Standing.ACCEPTED));
	}

	@Test
	void levelsComeDeepestFirstWithTheirSourceAndCompleteUnits() {
		// when
		Tree tree = mixed();

		// then: 甲县 from its three units, two complete; 乙县 by its own file; the city from its three units,
		// of which only 乙县 is complete (甲县 lacks 丙街道, 戊乡 sent nothing)
		assertThat(tree.levels()).extracting(l -> l.unit().code()).containsExactly(COUNTY_A, COUNTY_B, CITY);
		assertThat(tree.level(COUNTY_A)).isEqualTo(new Level(unit(COUNTY_A), Source.UNITS, 3, 2, false));
		assertThat(tree.level(COUNTY_B)).isEqualTo(new Level(unit(COUNTY_B), Source.OWN_FILE, 1, 1, true));
		assertThat(tree.level(CITY)).isEqualTo(new Level(unit(CITY), Source.UNITS, 3, 1, false));
	}

	@Test
	void aUnitAcceptedBelowAUnitWithItsOwnFileIsNotSummedAboveIt() {
		// when
		Tree tree = mixed();

		// then
		assertThat(tree.counts(unit(JIA))).isTrue();
		assertThat(tree.counts(unit(BING))).isFalse();
		assertThat(tree.counts(unit(COUNTY_A))).isFalse();
		assertThat(tree.counts(unit(COUNTY_B))).isTrue();
		assertThat(tree.counts(unit(DING))).isFalse();
		assertThat(tree.overruled(unit(DING))).isTrue();
		assertThat(tree.overruled(unit(JIA))).isFalse();
		assertThat(tree.overlaps()).singleElement().satisfies(o -> {
			assertThat(o.unit().code()).isEqualTo(COUNTY_B);
			assertThat(o.below()).extracting(Unit::code).containsExactly(DING);
		});
	}

	@Test
	void everyUnitAcceptedMakesEveryLevelComplete() {
		// when
		Tree tree = new Tree(registry, Map.of(JIA, Standing.ACCEPTED, YI, Standing.ACCEPTED, BING, Standing.ACCEPTED,
				DING, Standing.ACCEPTED, WU, Standing.ACCEPTED));

		// then: 乙县 sent nothing of its own, so it stands on 丁镇
		assertThat(tree.level(COUNTY_B)).isEqualTo(new Level(unit(COUNTY_B), Source.UNITS, 1, 1, true));
		assertThat(tree.level(CITY)).isEqualTo(new Level(unit(CITY), Source.UNITS, 3, 3, true));
		assertThat(tree.isComplete(unit(CITY))).isTrue();
		assertThat(tree.overlaps()).isEmpty();
	}

	@Test
	void aRejectedOwnFileLeavesItsLevelIncompleteEvenWithEveryUnitBelowAccepted() {
		// when
		Tree tree = new Tree(registry, Map.of(COUNTY_B, Standing.REJECTED, DING, Standing.ACCEPTED));

		// then
		assertThat(tree.level(COUNTY_B)).isEqualTo(new Level(unit(COUNTY_B), Source.OWN_FILE, 1, 1, false));
		assertThat(tree.standingOf(unit(WU))).isEqualTo(Standing.MISSING);
	}

}
