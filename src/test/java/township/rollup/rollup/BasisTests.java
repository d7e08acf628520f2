package township.rollup.rollup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.registry.Registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static township.rollup.rollup.Units.CITY;
import static township.rollup.rollup.Units.COUNTY_A;
import static township.rollup.rollup.Units.COUNTY_B;
import static township.rollup.rollup.Units.JIA;
import static township.rollup.rollup.Units.YI;

/** The basis of each level: the files summed below it, hashed line by line as written out here. */
class BasisTests {

	static Registry registry;

	@BeforeAll
	static void registry(@TempDir Path dir) {
		registry = Units.registry(dir);
	}

	/** SHA-256 computed here with the JDK, not with the code under test. */
	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void eachLevelRestsOnTheFilesSummedBelowIt() throws Exception {
		// given
		Basis basis = new Basis(registry);

		// when
		basis.add(registry.member(JIA).orElseThrow(), 1, "aa");
		basis.add(registry.member(YI).orElseThrow(), 3, "bb");
		basis.add(registry.member(COUNTY_B).orElseThrow(), 2, "cc");

		// then
		assertThat(basis.of(COUNTY_A)).isEqualTo(sha256("410381101000:1:aa\n410381102000:3:bb\n"));
		assertThat(basis.of(CITY))
			.isEqualTo(sha256("410381101000:1:aa\n410381102000:3:bb\n410382000000:2:cc\n"));
		assertThat(basis.of(COUNTY_B)).isEqualTo(sha256(""));
		// asked again, the same answer
		assertThat(basis.of(COUNTY_A)).isEqualTo(sha256("410381101000:1:aa\n410381102000:3:bb\n"));
	}

	@Test
	void aFileAddedAfterTheBasisWasTakenIsRefused() {
		// given
		Basis basis = new Basis(registry);
		basis.of(COUNTY_A);

		// when / then
		assertThatThrownBy(() -> basis.add(registry.member(JIA).orElseThrow(), 1, "aa"))
			.isInstanceOf(IllegalStateException.class);
	}

}
