package township.rollup.batch;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import township.rollup.cli.JobRunner;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.support.DatabaseSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NARR-RECEIVED at the level of the city, through the real nightly and annual jobs over 测试市 with only
 * 甲镇 (GBK; 表三 一、本年新收 总计 3) and 乙镇 (UTF-8 with BOM; 总计 1) registered, so that the year can be
 * final. The city's Table 3 total is 4. Each test appends the figure each town states to its file.
 */
class NarrativeLevelFunctionalTests extends FunctionalTestSupport {

	static final Path HOME = ConsolidationJobFunctionalTests.HOME;

	static final Path INPUT = ConsolidationJobFunctionalTests.INPUT;

	static final String CITY = ConsolidationJobFunctionalTests.CITY;

	static final Path JIA = INPUT.resolve("2020/410999101000_甲镇_2020.csv");

	static final Path YI = INPUT.resolve("2020/410999102000_乙镇_2020.csv");

	@Autowired
	JobRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FindingStore findings;

	@Autowired
	ConsolidatedStore consolidated;

	@BeforeEach
	void freshCityOfTwoTowns() throws IOException {
		DatabaseSnapshot.clean(jdbc);
		FileSystemUtils.deleteRecursively(HOME.resolve("output"));
		FileSystemUtils.deleteRecursively(INPUT);
		FileSystemUtils.copyRecursively(ConsolidationJobFunctionalTests.FIXTURE, INPUT);
		Files.writeString(INPUT.resolve("townships.csv"), "code,name,kind,parent,code_source\n"
				+ "410999000000,测试市,县级市,,fixture\n410999101000,甲镇,镇,410999000000,fixture\n"
				+ "410999102000,乙镇,镇,410999000000,fixture\n", StandardCharsets.UTF_8);
		Files.delete(INPUT.resolve("2020/410999103000_丙街道_2020.csv"));
	}

	private static void states(Path file, Charset charset, int applications) throws IOException {
		Files.write(file, ("NARR.applications_received,本年收到政府信息公开申请（件）," + applications + "\r\n").getBytes(charset),
				StandardOpenOption.APPEND);
	}

	private List<FindingStore.Owned> narrative() {
		return findings.standing(2020).stream().filter(o -> o.finding().ruleId().equals("NARR-RECEIVED")).toList();
	}

	@Test
	void aFigureOnlySomeTownsStatedIsAnInfoWithTheCountAndTheYearIsFinalAllTheSame() throws IOException {
		// given: 乙镇 states 1, as its table; 甲镇 states nothing
		states(YI, StandardCharsets.UTF_8, 1);

		// when
		int exit = runner.run(JobNames.ANNUAL, 2020, false);

		// then: an INFO of the city that says 1 of the 2 reports stated it, and the year is final
		assertThat(exit).isZero();
		assertThat(narrative()).singleElement().satisfies(o -> {
			assertThat(o.unitCode().strip()).isEqualTo(CITY);
			assertThat(o.finding().severity().name()).isEqualTo("INFO");
			assertThat(o.finding().where().fileName()).isEqualTo("410999000000_测试市_2020.csv");
			assertThat(o.finding().messageZh()).contains("合计 1 件只来自汇总的 2 份报表中的 1 份", "的 4 件比较");
		});
		assertThat(consolidated.report(2020, CITY)).get().extracting(ConsolidatedStore.Report::stage).isEqualTo("FINAL");
		assertThat(Files.readString(HOME.resolve("output/2020/findings.csv"), StandardCharsets.UTF_8))
			.contains("410999000000,测试市,").contains("NARR-RECEIVED");
	}

	@Test
	void aFigureEveryTownStatedIsComparedWithTheCitysTable() throws IOException {
		// given: 甲镇 states 3 (as its table), 乙镇 states 2 (its table says 1)
		states(JIA, Charset.forName("GB18030"), 3);
		states(YI, StandardCharsets.UTF_8, 2);

		// when
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();

		// then: 乙镇's own warning (2 against 1), and the city's (5 against 4)
		assertThat(narrative()).extracting(o -> o.unitCode().strip(), o -> o.finding().severity().name(),
				o -> o.finding().expected().toPlainString(), o -> o.finding().actual().toPlainString())
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("410999102000", "WARNING", "2", "1"),
					org.assertj.core.groups.Tuple.tuple(CITY, "WARNING", "5", "4"));
		assertThat(narrative()).filteredOn(o -> o.unitCode().strip().equals(CITY)).singleElement()
			.satisfies(o -> assertThat(o.finding().messageZh()).contains("“本年收到政府信息公开申请” 5 件，",
					"填报为 4 件，相差 1 件"));
	}

	@Test
	void aFigureEveryTownStatedAsItsTableIsNothing() throws IOException {
		// given
		states(JIA, Charset.forName("GB18030"), 3);
		states(YI, StandardCharsets.UTF_8, 1);

		// when
		int exit = runner.run(JobNames.ANNUAL, 2020, false);

		// then
		assertThat(exit).isZero();
		assertThat(narrative()).isEmpty();
		assertThat(consolidated.cells(2020, CITY)).containsEntry("NARR.applications_received",
				new java.math.BigDecimal("4"));
	}

}
