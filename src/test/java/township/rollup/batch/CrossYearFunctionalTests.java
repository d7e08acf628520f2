package township.rollup.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import township.rollup.board.BoardLine;
import township.rollup.board.UnitStatus;
import township.rollup.cli.JobRunner;
import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.StatusStore;
import township.rollup.support.DatabaseSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Two consecutive years of the fixture city 测试市 across the format change: 2020 in the 2019 trial
 * format, 2021 in the 2021 format with the city's 2021 settings (fixtures/jobs/city-a/settings/2021.csv:
 * X-JUMP from a base of 5, T4-EXCEEDS-T3 switched off). Expected findings and totals are worked out by
 * hand from the fixture files; each file's comment in the generator is repeated where it matters.
 */
class CrossYearFunctionalTests extends FunctionalTestSupport {

	static final Path INPUT = HOME.resolve("input");

	static final String CITY = "410999000000";

	@Autowired
	JobRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatusStore status;

	@Autowired
	FindingStore findings;

	@Autowired
	ConsolidatedStore consolidated;

	@BeforeEach
	void freshCityAndDatabase() throws IOException {
		DatabaseSnapshot.clean(jdbc);
		FileSystemUtils.deleteRecursively(HOME.resolve("output"));
		FileSystemUtils.deleteRecursively(INPUT);
		FileSystemUtils.copyRecursively(ConsolidationJobFunctionalTests.FIXTURE, INPUT);
	}

	@Test
	void theSecondYearIsCheckedAgainstTheFirstAcrossTheFormatChange() {
		// given
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();

		// when
		assertThat(runner.run(JobNames.NIGHTLY, 2021, false)).isZero();

		// then
		assertThat(status.board(2021)).extracting(BoardLine::unitName, BoardLine::status,
				BoardLine::errorCount, BoardLine::warningCount, BoardLine::openWarningCount)
			.containsExactly(tuple("甲镇", UnitStatus.ACCEPTED, 0, 2, 1),
					tuple("乙镇", UnitStatus.REJECTED, 2, 0, 0),
					tuple("丙街道", UnitStatus.ACCEPTED, 0, 0, 0),
					tuple("丁乡", UnitStatus.REJECTED, 1, 0, 0));

		// 乙镇 carried 1 (自然人) forward in 2020 and reports 0 carried over in 2021
		List<Finding> yi = of("410999102000");
		assertThat(yi).extracting(Finding::ruleId, f -> f.where().cellCode(), Finding::expected, Finding::actual,
				Finding::delta)
			.containsExactly(tuple("X-CARRY", "T3.r2.np", bd("1"), bd("0"), bd("-1")),
					tuple("X-CARRY", "T3.r2.tot", bd("1"), bd("0"), bd("-1")));
		assertThat(yi.get(0).messageZh()).isEqualTo(
				"表三“二、上年结转政府信息公开申请数量”行“自然人”列：应等于 2020 年度报表“四、结转下年度继续办理”的 1，填报为 0，相差 1。");

		// 甲镇: 办件量 7 → 40 is more than 5 times from a base of at least 5 (the 2021 setting), explained in
		// the file; its note for T2-INFORCE explains nothing and is reported
		List<Finding> jia = of("410999101000");
		assertThat(jia).extracting(Finding::ruleId, Finding::severity, f -> f.where().cellCode(), Finding::expected,
				Finding::actual, Finding::explanation)
			.containsExactly(
					tuple("X-JUMP", Severity.WARNING, "T2.i5.lic.decisions", bd("7"), bd("40"),
							"2021年起承接县里下放的行政许可事项，办件量增加"),
					tuple("NOTE-UNUSED", Severity.WARNING, null, null, null, null));
		assertThat(jia.get(1).messageZh()).contains("T2-INFORCE").contains("本报表没有该规则的警告");

		// 丙街道's 2020 report was rejected: nothing to compare with, which is not a pass; its Table 4
		// exceeds Table 3, but T4-EXCEEDS-T3 is switched off for 2021
		assertThat(of("410999103000")).extracting(Finding::ruleId, Finding::severity)
			.containsExactly(tuple("X-CARRY", Severity.INFO), tuple("X-JUMP", Severity.INFO));

		// 丁乡 filled in the 2019 template
		assertThat(of("410999104000")).extracting(Finding::ruleId).containsExactly("FORMAT-YEAR");

		// the 2021 report sums 甲镇 and 丙街道, in the 2021 format
		Map<String, BigDecimal> expected = new LinkedHashMap<>();
		expected.put("T2.i1.norm.issued", bd("2"));
		expected.put("T2.i1.norm.in_force", bd("2"));
		expected.put("T2.i5.lic.decisions", bd("40"));
		expected.put("T2.i8.fee.amount", bd("1.25"));
		expected.put("T3.r1.np", bd("5")); // 4 + 1
		expected.put("T3.r1.tot", bd("5"));
		expected.put("T3.r3_1.np", bd("3"));
		expected.put("T3.r3_1.tot", bd("3"));
		expected.put("T3.r3_4_1.np", bd("1"));
		expected.put("T3.r3_4_1.tot", bd("1"));
		expected.put("T3.r3_6_2.np", bd("1"));
		expected.put("T3.r3_6_2.tot", bd("1"));
		expected.put("T3.r3_7.np", bd("5"));
		expected.put("T3.r3_7.tot", bd("5"));
		expected.put("T4.rev.kept", bd("1"));
		expected.put("T4.rev.pending", bd("1"));
		expected.put("T4.rev.tot", bd("2"));
		assertThat(consolidated.report(2021, CITY)).get().extracting(ConsolidatedStore.Report::formatId).isEqualTo("2021");
		Map<String, BigDecimal> cells = consolidated.cells(2021, CITY);
		for (CellDef cell : ReportFormats.standard().get("2021").cells()) {
			assertThat(cells.get(cell.code())).as(cell.code())
				.isEqualByComparingTo(expected.getOrDefault(cell.code(), BigDecimal.ZERO));
		}
	}

	@Test
	void changingTheYearsSettingsReassessesUnchangedFiles() throws IOException {
		// given
		runner.run(JobNames.NIGHTLY, 2020, false);
		runner.run(JobNames.NIGHTLY, 2021, false);

		// when: the city withdraws its 2021 settings
		Files.delete(INPUT.resolve("settings/2021.csv"));
		assertThat(runner.run(JobNames.NIGHTLY, 2021, false)).isZero();

		// then: 丙街道's Table 4 (2 reviews) exceeds its Table 3 (1 application), now warned; 甲镇's jump
		// from 7 is below the default base of 10, so its X-JUMP note is now unused as well
		assertThat(of("410999103000")).extracting(Finding::ruleId, Finding::severity, f -> f.where().cellCode(),
				Finding::expected, Finding::actual)
			.containsExactly(tuple("T4-EXCEEDS-T3", Severity.WARNING, "T4.rev.tot", bd("1"), bd("2")),
					tuple("X-CARRY", Severity.INFO, null, null, null), tuple("X-JUMP", Severity.INFO, null, null, null));
		assertThat(of("410999101000")).extracting(Finding::ruleId).containsExactly("NOTE-UNUSED", "NOTE-UNUSED");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE report_year = 2021", Integer.class))
			.as("reassessed in place, no new versions").isEqualTo(4);
	}

	private List<Finding> of(String unitCode) {
		return findings.standing(2021)
			.stream()
			.filter(o -> unitCode.equals(o.unitCode()))
			.map(FindingStore.Owned::finding)
			.toList();
	}

	private static BigDecimal bd(String value) {
		return new BigDecimal(value);
	}

}
