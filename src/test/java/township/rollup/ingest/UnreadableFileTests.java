package township.rollup.ingest;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.submission.SourceFile;

import static org.assertj.core.api.Assertions.assertThat;

/** A file the system will not read is recorded with a finding; it does not stop the run. */
class UnreadableFileTests {

	@TempDir
	Path inbox;

	@Test
	void aFileThatVanishedBeforeItWasReadIsAFindingNotACrash() {
		// given: listed, then deleted by someone before the run reads it
		Path gone = inbox.resolve("410381114000_邙岭镇_2020.csv");

		// when
		SourceFile file = Inbox.read(gone, SubmissionParser.MAX_BYTES);
		SubmissionParser.Result read = new SubmissionParser(ReportFormats.standard(),
				new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()))
			.parse(file);

		// then
		assertThat(file.readError()).startsWith("NoSuchFileException");
		assertThat(file.sha256()).hasSize(64);
		assertThat(read.submission()).isEmpty();
		assertThat(read.findings()).extracting(Finding::ruleId).containsExactly("FILE-UNREADABLE");
		assertThat(read.findings().get(0).messageZh())
			.startsWith("收件目录中的文件“410381114000_邙岭镇_2020.csv”无法读取（NoSuchFileException");
	}

}
