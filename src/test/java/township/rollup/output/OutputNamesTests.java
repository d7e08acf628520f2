package township.rollup.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import township.rollup.registry.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A name from the registry is never a path. */
class OutputNamesTests {

	private static Unit unit(String name) {
		return new Unit("410381101000", name, "镇", "410381000000", "fixture");
	}

	@Test
	void anOrdinaryNameIsKept() {
		assertThat(OutputNames.report(unit("城关镇"), 2020)).isEqualTo("410381101000_城关镇_2020.csv");
	}

	@Test
	void separatorsDotsAndControlCharactersAreNeutralised() {
		assertThat(OutputNames.report(unit("../../etc/passwd"), 2020)).isEqualTo("410381101000_etc_passwd_2020.csv");
		assertThat(OutputNames.report(unit("城关\\镇"), 2020)).isEqualTo("410381101000_城关_镇_2020.csv");
		assertThat(OutputNames.report(unit("城关\n镇\u0000"), 2020)).isEqualTo("410381101000_城关_镇_2020.csv");
		assertThat(OutputNames.report(unit("a:b*c?d\"e<f>g|h"), 2020)).isEqualTo("410381101000_a_b_c_d_e_f_g_h_2020.csv");
		assertThat(OutputNames.report(unit("城关\u202e镇"), 2020)).isEqualTo("410381101000_城关_镇_2020.csv");
	}

	@Test
	void aNameOfNothingButDotsLeavesTheCode() {
		assertThat(OutputNames.report(unit(".."), 2020)).isEqualTo("410381101000_2020.csv");
	}

	@Test
	void aLongNameIsShortenedSoTheFileNameFitsTheFileSystem() {
		String name = OutputNames.named(unit("镇".repeat(100)), 2020, ".import.csv");
		assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
		assertThat(name).startsWith("410381101000_镇镇").endsWith("_2020.import.csv");
	}

	@Test
	void withinRefusesAnythingOutsideTheFolder() {
		Path dir = Path.of("/tmp/out/2020");
		assertThat(OutputNames.within(dir, "a.csv")).isEqualTo(Path.of("/tmp/out/2020/a.csv"));
		assertThatThrownBy(() -> OutputNames.within(dir, "../a.csv")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutputNames.within(dir, "x/a.csv")).isInstanceOf(IllegalArgumentException.class);
	}

}
