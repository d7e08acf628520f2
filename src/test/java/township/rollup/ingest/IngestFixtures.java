package township.rollup.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.submission.SourceFile;

/**
 * The submission files of {@code src/test/resources/fixtures/ingest/}, each named after its defect and
 * indexed in {@code cases.csv}, and the parser the ingest tests read them with.
 */
final class IngestFixtures {

	static final String FOLDER = "fixtures/ingest/";

	private IngestFixtures() {
	}

	static FindingFactory factory() {
		return new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none());
	}

	static SubmissionParser parser() {
		return new SubmissionParser(ReportFormats.standard(), factory());
	}

	static byte[] bytes(String fixture) {
		try (InputStream in = IngestFixtures.class.getClassLoader().getResourceAsStream(FOLDER + fixture)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + FOLDER + fixture);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static SourceFile source(String fixture) {
		byte[] bytes = bytes(fixture);
		return new SourceFile(fixture, bytes.length, "sha", bytes);
	}

	static SubmissionParser.Result parse(String fixture) {
		return parser().parse(source(fixture));
	}

	/** The one finding of a rule; fails when there is none or more than one. */
	static Finding only(List<Finding> findings, String ruleId) {
		List<Finding> matching = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
		if (matching.size() != 1) {
			throw new AssertionError("expected exactly one " + ruleId + " finding, got " + findings);
		}
		return matching.get(0);
	}

}
