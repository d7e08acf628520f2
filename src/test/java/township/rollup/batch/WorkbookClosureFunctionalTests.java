package township.rollup.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import township.rollup.board.BoardLine;
import township.rollup.board.UnitStatus;
import township.rollup.cli.JobRunner;
import township.rollup.generate.Generator;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Severity;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.StatusStore;
import township.rollup.support.DatabaseSnapshot;
import township.rollup.support.ReportGrid;
import township.rollup.support.XlsxFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closure through the workbook: at every level of a generated province (a county, a prefecture, the
 * province), the workbook the run publishes, dropped alone into the inbox of a level above that has only
 * that unit, is accepted with no finding and summed to exactly the numbers of the unit's CSV report (and
 * of the generator's sums). The unit's CSV report and workbook together are one submission; a workbook
 * with other numbers beside the CSV report is a conflict.
 */
class WorkbookClosureFunctionalTests extends FunctionalTestSupport {

	static final Path HOME = TreeConsolidationFunctionalTests.HOME;

	static final Path INPUT = TreeConsolidationFunctionalTests.INPUT;

	static final Path GENERATED = HOME.resolve("closure-generated");

	/** The level above, whose only unit is the level under test. */
	static final String ABOVE = "990000000000";

	@Autowired
	JobRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConsolidatedStore consolidated;

	@Autowired
	StatusStore status;

	@Autowired
	FindingStore findingStore;

	@Test
	void everyLevelsWorkbookIsAcceptedAboveWithExactlyItsCsvNumbers() throws IOException {
		// given: a province of prefectures and counties, as the generator makes it, with its sums by hand
		fresh();
		FileSystemUtils.deleteRecursively(GENERATED);
		new Generator(new Generator.Spec(120, 7, 0.05, 0.05, 0.25, false, "2019", List.of("utf8", "bom", "gbk"), 2020),
				ReportFormats.standard().get("2019"), INPUT).generate();
		FileSystemUtils.copyRecursively(INPUT, GENERATED);
		Map<String, Map<String, BigDecimal>> expected = TreeConsolidationFunctionalTests.expectedTotals();
		Registry registry = Registry.load(INPUT.resolve("townships.csv"));
		String province = registry.consolidating().code();
		String prefecture = expected.keySet()
			.stream()
			.filter(c -> !c.equals(province) && c.endsWith("00000000"))
			.findFirst()
			.orElseThrow();
		String county = expected.keySet()
			.stream()
			.filter(c -> c.endsWith("000000") && !c.endsWith("00000000"))
			.findFirst()
			.orElseThrow();

		for (String level : List.of(county, prefecture, province)) {
			Unit unit = registry.unit(level).orElseThrow();
			// when the level's own nightly publishes its CSV report and its workbook
			fresh();
			FileSystemUtils.copyRecursively(GENERATED, INPUT);
			assertThat(runner.run(JobNames.NIGHTLY, 2020, false, level.equals(province) ? null : level)).isZero();
			String name = level + "_" + unit.name() + "_2020";
			byte[] csv = Files.readAllBytes(HOME.resolve("output/2020/" + name + ".csv"));
			byte[] xlsx = Files.readAllBytes(HOME.resolve("output/2020/" + name + ".xlsx"));
			Path csvCopy = HOME.resolve(name + ".csv");
			Files.write(csvCopy, csv);
			Map<String, String> csvNumbers = numbers(csvCopy);
			assertThat(csvNumbers.keySet()).as(level).isEqualTo(expected.get(level).keySet());

			// and the level above reads the workbook alone
			above(unit, Map.of(name + ".xlsx", xlsx));

			// then it is accepted, with no error and no warning, and summed to the CSV report's numbers
			BoardLine line = lineOf(level);
			assertThat(line.status()).as(level).isEqualTo(UnitStatus.ACCEPTED);
			assertThat(line.errorCount() + line.warningCount()).as(level).isZero();
			Map<String, BigDecimal> sums = new TreeMap<>(consolidated.cells(2020, ABOVE));
			assertThat(plain(sums)).as(level).isEqualTo(new TreeMap<>(csvNumbers));
			assertThat(sums.keySet()).as(level).isEqualTo(expected.get(level).keySet());
			expected.get(level)
				.forEach((cell, value) -> assertThat(sums.get(cell)).as(level + " " + cell).isEqualByComparingTo(value));

			if (level.equals(county)) {
				// and: the CSV report and the workbook, both sent, are one submission, not a conflict
				above(unit, Map.of(name + ".xlsx", xlsx, name + ".csv", csv));
				assertThat(lineOf(level).status()).isEqualTo(UnitStatus.ACCEPTED);
				assertThat(lineOf(level).reason()).isNull();
				assertThat(plain(consolidated.cells(2020, ABOVE))).isEqualTo(new TreeMap<>(csvNumbers));
				// and the workbook set aside says why, on its own file, in Chinese first
				assertThat(findingStore.standing(2020)).filteredOn(o -> o.finding().ruleId().equals("FILE-SET-ASIDE"))
					.singleElement()
					.satisfies(o -> {
						assertThat(o.unitCode()).isEqualTo(level);
						assertThat(o.finding().severity()).isEqualTo(Severity.INFO);
						assertThat(o.finding().where().fileName()).isEqualTo(name + ".xlsx");
						assertThat(o.finding().messageZh()).isEqualTo(unit.name() + "（" + level + "）的本文件与 " + name
								+ ".csv 内容相同（数字和基本信息一致），两者按同一份报送处理，以 " + name
								+ ".csv 为准，本文件不另计，也不算重复报送。");
					});

				// and a workbook whose one number differs from the CSV report is a conflict
				byte[] other = XlsxFixtures.edit(xlsx, wb -> {
					var cell = XlsxFixtures.cell(wb, "T3.r4.np");
					cell.setCellValue(cell.getNumericCellValue() + 1);
				});
				above(unit, Map.of(name + ".xlsx", other, name + ".csv", csv));
				assertThat(lineOf(level).status()).isEqualTo(UnitStatus.REJECTED);
				assertThat(lineOf(level).reason()).isEqualTo("CONFLICT");
				assertThat(findingStore.standing(2020)).extracting(o -> o.finding().ruleId())
					.contains("FILE-DUPLICATE")
					.doesNotContain("FILE-SET-ASIDE");
			}
		}
	}

