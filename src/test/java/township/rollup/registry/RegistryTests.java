package township.rollup.registry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import township.rollup.i18n.Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry of units: the sample 偃师市 file, and every way a registry file can be unusable. */
class RegistryTests {

	private static final String HEADER = "code,name,kind,parent,code_source\n";

	private static final String ROOT = "410381000000,偃师市,县级市,,real\n";

	private static Registry parse(String text) {
		return Registry.parse(text.getBytes(StandardCharsets.UTF_8), "townships.csv");
	}

	@Test
	void theSampleRegistryHasOneConsolidatingUnitAnd18Members() {
		// when
		Registry registry = Registry.load(Path.of("input/townships.csv"));

		// then
		assertThat(registry.consolidating().code()).isEqualTo("410381000000");
		assertThat(registry.consolidating().name()).isEqualTo("偃师市");
		assertThat(registry.consolidating().kind()).isEqualTo("县级市");
		assertThat(registry.consolidating().parentCode()).isEmpty();
		assertThat(registry.members()).hasSize(18);
		assertThat(registry.members().get(0).code()).isEqualTo("410381001000");
		assertThat(registry.members().get(0).name()).isEqualTo("商城街道");
		assertThat(registry.members().get(17).code()).isEqualTo("410381114000");
		assertThat(registry.members().get(17).name()).isEqualTo("邙岭镇");
		assertThat(registry.members()).allSatisfy(u -> {
			assertThat(u.parentCode()).isEqualTo("410381000000");
			assertThat(u.isTownLevel()).isTrue();
		});
		assertThat(registry.members()).filteredOn(u -> u.kind().equals("街道")).hasSize(3);
		assertThat(registry.member("410381101000")).hasValueSatisfying(u -> assertThat(u.name()).isEqualTo("城关镇"));
		assertThat(registry.member("410381000000")).isEmpty();
		assertThat(registry.member(null)).isEmpty();
		assertThat(registry.sha256()).matches("[0-9a-f]{64}");
	}

	@Test
	void aRegistrySavedByExcelAsGbkLoadsWithItsChineseNames(@TempDir Path dir) throws Exception {
		// given: Chinese Excel's plain "CSV" is GBK
		Path file = Files.write(dir.resolve("townships.csv"),
				(HEADER + ROOT + "410381101000,城关镇,镇,410381000000,sample\n").getBytes("GBK"));

		// when
		Registry registry = Registry.load(file);

		// then
		assertThat(registry.consolidating().name()).isEqualTo("偃师市");
		assertThat(registry.consolidating().kind()).isEqualTo("县级市");
		assertThat(registry.members()).singleElement().satisfies(u -> {
			assertThat(u.name()).isEqualTo("城关镇");
			assertThat(u.kind()).isEqualTo("镇");
		});
	}

	@Test
	void aRegistryWithAUtf8ByteOrderMarkLoadsWithItsChineseNames(@TempDir Path dir) throws Exception {
		// given: Excel's "CSV UTF-8" starts with EF BB BF, before the first column's name
		byte[] text = (HEADER + ROOT + "410381101000,城关镇,镇,410381000000,sample\n").getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[text.length + 3];
		bytes[0] = (byte) 0xEF;
		bytes[1] = (byte) 0xBB;
		bytes[2] = (byte) 0xBF;
		System.arraycopy(text, 0, bytes, 3, text.length);
		Path file = Files.write(dir.resolve("townships.csv"), bytes);

		// when
		Registry registry = Registry.load(file);

		// then
		assertThat(registry.consolidating().code()).isEqualTo("410381000000");
		assertThat(registry.consolidating().name()).isEqualTo("偃师市");
		assertThat(registry.members()).singleElement().satisfies(u -> assertThat(u.name()).isEqualTo("城关镇"));
	}

