package township.rollup.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import township.rollup.ingest.IdentityCheck;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Explanations;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;
import township.rollup.submission.Cell;
import township.rollup.submission.ParsedSubmission;
import township.rollup.validation.RuleEngine;
import township.rollup.validation.Subject;

/**
 * Decides one submission: identity (year, unit code, name, file name), the year's format, then the
 * format's rules over the cells that hold numbers, last year's report included. Warnings the township
 * explained with a {@code NOTE} line carry the explanation; a note that explains nothing is reported.
 * A file that could not be read at all is rejected on its reading findings.
 */
public final class SubmissionAssessor {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubmissionAssessor.class);

	/** A file as a finding of its own names it: name, size and SHA-256. */
	public record FileRef(String fileName, long sizeBytes, String sha256) {
	}

	private final FindingFactory findings;

	private final IdentityCheck identity;

	private final RuleEngine engine;

	public SubmissionAssessor(ReportFormats formats, FindingFactory findings) {
		this.findings = findings;
		this.identity = new IdentityCheck(findings);
		this.engine = new RuleEngine(formats, findings);
	}

	/**
	 * The verdict on one file: the one the nightly's assess step and {@code check} both give, so that a
	 * clerk's instant check says exactly what the night will. A failure of the product's own rules on
	 * this file's numbers is the file's finding {@code FILE-INTERNAL} (logged in full), never the end of
	 * the run for the other units.
	 */
	public Assessment assessFile(FileRef file, Optional<ParsedSubmission> parsed, List<Finding> readFindings,
			AssessmentContext context) {
		return assessFile(file, parsed, readFindings, context, List.of());
	}

	/**
	 * {@link #assessFile} for a stored version with the explanations written for it in the portal, as
	 * {@code (rule id, text)} pairs: they explain its warnings exactly as NOTE lines of the file would.
	 */
	public Assessment assessFile(FileRef file, Optional<ParsedSubmission> parsed, List<Finding> readFindings,
			AssessmentContext context, List<Map.Entry<String, String>> added) {
		try {
			return assess(parsed, readFindings, context, added);
		}
		catch (RuntimeException | StackOverflowError ex) {
			log.error("assessing {} failed inside the rules", file.fileName(), ex);
			String reason = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
			return Assessment.rejectedBy(findings
				.create("FILE-INTERNAL", Where.file(file.fileName()),
						Map.of("size", file.sizeBytes(), "sha256", file.sha256(), "reason", reason))
				.orElseThrow());
		}
	}

	/**
	 * Why a file that belongs to no unit counts for none: it is not a report at all (a PDF, a picture:
	 * {@code FILE-NOT-SUBMISSION}), or a report whose unit cannot be told ({@code FILE-UNATTRIBUTED}).
	 */
	public Finding withoutUnit(String fileName) {
		if (!township.rollup.ingest.Inbox.isSubmission(fileName)) {
			return township.rollup.ingest.Inbox.notSubmission(fileName, findings);
		}
		return findings.create("FILE-UNATTRIBUTED", Where.file(fileName), Map.of()).orElseThrow();
	}

	/** The verdict without the guard, for tests of the rules; {@link #assessFile} is what the product calls. */
	public Assessment assess(Optional<ParsedSubmission> parsed, List<Finding> readFindings, AssessmentContext context) {
		return assess(parsed, readFindings, context, List.of());
	}

	/**
	 * The verdict with explanations written beside the file (the portal's): the version's explanations are
	 * the file's NOTE lines followed by these, one list applied to its warnings of reading and of the rules
	 * alike. Each explanation that explains nothing is reported (NOTE-UNUSED): a file's note at its line,
	 * one written in the portal at the file. The portal takes an explanation only for a rule with an open
	 * warning, but the same version is assessed again when the rules or the year's settings change (a rule
	 * switched off, made an error), and its explanations with it. NOTE-UNUSED is a warning like any other:
	 * an explanation of it explains it.
	 */
	public Assessment assess(Optional<ParsedSubmission> parsed, List<Finding> readFindings, AssessmentContext context,
			List<Map.Entry<String, String>> added) {
		List<Finding> found = new ArrayList<>();
		if (parsed.isPresent()) {
			ParsedSubmission submission = parsed.get();
			found.addAll(identity.check(submission, context.year(), context.registry()));
			String format = submission.formatId();
			if (format != null && context.yearFormat() != null && !format.equals(context.yearFormat())) {
				findings.create("FORMAT-YEAR", Where.file(submission.fileName()).atLine(
						submission.metaLines().get("META.format")),
						Map.of("format", format, "year", context.year(), "yearFormat", context.yearFormat()))
					.ifPresent(found::add);
			}
			else if (format != null) {
				found.addAll(engine.check(subjectOf(submission, context)));
			}
			List<Written> written = new ArrayList<>();
			submission.notes().forEach(n -> written.add(new Written(n.ruleId(), n.text(), n.line())));
			added.forEach(a -> written.add(new Written(a.getKey(), a.getValue(), null)));
			Explanations explanations = Explanations.of(written.stream().map(Written::pair).toList());
			found = new ArrayList<>(explanations.apply(found));
			found.addAll(explanations.apply(unused(submission.fileName(), written, readFindings, found)));
			if (!added.isEmpty()) {
				// the reader applied the file's own notes to its warnings; the version's are these and the added
				readFindings = explanations.apply(readFindings);
			}
		}
		return Assessment.of(readFindings, found);
	}

	/** An explanation of the version: a NOTE line of the file (with its line), or one written in the portal (none). */
	private record Written(String ruleId, String text, Integer line) {

		Map.Entry<String, String> pair() {
			return new java.util.AbstractMap.SimpleImmutableEntry<>(ruleId, text);
		}

	}

	/**
	 * The NOTE-UNUSED findings of the explanations that explain nothing; those of NOTE-UNUSED itself last,
	 * against the others' findings. All are explained by an explanation of NOTE-UNUSED, one that explains
	 * nothing itself too: a stale one (kept by a version assessed again) is then shown, explained, rather
	 * than an open warning that only a new file could end.
	 */
	private List<Finding> unused(String fileName, List<Written> written, List<Finding> readFindings, List<Finding> found) {
		List<Finding> out = new ArrayList<>();
		for (Written w : written) {
			if (!w.ruleId().equals(NOTE_UNUSED)) {
				unused(fileName, w, List.of(readFindings, found)).ifPresent(out::add);
			}
		}
		List<Finding> ofNotes = List.copyOf(out);
		for (Written w : written) {
			if (w.ruleId().equals(NOTE_UNUSED)) {
				unused(fileName, w, List.of(ofNotes)).ifPresent(out::add);
			}
		}
		return out;
	}

	private static final String NOTE_UNUSED = "NOTE-UNUSED";

	private Optional<Finding> unused(String fileName, Written w, List<List<Finding>> lists) {
		List<Finding> ofRule = new ArrayList<>();
		for (List<Finding> list : lists) {
			list.stream().filter(f -> f.ruleId().equals(w.ruleId())).forEach(ofRule::add);
		}
		boolean known = findings.catalogue().find(w.ruleId()).isPresent();
		boolean warned = ofRule.stream().anyMatch(f -> f.severity() == Severity.WARNING);
		boolean empty = w.text() == null || w.text().isBlank();
		if (warned && !empty) {
			return Optional.empty();
		}
		boolean error = ofRule.stream().anyMatch(Finding::isError);
		Map<String, Object> args = new HashMap<>();
		args.put("noteRule", w.ruleId());
		args.put("empty", known && warned && empty);
		args.put("unknown", !known);
		args.put("error", known && error);
		args.put("silent", known && !error && !warned);
		args.put("portal", w.line() == null);
		Where where = w.line() == null ? Where.file(fileName) : Where.file(fileName).atLine(w.line());
		return findings.create(NOTE_UNUSED, where, args);
	}

	public static Subject subjectOf(ParsedSubmission submission, AssessmentContext context) {
		Map<String, Integer> lines = new HashMap<>();
		for (Cell cell : submission.cells().values()) {
			lines.put(cell.code(), cell.line());
		}
		for (Cell cell : submission.narrative().values()) {
			lines.put(cell.code(), cell.line());
		}
		// the 总体情况 figures beside the cells: a rule compares one with Table 3
		Map<String, java.math.BigDecimal> values = new java.util.LinkedHashMap<>(submission.numbers());
		values.putAll(submission.narrativeNumbers());
		String kind = context.unit() == null ? "" : context.unit().kind();
		// a unit with units below it sends their consolidation: its 总体情况 figures may sum only some of them
		boolean consolidated = context.unit() != null && context.registry() != null
				&& !context.registry().isLeaf(context.unit().code());
		return new Subject(submission.fileName(), submission.formatId(), submission.meta().unitCode(), kind,
				values, lines, context.prior(), consolidated ? Subject.Coverage.unknown() : null);
	}

}
