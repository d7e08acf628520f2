package township.rollup.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import township.rollup.reportformat.Labels;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.Where;
import township.rollup.submission.ParsedSubmission;

/**
 * Whether a submission is who and when it says: its year is the run's year, its unit code is registered
 * under the consolidating unit with the same name, and its file name does not speak for another unit.
 */
public final class IdentityCheck {

	private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

	private final FindingFactory findings;

	public IdentityCheck(FindingFactory findings) {
		this.findings = findings;
	}

	public List<Finding> check(ParsedSubmission submission, int year, Registry registry) {
		Map<String, Integer> metaLines = submission.metaLines();
		List<Finding> out = new ArrayList<>();
		Where file = Where.file(submission.fileName());
		String writtenYear = submission.meta().year();
		if (writtenYear != null) {
			String digits = CellParser.normalize(writtenYear).replaceFirst("年$", "");
			if (!digits.equals(String.valueOf(year))) {
				report(out, "META-YEAR", file.atLine(metaLines.get("META.year")),
						Map.of("written", writtenYear, "year", year));
			}
		}
		String code = submission.meta().unitCode();
		Optional<Unit> byContent = Optional.empty();
		if (code != null) {
			Where at = file.atLine(metaLines.get("META.unit_code"));
			if (!TWELVE_DIGITS.matcher(code).matches()) {
				report(out, "META-CODE", at, Map.of("written", code));
			}
			else {
				byContent = registry.member(code);
				if (byContent.isEmpty()) {
					report(out, "META-CODE-UNKNOWN", at,
							Map.of("written", code, "parent", registry.consolidating().name()));
				}
			}
		}
		String name = submission.meta().unitName();
		if (byContent.isPresent() && name != null
				&& !Labels.normalize(name).equals(Labels.normalize(byContent.get().name()))) {
			report(out, "META-NAME", file.atLine(metaLines.get("META.unit_name")),
					Map.of("written", name, "code", code, "registeredName", byContent.get().name()));
		}
		Optional<Unit> byName = Attribution.fromFileName(submission.fileName(), registry);
		if (byName.isPresent() && byContent.isPresent() && !byName.get().code().equals(byContent.get().code())) {
			report(out, "FILE-NAME-MISMATCH", file,
					Map.of("nameUnit", byName.get().name(), "nameCode", byName.get().code(), "contentUnit",
							byContent.get().name(), "contentCode", byContent.get().code()));
		}
		return out;
	}

	private void report(List<Finding> out, String ruleId, Where where, Map<String, ?> args) {
		findings.create(findings.catalogue().rule(ruleId), where, null, null, args).ifPresent(out::add);
	}

}
