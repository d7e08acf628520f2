package township.rollup.assessment;

import java.util.List;

import township.rollup.rules.Finding;
import township.rollup.rules.Severity;

/**
 * The outcome of assessing one submission: the findings added by assessment (identity and rules; the
 * findings of reading the file are kept with the file) and the verdict over both.
 */
public record Assessment(List<Finding> findings, Verdict verdict, int errorCount, int warningCount,
		int openWarningCount) {

	/** A file that could not be assessed or stored at all: rejected on the one finding that says why. */
	public static Assessment rejectedBy(Finding why) {
		return of(List.of(), List.of(why));
	}

	static Assessment of(List<Finding> readFindings, List<Finding> assessFindings) {
		int errors = 0;
		int warnings = 0;
		int open = 0;
		for (List<Finding> list : List.of(readFindings, assessFindings)) {
			for (Finding f : list) {
				if (f.severity() == Severity.ERROR) {
					errors++;
				}
				else if (f.severity() == Severity.WARNING) {
					warnings++;
					if (f.isOpenWarning()) {
						open++;
					}
				}
			}
		}
		return new Assessment(List.copyOf(assessFindings), errors > 0 ? Verdict.REJECTED : Verdict.ACCEPTED, errors,
				warnings, open);
	}

}
