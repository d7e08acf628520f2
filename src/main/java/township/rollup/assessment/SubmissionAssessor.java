package township.rollup.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import township.rollup.ingest.IdentityCheck;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.submission.Cell;
import township.rollup.submission.ParsedSubmission;
import township.rollup.validation.RuleEngine;
import township.rollup.validation.Subject;

/**
 * Decides one submission: identity (year, unit code, name, file name) and the format's rules over the
 * cells that hold numbers. A file that could not be read at all is rejected on its reading findings.
 */
public final class SubmissionAssessor {

	private final IdentityCheck identity;

	private final RuleEngine engine;

	public SubmissionAssessor(ReportFormats formats, FindingFactory findings) {
		this.identity = new IdentityCheck(findings);
		this.engine = new RuleEngine(formats, findings);
	}

	public Assessment assess(Optional<ParsedSubmission> parsed, List<Finding> readFindings, AssessmentContext context) {
		List<Finding> found = new ArrayList<>();
		if (parsed.isPresent()) {
			ParsedSubmission submission = parsed.get();
			found.addAll(identity.check(submission, context.year(), context.registry()));
			if (submission.formatId() != null) {
				found.addAll(engine.check(subjectOf(submission)));
			}
		}
		return Assessment.of(readFindings, found);
	}

	public static Subject subjectOf(ParsedSubmission submission) {
		java.util.Map<String, Integer> lines = new java.util.HashMap<>();
		for (Cell cell : submission.cells().values()) {
			lines.put(cell.code(), cell.line());
		}
		return new Subject(submission.fileName(), submission.formatId(), submission.meta().unitCode(),
				submission.numbers(), lines);
	}

}