	private void fresh() throws IOException {
		DatabaseSnapshot.clean(jdbc);
		FileSystemUtils.deleteRecursively(HOME.resolve("output"));
		FileSystemUtils.deleteRecursively(INPUT);
	}

	/** A fresh nightly of a level above whose only unit is {@code unit}, with these files in its inbox. */
	private void above(Unit unit, Map<String, byte[]> inbox) throws IOException {
		fresh();
		Files.createDirectories(INPUT.resolve("2020"));
		Files.writeString(INPUT.resolve("townships.csv"), "code,name,kind,parent,code_source\n" + ABOVE
				+ ",上级,省,,fixture\n" + unit.code() + "," + unit.name() + "," + unit.kind() + "," + ABOVE + ",fixture\n",
				StandardCharsets.UTF_8);
		for (Map.Entry<String, byte[]> file : inbox.entrySet()) {
			Files.write(INPUT.resolve("2020").resolve(file.getKey()), file.getValue());
		}
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();
	}

	private BoardLine lineOf(String code) {
		return status.board(2020).stream().filter(l -> l.unitCode().strip().equals(code)).findFirst().orElseThrow();
	}

	/** The report's cells and 总体情况 numbers as plain numbers, as the CSV report writes them. */
	private static Map<String, String> numbers(Path report) {
		Map<String, String> numbers = new TreeMap<>();
		ReportGrid.read2019(report).forEach((code, value) -> {
			if (!code.startsWith("META.")) {
				numbers.put(code, value);
			}
		});
		return numbers;
	}

	private static Map<String, String> plain(Map<String, BigDecimal> numbers) {
		Map<String, String> plain = new TreeMap<>();
		numbers.forEach((code, value) -> plain.put(code, township.rollup.rules.FindingFactory.plain(value)));
		return plain;
	}

}