	@Test
	void aRegistryThatIsNeitherUtf8NorGbkIsAnErrorNamingTheLine() {
		// given: line 2 holds 0xFF, which starts no UTF-8 or GB18030 character
		byte[] head = (HEADER + "410381000000,").getBytes(StandardCharsets.UTF_8);
		byte[] bytes = java.util.Arrays.copyOf(head, head.length + 1);
		bytes[head.length] = (byte) 0xFF;

		// when / then
		assertThatThrownBy(() -> Registry.parse(bytes, "townships.csv")).isInstanceOf(RegistryException.class)
			.hasMessageStartingWith("townships.csv line 2: ")
			.hasMessageContaining("not UTF-8 or GBK");
	}

	@Test
	void aBrokenRegistryIsWordedInChineseThenEnglishFromTheCatalogue() {
		// when
		RegistryException broken = org.assertj.core.api.Assertions.catchThrowableOfType(RegistryException.class,
				() -> parse(HEADER + ROOT + "4103811010,城关镇,镇,410381000000,sample\n"));

		// then: the place and the problem in each language, Chinese first; the message (the log's) in English
		assertThat(broken.text().key()).isEqualTo("config.at-line");
		assertThat(Text.bilingual(broken)).isEqualTo("townships.csv 第 3 行：代码“4103811010”不是 12 位区划代码"
				+ " / townships.csv line 3: code '4103811010' is not a 12-digit division code");
		assertThat(broken).hasMessage("townships.csv line 3: code '4103811010' is not a 12-digit division code");
	}

	@Test
	void aMinimalRegistryParses() {
		// when
		Registry registry = parse(HEADER + ROOT + "410381101000,城关镇,镇,410381000000,sample\n");

		// then
		assertThat(registry.consolidating().name()).isEqualTo("偃师市");
		assertThat(registry.members()).containsExactly(new Unit("410381101000", "城关镇", "镇", "410381000000", "sample"));
	}

	@Test
	void aUtf8ByteOrderMarkAtTheStartIsAccepted() {
		// given
		byte[] text = (HEADER + ROOT + "410381101000,城关镇,镇,410381000000,sample\n").getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, withBom, 3, text.length);

		// when
		Registry registry = Registry.parse(withBom, "townships.csv");

