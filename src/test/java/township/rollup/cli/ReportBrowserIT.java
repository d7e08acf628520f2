package township.rollup.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.support.Chromium;
import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample run's report.html and a feedback page in a real browser (Debian's headless Chromium with a
 * CJK font, .ci/chromium.sh): no console message, the three tables and the charts in the DOM the browser
 * built, and a screenshot that is not blank. A control page proves that a console error would be seen.
 */
class ReportBrowserIT {

	@TempDir
	Path root;

	@Test
	void theReportAndAFeedbackPageLoadCleanlyInChromium() throws Exception {
		// given: the README's first command on the sample input
		Chromium.require();
		RollupProcess.Installation sample = new RollupProcess.Installation(root, Path.of("input"));
		RollupProcess.Result result = RollupProcess.run(sample, "nightly", "--year", "2020");
		assertThat(result.exit()).as(result.all()).isZero();
		Path out = sample.outputDir().resolve("2020");

		// when
		Chromium.Load report = Chromium.load(out.resolve("report.html"), root.resolve("browser-report"), 1200, 2400);
		Chromium.Load feedback = Chromium.load(out.resolve("feedback/410381102000_岳滩镇.html"),
				root.resolve("browser-feedback"), 1000, 1400);

		// then
		assertThat(report.console()).as(report.log()).isEmpty();
		assertThat(feedback.console()).as(feedback.log()).isEmpty();
		Document dom = Jsoup.parse(report.dom());
		assertThat(dom.select("#table-T2 table.grid, #table-T3 table.grid, #table-T4 table.grid")).hasSize(3);
		assertThat(dom.select("#table-T3 td[headers]")).hasSize(23 * 7);
		assertThat(dom.select("#chart-outcomes svg g.bar")).hasSize(16);
		assertThat(dom.select("#chart-outcomes table.chart-data tbody tr")).hasSize(18);
		assertThat(dom.select("#banner").text()).contains("日常汇总（NIGHTLY）");
		Chromium.Ink ink = Chromium.ink(report.screenshot());
		assertThat(ink.share()).as("share of the screenshot not background").isGreaterThan(0.03);
		assertThat(ink.colours()).as("colours in the screenshot").isGreaterThan(50);
		Document page = Jsoup.parse(feedback.dom());
		assertThat(page.select("#verdict").text()).startsWith("未通过审核（错误 2 个）");
		assertThat(page.select("#to-fix tbody tr")).hasSize(2);
		assertThat(page.select("table.grid")).hasSize(3);
		assertThat(Chromium.ink(feedback.screenshot()).share()).isGreaterThan(0.03);
	}

	@Test
	void aConsoleErrorWouldBeSeen() throws Exception {
		// given: a page that logs an error, the control for the check above
		Chromium.require();
		Path bad = root.resolve("bad.html");
		Files.writeString(bad, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>x</p>"
				+ "<script>console.error('boom'); missingFunction();</script></body></html>", StandardCharsets.UTF_8);

		// when
		Chromium.Load load = Chromium.load(bad, root.resolve("browser-bad"), 400, 300);

		// then
		assertThat(load.console()).anySatisfy(line -> assertThat(line).contains("boom"))
			.anySatisfy(line -> assertThat(line).contains("missingFunction"));
		assertThat(Chromium.ink(load.screenshot()).share()).isLessThan(0.03);
	}

}
