package township.rollup.importer;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import township.rollup.assessment.Assessment;
import township.rollup.assessment.AssessmentContext;
import township.rollup.assessment.SubmissionAssessor;
import township.rollup.ingest.SubmissionParser;
import township.rollup.output.SubmissionCsvWriter;
import township.rollup.registry.Registry;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.rules.Severity;
import township.rollup.submission.SourceFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applications received that a published report states in 一、总体情况, imported and then checked
 * against the 表三 it prints, as {@code import} and the nightly do it. The seed (邙岭镇 2020) states no
 * such figure and prints 0 new applications; the same text with one sentence added states 17.
 */
class NarrativeAgainstTablesImportTests {

	private static final String SENTENCE = "本年度共收到政府信息公开申请17件。";

	private static final Registry REGISTRY = Registry.load(Path.of("input/townships.csv"));

	private static final FindingFactory FACTORY = new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none());

	/** The seed with the sentence added to (二) 依申请公开情况 of 总体情况, on line 9. */
	private static String seedStatingTheFigure() {
		String seed = ImporterFixtures.text(ImporterFixtures.SEED);
		String before = "二是咨询政府信息情况";
		assertThat(seed).containsOnlyOnce(before);
		return seed.replace(before, SENTENCE + before);
	}

	/** The submission {@code import} writes for 邙岭镇, read and assessed as the nightly would. */
	private static Assessment importedAndAssessed(ImportResult result) {
		byte[] csv = SubmissionCsvWriter.filled(ReportFormats.standard().get(result.formatId()),
				new SubmissionCsvWriter.Header("邙岭镇", "410381114000", 2020), result.submissionCells(),
				result.narrativeCells());
		String name = "410381114000_邙岭镇_2020.csv";
		SubmissionParser.Result read = new SubmissionParser(ReportFormats.standard(), FACTORY)
			.parse(new SourceFile(name, csv.length, "0".repeat(64), csv));
		return new SubmissionAssessor(ReportFormats.standard(), FACTORY).assess(read.submission(), read.findings(),
				new AssessmentContext(2020, "2019", REGISTRY, REGISTRY.member("410381114000").orElseThrow(), null));
	}

	@Test
	void theSeedStatesNoApplicationsReceivedAndNothingIsInvented() {
		// when
		ImportResult result = ImporterFixtures.read(ImporterFixtures.text(ImporterFixtures.SEED),
				PublishedReportImporter.Source.TEXT, null);

		// then
		CellImport received = result.narrative().stream()
			.filter(c -> c.code().equals("NARR.applications_received"))
			.findFirst()
			.orElseThrow();
		assertThat(received.status()).isEqualTo(ImportStatus.NOT_FOUND);
		assertThat(received.reason()).isEqualTo(Reason.NARR_NOT_STATED);
		assertThat(result.narrativeCells()).doesNotContainKey("NARR.applications_received");
		assertThat(importedAndAssessed(result).findings()).extracting(Finding::ruleId).doesNotContain("NARR-RECEIVED");
	}

	@Test
	void aStatedFigureIsImportedWithItsLineAndWarnsAgainstTable3() {
		// when
		ImportResult result = ImporterFixtures.read(seedStatingTheFigure(), PublishedReportImporter.Source.TEXT, null);

		// then: taken from its sentence on line 9
		CellImport received = result.narrative().stream()
			.filter(c -> c.code().equals("NARR.applications_received"))
			.findFirst()
			.orElseThrow();
		assertThat(received.status()).isEqualTo(ImportStatus.VALUE);
		assertThat(received.text()).isEqualTo("17");
		assertThat(received.lines()).containsExactly(9);
		assertThat(received.args()).containsExactly("收到政府信息公开申请17件");
		// every other figure as the seed states it, the tables unchanged: 表三 一、本年新收 总计 is 0
		assertThat(result.submissionCells()).containsEntry("T3.r1.tot", "0");

		// and the nightly's verdict on the imported file: 17 in the text against 0 in the table
		List<Finding> narrative = importedAndAssessed(result).findings()
			.stream()
			.filter(f -> f.ruleId().equals("NARR-RECEIVED"))
			.toList();
		assertThat(narrative).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.WARNING);
			assertThat(f.expected()).isEqualByComparingTo("17");
			assertThat(f.actual()).isEqualByComparingTo("0");
			assertThat(f.where().cellCode()).isEqualTo("T3.r1.tot");
		});
	}

}
