package township.rollup.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import township.rollup.board.BoardLine;
import township.rollup.board.UnitStatus;
import township.rollup.cli.JobRunner;
import township.rollup.generate.Generator;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.StatusStore;
import township.rollup.support.DatabaseSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province of two prefectures, nine counties of townships and departments, some counties sending their
 * own consolidated file, consolidated in one run; every level's totals equal those the generator added
 * up while it made the files, cell by cell, and every file has the verdict the generator intended.
 */
class TreeConsolidationFunctionalTests extends FunctionalTestSupport {

	static final Path HOME = FunctionalTestSupport.HOME;

	static final Path INPUT = HOME.resolve("input");

	@Autowired
	JobRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConsolidatedStore consolidated;

	@Autowired
	StatusStore status;

	@Autowired
	FindingStore findings;

	@BeforeEach
	void fresh() throws IOException {
		DatabaseSnapshot.clean(jdbc);
		FileSystemUtils.deleteRecursively(HOME.resolve("output"));
		FileSystemUtils.deleteRecursively(INPUT);
	}

	private Generator.Made generate(boolean overlap) {
		return new Generator(new Generator.Spec(120, 7, 0.05, 0.05, 0.25, overlap, "2019", List.of("utf8", "bom", "gbk"),
				2020), ReportFormats.standard().get("2019"), INPUT).generate();
	}

	static Map<String, Map<String, BigDecimal>> expectedTotals() throws IOException {
		Map<String, Map<String, BigDecimal>> totals = new TreeMap<>();
		List<String> lines = Files.readAllLines(INPUT.resolve("expected/totals.csv"), StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			totals.computeIfAbsent(f[0], k -> new TreeMap<>()).put(f[1], new BigDecimal(f[2]));
		}
		return totals;
	}

