package township.rollup.rollup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import township.rollup.registry.Registry;

/**
 * The small tree the roll-up tests sum, written out by hand:
 *
 * <pre>
 * 410300000000 洛阳市 (consolidating)
 * ├── 410381000000 甲县: 410381101000 甲镇, 410381102000 乙镇, 410381103000 丙街道
 * ├── 410382000000 乙县 (sends a file of its own): 410382101000 丁镇
 * └── 410300101000 戊乡
 * </pre>
 */
final class Units {

	static final String CITY = "410300000000";

	static final String COUNTY_A = "410381000000";

	static final String JIA = "410381101000";

	static final String YI = "410381102000";

	static final String BING = "410381103000";

	static final String COUNTY_B = "410382000000";

	static final String DING = "410382101000";

	static final String WU = "410300101000";

	private Units() {
	}

	static Registry registry(Path dir) {
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
		try {
			return Registry.load(Files.writeString(dir.resolve("units.csv"), csv, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
