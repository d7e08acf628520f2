package township.rollup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import township.rollup.support.ReportGrid;
import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closure across levels: the city's consolidated report, dropped unchanged into the inbox of the level
 * above, is read and accepted like any submission, and the level above sums it to the same numbers.
 */
class MultiLevelIT {

	@TempDir
	Path city;

	@TempDir
	Path prefecture;

	@Test
	void theCityReportIsAValidSubmissionOfThePrefecture() throws IOException {
		// given: 测试市 consolidated
		Path cityInput = city.resolve("input");
		FileSystemUtils.copyRecursively(OperationsIT.CITY_A, cityInput);
		RollupProcess.Installation cityRun = new RollupProcess.Installation(city, cityInput);
		assertThat(RollupProcess.run(cityRun, "nightly", "--year", "2020").exit()).isZero();
		Path cityReport = cityRun.outputDir().resolve("2020/410999000000_测试市_2020.csv");

		// and a prefecture whose only reporting unit is 测试市, with the city's file in its inbox
		Path input = prefecture.resolve("input");
		Files.createDirectories(input.resolve("2020"));
		Files.writeString(input.resolve("townships.csv"), "code,name,kind,parent,code_source\n"
				+ "410900000000,某州,地级市,,fixture\n410999000000,测试市,县级市,410900000000,fixture\n",
				StandardCharsets.UTF_8);
		Files.copy(cityReport, input.resolve("2020").resolve(cityReport.getFileName()));

		// when
		RollupProcess.Installation above = new RollupProcess.Installation(prefecture, input);
		RollupProcess.Result run = RollupProcess.run(above, "nightly", "--year", "2020");

		// then
		assertThat(run.exit()).as(run.all()).isZero();
		assertThat(run.out()).contains("县（市、区）1 个：已采纳 1，未通过审核 0，未报送 0").contains("审核问题：无错误、无警告");
		Map<String, String> sums = numbers(above.outputDir().resolve("2020/410900000000_某州_2020.csv"));
		assertThat(sums).hasSize(198 + 2).isEqualTo(numbers(cityReport));
	}

	/** The report's cells and narrative metrics, each as a plain number. */
	static Map<String, String> numbers(Path report) {
		return ReportGrid.read2019(report)
			.entrySet()
			.stream()
			.filter(e -> !e.getKey().startsWith("META."))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
