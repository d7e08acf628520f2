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

	static final Path HOME = Path.of("target/functional-tests");

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
		for (StatusStore.Line line : status.board(2020)) {
			String want = verdicts.get(line.unitCode());
			if (want != null) {
				assertThat(line.status().name()).as(line.unitCode() + " " + line.unitName()).isEqualTo(want);
			}
			else {
				assertThat(line.status()).as(line.unitCode()).isEqualTo(StatusStore.Status.CONSOLIDATED);
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
			assertThat(l.status()).isEqualTo(StatusStore.Status.ACCEPTED);
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

}