		// then
		assertThat(registry.consolidating().code()).isEqualTo("410381000000");
		assertThat(registry.members()).extracting(Unit::code).containsExactly("410381101000");
	}

	@Test
	void spacesAroundValuesAreTrimmedAndBlankLinesSkipped() {
		// when
		Registry registry = parse(HEADER + ROOT + "\n 410381101000 , 城关镇 , 镇 , 410381000000 , sample \n");

		// then
		assertThat(registry.members()).containsExactly(new Unit("410381101000", "城关镇", "镇", "410381000000", "sample"));
	}

	@ParameterizedTest(name = "code {0}")
	@ValueSource(strings = { "41038110100", "4103811010000", "41038110100x", "410381-10100" })
	void aCodeThatIsNot12DigitsIsAnError(String code) {
		// given
		String text = HEADER + ROOT + code + ",城关镇,镇,410381000000,sample\n";

		// when / then
		assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryException.class)
			.hasMessageContaining(code)
			.hasMessageContaining("12-digit");
	}

	@Test
	void twoRootsAreAnError() {
		// given
		String text = HEADER + ROOT + "410307000000,偃师区,市辖区,,real\n"
				+ "410381101000,城关镇,镇,410381000000,sample\n";

		// when / then
		assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryException.class).hasMessageContaining("found 2");
	}

	@Test
	void noRootIsAnError() {
		// given
		String text = HEADER + "410381101000,城关镇,镇,410381000000,sample\n";

		// when / then
		assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryException.class).hasMessageContaining("found 0");
	}

	@Test
	void aTreeOfUnitsIsReadWithItsLevels() {
		// given: a prefecture, two counties (one with townships and a department, one with none below it)
		String text = HEADER + "410300000000,洛阳市,地级市,,x\n" + "410381000000,偃师市,县级市,410300000000,x\n"
				+ "410381101000,城关镇,镇,410381000000,x\n" + "410381114000,邙岭镇,镇,410381000000,x\n"
				+ "410381900001,偃师市教育局,部门,410381000000,x\n" + "410322000000,孟津县,县,410300000000,x\n";

		// when
		Registry registry = parse(text);

		// then
		assertThat(registry.consolidating().name()).isEqualTo("洛阳市");
		assertThat(registry.members()).extracting(Unit::name)
			.containsExactly("偃师市", "孟津县", "城关镇", "邙岭镇", "偃师市教育局");
		assertThat(registry.children("410381000000")).extracting(Unit::name).containsExactly("城关镇", "邙岭镇", "偃师市教育局");
		assertThat(registry.leaves()).extracting(Unit::name).containsExactly("孟津县", "城关镇", "邙岭镇", "偃师市教育局");
		assertThat(registry.levels()).extracting(Unit::name).containsExactly("偃师市", "洛阳市");
		assertThat(registry.depth("410381114000")).isEqualTo(2);
		assertThat(registry.parent(registry.member("410381114000").orElseThrow())).get().extracting(Unit::name)
			.isEqualTo("偃师市");
	}

	@Test
	void aSubtreeIsTheTreeBelowOneUnit() {
		// given
		String text = HEADER + "410300000000,洛阳市,地级市,,x\n" + "410381000000,偃师市,县级市,410300000000,x\n"
				+ "410381101000,城关镇,镇,410381000000,x\n" + "410322000000,孟津县,县,410300000000,x\n"
				+ "410322100000,城关镇,镇,410322000000,x\n";

		// when
		Registry yanshi = parse(text).subtree("410381000000");

		// then
		assertThat(yanshi.consolidating().code()).isEqualTo("410381000000");
		assertThat(yanshi.members()).extracting(Unit::code).containsExactly("410381101000");
		assertThat(yanshi.sha256()).isNotEqualTo(parse(text).sha256());
		assertThatThrownBy(() -> parse(text).subtree("410381101000")).hasMessageContaining("no units below it");
	}

	@Test
	void aNameMatchesAFileNameOnlyWhenOneUnitHasIt() {
		// given: two 城关镇 in one prefecture
		Registry registry = parse(HEADER + "410300000000,洛阳市,地级市,,x\n" + "410381000000,偃师市,县级市,410300000000,x\n"
				+ "410381101000,城关镇,镇,410381000000,x\n" + "410381114000,邙岭镇,镇,410381000000,x\n"
				+ "410322000000,孟津县,县,410300000000,x\n" + "410322100000,城关镇,镇,410322000000,x\n");

		// when / then
		assertThat(registry.named("邙岭镇2020年报.csv")).get().extracting(Unit::code).isEqualTo("410381114000");
		assertThat(registry.named("城关镇2020年报.csv")).isEmpty();
		assertThat(registry.named("偃师市城关镇.csv")).get().extracting(Unit::code).isEqualTo("410381101000");
		assertThat(registry.named("偃师市邙岭镇城关镇.csv")).isEmpty();
		assertThat(registry.named("报表.csv")).isEmpty();
	}

	@Test
	void aParentThatIsNotInTheRegistryIsAnError() {
		// given
		String text = HEADER + ROOT + "410381101000,城关镇,镇,410381000000,sample\n"
				+ "410381101001,某村,村,410381109999,sample\n";

		// when / then
		assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryException.class)
			.hasMessageContaining("410381101001")
			.hasMessageContaining("410381109999");
	}

	@Test
	void parentsInACycleAreAnError() {
		// given
		String text = HEADER + ROOT + "410381101000,城关镇,镇,410381000000,sample\n"
				+ "410381102000,甲,镇,410381103000,sample\n" + "410381103000,乙,镇,410381102000,sample\n";

		// when / then
		assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryException.class).hasMessageContaining("cycle");
	}

	@Test
	void aDuplicateCodeIsAnError() {
		// given
		String text = HEADER + ROOT + "410381101000,城关镇,镇,410381000000,sample\n"
				+ "410381101000,城关镇,镇,410381000000,sample\n";

		// when / then
		assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryException.class)
			.hasMessageContaining("410381101000")
			.hasMessageContaining("twice");
	}

	@Test
	void theRootListedAgainAsAMemberIsAnError() {
		// given
		String text = HEADER + ROOT + "410381000000,偃师市,县级市,410381000000,real\n";

		// when / then
		assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryException.class);
	}

	@Test
	void aMissingNameIsAnError() {
		// given
		String text = HEADER + ROOT + "410381101000,,镇,410381000000,sample\n";

		// when / then
		assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryException.class)
			.hasMessageContaining("410381101000")
			.hasMessageContaining("no name");
	}

	@Test
	void aRegistryWithoutMembersIsAnError() {
		// when / then
		assertThatThrownBy(() -> parse(HEADER + ROOT)).isInstanceOf(RegistryException.class);
	}

	@ParameterizedTest(name = "without {0}")
	@ValueSource(strings = { "code", "name", "kind", "parent", "code_source" })
	void aMissingHeaderColumnIsAnError(String missing) {
		// given: the sample registry with one column taken out of the header and of every line; the header
		// is code,name,kind,parent,code_source, and without kind every unit loses its 乡/镇/街道 kind
		List<String> columns = List.of("code", "name", "kind", "parent", "code_source");
		int index = columns.indexOf(missing);
		StringBuilder text = new StringBuilder();
		for (String line : List.of("code,name,kind,parent,code_source", "410381000000,偃师市,县级市,,real",
				"410381101000,城关镇,镇,410381000000,sample", "410381102000,岳滩镇,镇,410381000000,sample")) {
			List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
			cells.remove(index);
			text.append(String.join(",", cells)).append('\n');
		}

		// when / then
		assertThatThrownBy(() -> parse(text.toString())).isInstanceOf(RegistryException.class);
	}

	@Test
	void anUnknownHeaderColumnIsAnError() {
		// given
		String text = "code,name,kind,parent,code_source,remark\n" + "410381000000,偃师市,县级市,,real,\n"
				+ "410381101000,城关镇,镇,410381000000,sample,\n";

		// when / then
		assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryException.class);
	}

	@Test
	void aMissingFileIsAnError(@TempDir Path dir) {
		// when / then
		assertThatThrownBy(() -> Registry.load(dir.resolve("townships.csv"))).isInstanceOf(RegistryException.class)
			.hasMessageContaining("not found");
	}

	@Test
	void loadReadsAFileFromDisk(@TempDir Path dir) throws Exception {
		// given
		Path file = dir.resolve("townships.csv");
		Files.writeString(file, "\uFEFF" + HEADER + ROOT + "410381101000,城关镇,镇,410381000000,sample\r\n",
				StandardCharsets.UTF_8);

		// when
		Registry registry = Registry.load(file);

		// then
		assertThat(registry.members()).extracting(Unit::name).containsExactly("城关镇");
	}

	@Test
	void aMistakeNamesTheLineItIsOn() {
		// given: line 1 the header, line 2 the city, line 3 a code of 11 digits
		byte[] bytes = ("code,name,kind,parent,code_source\n410381000000,偃师市,县级市,,x\n41038110100,城关镇,镇,410381000000,x\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);

		// when / then
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Registry.parse(bytes, "townships.csv"))
			.hasMessageContaining("townships.csv line 3: code '41038110100'");
	}

	@Test
	void aNameLongerThanAHundredCharactersIsAMistake() {
		// given
		byte[] bytes = ("code,name,kind,parent,code_source\n410381000000,偃师市,县级市,,x\n410381101000," + "镇".repeat(101)
				+ ",镇,410381000000,x\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

		// when / then
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Registry.parse(bytes, "townships.csv"))
			.hasMessageContaining("townships.csv line 3: the name of unit 410381101000 has 101 characters; at most 100");
	}

}