	static Map<String, String> expectedVerdicts() throws IOException {
		Map<String, String> verdicts = new HashMap<>();
		List<String> lines = Files.readAllLines(INPUT.resolve("expected/verdicts.csv"), StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",", -1);
			verdicts.put(f[0], f[2]);
		}
		return verdicts;
	}

	private void assertEveryLevelAsExpected() throws IOException {
		Map<String, Map<String, BigDecimal>> expected = expectedTotals();
		assertThat(consolidated.reports(2020)).extracting(r -> r.unitCode().strip())
			.containsExactlyInAnyOrderElementsOf(expected.keySet());
		expected.forEach((unit, cells) -> {
			Map<String, BigDecimal> actual = new TreeMap<>(consolidated.cells(2020, unit));
			assertThat(actual.keySet()).as(unit).isEqualTo(cells.keySet());
			cells.forEach((cell, value) -> assertThat(actual.get(cell)).as(unit + " " + cell).isEqualByComparingTo(value));
		});
		Map<String, String> verdicts = expectedVerdicts();
		for (BoardLine line : status.board(2020)) {
			String want = verdicts.get(line.unitCode());
			if (want != null) {
				assertThat(line.status().name()).as(line.unitCode() + " " + line.unitName()).isEqualTo(want);
			}
			else {
				assertThat(line.status()).as(line.unitCode()).isEqualTo(UnitStatus.CONSOLIDATED);
			}
		}
	}

	@Test
	void aProvinceIsConsolidatedAtEveryLevelInOneRun() throws IOException {
		// given
		Generator.Made made = generate(false);
		assertThat(made.prefectures()).isEqualTo(2);
		assertThat(made.countyFiles()).isPositive();

		// when
		int exit = runner.run(JobNames.NIGHTLY, 2020, false);

		// then
		assertThat(exit).isZero();
		assertEveryLevelAsExpected();
		// a published report for every level, each a valid submission of the level above
		try (var files = Files.list(HOME.resolve("output/2020"))) {
			assertThat(files.filter(p -> p.getFileName().toString().matches("\\d{12}_.*_2020\\.csv")).count())
				.isEqualTo(expectedTotals().size());
		}
		// a county standing on its own file: its board line says so, and its units are not expected
		assertThat(status.board(2020)).anySatisfy(l -> {
			assertThat(l.source()).isEqualTo("OWN_FILE");
			assertThat(l.status()).isEqualTo(UnitStatus.ACCEPTED);
		});
	}

	@Test
	void aCountysOwnFileBesideItsUnitsFilesIsNeverCountedTwice() throws IOException {
		// given: the counties that send their own file have their units' files in the inbox too
		generate(true);

		// when
		int exit = runner.run(JobNames.NIGHTLY, 2020, false);

		// then: the county's own file counts, once; the finding names the county and its units' files
		assertThat(exit).isZero();
		assertEveryLevelAsExpected();
		List<Finding> overlaps = findings.standing(2020)
			.stream()
			.map(FindingStore.Owned::finding)
			.filter(f -> f.ruleId().equals("ROLLUP-OVERLAP"))
			.toList();
		long ownFiles = status.board(2020).stream().filter(l -> "OWN_FILE".equals(l.source())).count();
		assertThat(overlaps).hasSize((int) ownFiles);
		assertThat(overlaps.get(0).messageZh()).contains("报送了本级汇总文件").contains("不再计入上级合计");
	}

	@Test
	void aPartOfTheTreeIsConsolidatedAloneWithUnit() throws IOException {
		// given
		generate(false);
		Map<String, Map<String, BigDecimal>> expected = expectedTotals();
		String root = Files.readAllLines(INPUT.resolve("townships.csv"), StandardCharsets.UTF_8).get(1).split(",")[0];
		String prefecture = expected.keySet().stream().filter(c -> !c.equals(root) && c.endsWith("00000000")).findFirst()
			.orElseThrow();

		// when
		int exit = runner.run(JobNames.NIGHTLY, 2020, false, prefecture);

		// then: the prefecture and its counties, nothing above or beside it, with the generator's sums
		assertThat(exit).isZero();
		List<String> reports = consolidated.reports(2020).stream().map(r -> r.unitCode().strip()).toList();
		assertThat(reports).contains(prefecture).doesNotContain(root)
			.allSatisfy(code -> assertThat(code).startsWith(prefecture.substring(0, 4)));
		expected.get(prefecture).forEach((cell, value) -> assertThat(consolidated.cells(2020, prefecture).get(cell))
			.as(cell).isEqualByComparingTo(value));
	}

	@Test
	void aCountysOwnFileIsCheckedAgainstLastYearsConsolidationOfIt() throws IOException {
		// given: 2020 consolidated from the townships; in 2021 (still the 2019 tables) one county sends its
		// 2020 consolidated report again as its own file, relabelled 2021
		generate(false);
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();
		Map<String, Map<String, BigDecimal>> expected = expectedTotals();
		String county = expected.keySet().stream().filter(c -> c.endsWith("000000") && !c.endsWith("00000000"))
			.findFirst()
			.orElseThrow();
		Path own;
		try (var files = Files.list(HOME.resolve("output/2020"))) {
			own = files.filter(p -> p.getFileName().toString().startsWith(county)).findFirst().orElseThrow();
		}
		Files.createDirectories(INPUT.resolve("2021"));
		Files.createDirectories(INPUT.resolve("settings"));
		Files.writeString(INPUT.resolve("settings/2021.csv"), "key,value,reason\nformat,2019,test\n", StandardCharsets.UTF_8);
		String text = Files.readString(own, StandardCharsets.UTF_8).replace("META.year,报告年度,2020", "META.year,报告年度,2021");
		Files.writeString(INPUT.resolve("2021").resolve(own.getFileName().toString().replace("_2020.csv", "_2021.csv")), text,
				StandardCharsets.UTF_8);

		// when
		int exit = runner.run(JobNames.NIGHTLY, 2021, false);

		// then: X-CARRY compares this year's carried-over applications with last year's consolidated
		// 结转下年度 of the county, as the generator added them up
		assertThat(exit).isZero();
		BoardLine line = status.board(2021).stream().filter(l -> l.unitCode().equals(county)).findFirst()
			.orElseThrow();
		List<Finding> carry = findings.ofSubmission(line.submissionId()).stream()
			.filter(f -> f.ruleId().equals("X-CARRY") && f.severity() == township.rollup.rules.Severity.ERROR)
			.toList();
		Map<String, BigDecimal> lastYear = expected.get(county);
		long columnsThatDiffer = List.of("np", "com", "sci", "npo", "law", "oth", "tot").stream()
			.filter(c -> lastYear.get("T3.r4." + c).compareTo(lastYear.get("T3.r2." + c)) != 0)
			.count();
		assertThat(columnsThatDiffer).as("the fixture must make X-CARRY fire").isPositive();
		assertThat(carry).hasSize((int) columnsThatDiffer);
		carry.forEach(f -> {
			String column = f.where().columnCode();
			assertThat(f.expected()).as(column).isEqualByComparingTo(lastYear.get("T3.r4." + column));
			assertThat(f.actual()).as(column).isEqualByComparingTo(lastYear.get("T3.r2." + column));
		});
	}

}
