package township.rollup.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.support.ExpectedCells;
import township.rollup.support.ReportGrid;
import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command on the sample input: 偃师市 2020, through jobs/rollup in a real JVM. The
 * city report must equal the sum of the accepted sample submissions, added up independently of this
 * code (fixtures/sample-2020/expected-city-nonzero.csv lists the non-zero cells).
 */
class SampleCityIT {

	@TempDir
	Path root;

	@Test
	void sampleRunShowsAcceptedRejectedAndMissingTownshipsAndTheHandSum() {
		// given
		RollupProcess.Installation sample = new RollupProcess.Installation(root, Path.of("input"));

		// when
		RollupProcess.Result result = RollupProcess.run(sample, "nightly", "--year", "2020");

		// then
		assertThat(result.exit()).as(result.all()).isZero();
		assertThat(result.out()).contains("乡镇（街道）18 个：已采纳 16，未通过审核 1，未报送 1")
			.contains("未报送：山化镇（410381113000）")
			.contains("未通过审核：岳滩镇（错误 2）")
			.contains("[错误] T3-ROW 410381102000_岳滩镇_2020.csv 第 59 行：表三“自然人”列")
			.contains("410381000000_偃师市_2020.csv（汇总 16 个单位）")
			.contains("2020/report.html（网页版汇总报告）")
			.contains("2020/410381000000_偃师市_2020.xlsx（Excel 汇总表，报上级用）")
			// 16 accepted and 岳滩镇 rejected sent files; 山化镇 sent none and gets no page
			.contains("2020/feedback（17 个单位的反馈页，逐一转发各单位）");
		Map<String, String> city = ReportGrid.read2019(sample.outputDir().resolve("2020/410381000000_偃师市_2020.csv"));
		Map<String, BigDecimal> expected = ExpectedCells
			.read(Path.of("src/test/resources/fixtures/sample-2020/expected-city-nonzero.csv"));
		assertThat(city.get("META.unit_code")).isEqualTo("410381000000");
		assertThat(city.get("META.unit_name")).isEqualTo("偃师市");
		assertThat(city.keySet().stream().filter(k -> k.startsWith("T")).count()).isEqualTo(198);
		city.forEach((code, value) -> {
			if (code.startsWith("T")) {
				assertThat(new BigDecimal(value)).as(code)
					.isEqualByComparingTo(expected.getOrDefault(code, BigDecimal.ZERO));
			}
		});
		expected.forEach((code, value) -> {
			if (code.startsWith("NARR.")) {
				assertThat(ReportGrid.number(city, code)).as(code).isEqualByComparingTo(value);
			}
		});
		// the seed's own numbers are in there: 邙岭镇 政府集中采购 2 items, 30.5 万元 (with 16 others)
		assertThat(ReportGrid.number(city, "T2.i9.proc.amount")).isEqualByComparingTo("529.455");
	}

	@Test
	void theConsoleSpeaksTheOperatorsLanguageWhileWhatIsPublishedStaysChinese() throws Exception {
		// given
		RollupProcess.Installation sample = new RollupProcess.Installation(root, Path.of("input"));

		// when: ops read English
		RollupProcess.Result english = RollupProcess.run(sample, "nightly", "--year", "2020", "--lang", "en");

		// then: the console is English; the page, a feedback page and the workbook are Chinese
		assertThat(english.exit()).as(english.all()).isZero();
		assertThat(english.out()).contains("偃师市 (410381000000) 2020 nightly: COMPLETED");
		java.nio.file.Path out = sample.outputDir().resolve("2020");
		String page = java.nio.file.Files.readString(out.resolve("report.html"));
		assertThat(page).contains("偃师市 2020 年度政府信息公开工作年度报告（汇总）")
			.doesNotContain("annual report on government information disclosure");
		assertThat(java.nio.file.Files.readString(out.resolve("feedback/410381102000_岳滩镇.html"))).contains("收到的文件")
			.doesNotContain("The file received");
		try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory
			.create(out.resolve("410381000000_偃师市_2020.xlsx").toFile(), null, true)) {
			assertThat(workbook.getSheet("表二")).isNotNull();
			assertThat(workbook.getSheet("Table 2")).isNull();
		}

		// and with the publication language set to English, the page is English
		java.util.Map<String, String> env = new java.util.HashMap<>(sample.environment());
		env.put("ROLLUP_PUBLISH_LANG", "en");
		RollupProcess.Result published = RollupProcess.run(env, "nightly", "--year", "2020", "--force");
		assertThat(published.exit()).as(published.all()).isZero();
		assertThat(published.out()).contains("nightly：完成（COMPLETED）");
		assertThat(java.nio.file.Files.readString(out.resolve("report.html")))
			.contains("annual report on government information disclosure");
	}

}
