package township.rollup.importer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import township.rollup.assessment.Assessment;
import township.rollup.assessment.AssessmentContext;
import township.rollup.assessment.SubmissionAssessor;
import township.rollup.assessment.Verdict;
import township.rollup.bytes.Sha256;
import township.rollup.ingest.SubmissionParser;
import township.rollup.output.SubmissionCsvWriter;
import township.rollup.registry.Registry;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.submission.SourceFile;
import township.rollup.validation.Subject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published report's 本年增/减 printed {@code +19} and {@code -8}, and {@code /} where the template has no
 * cell, imported as {@code jobs/rollup import} does (the importer, then the submission writer): the
 * submission it writes is accepted by the reader with exactly those values, nothing turned into text.
 */
class ImportedSignedNumbersTests {

	private static final FindingFactory FINDINGS = new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none());

	private static final Registry REGISTRY = Registry.load(Path.of("input/townships.csv"));

	@Test
	void signedChangesAndASlashAreWrittenAsPrintedAndAccepted() {
		// given: the seed report of 邙岭镇 2020 with 行政许可 +19, 行政处罚 −8, and / after 行政事业性收费
		String seed = ImporterFixtures.text(ImporterFixtures.SEED);
		String text = seed.replace("行政许可\t0\t0\t0", "行政许可\t0\t+19\t0")
			.replace("行政处罚\t0\t0\t0", "行政处罚\t12\t-8\t0")
			.replace("行政事业性收费\t0\t0\t", "行政事业性收费\t0\t0\t/");
		assertThat(text).contains("\t+19\t", "\t-8\t", "\t/").isNotEqualTo(seed);
		ImportResult result = ImporterFixtures.read(text, PublishedReportImporter.Source.TEXT, null);

		// when: written as the import command writes it, then read as the nightly reads it
		byte[] written = SubmissionCsvWriter.filled(ReportFormats.standard().get(result.formatId()),
				new SubmissionCsvWriter.Header("邙岭镇", "410381114000", 2020, "自公开年报导入"),
				result.submissionCells(), result.narrativeCells());
		SubmissionParser.Result read = new SubmissionParser(ReportFormats.standard(), FINDINGS)
			.parse(new SourceFile("410381114000_邙岭镇_2020.csv", written.length, Sha256.hex(written), written));
		Assessment assessment = new SubmissionAssessor(ReportFormats.standard(), FINDINGS).assess(read.submission(),
				read.findings(), new AssessmentContext(2020, "2019", REGISTRY,
						REGISTRY.member("410381114000").orElseThrow(), Subject.Prior.missing(2019, "2019")));

		// then
		String csv = new String(written, StandardCharsets.UTF_8);
		assertThat(csv).contains(",+19").contains(",-8").doesNotContain("'+19").doesNotContain("'-8");
		assertThat(assessment.verdict()).as("%s", assessment.findings()).isEqualTo(Verdict.ACCEPTED);
		Map<String, BigDecimal> numbers = read.submission().orElseThrow().numbers();
		assertThat(numbers.get("T2.i5.lic.delta")).isEqualByComparingTo("19");
		assertThat(numbers.get("T2.i6.pun.prev_items")).isEqualByComparingTo("12");
		assertThat(numbers.get("T2.i6.pun.delta")).isEqualByComparingTo("-8");
		assertThat(numbers.get("T2.i8.fee.delta")).isEqualByComparingTo("0");
	}

}
