package township.rollup.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.board.BoardLine;
import township.rollup.board.BoardState;
import township.rollup.output.FormOrder;
import township.rollup.output.html.FindingLines;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.store.ReturnStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.UnitRecordStore;
import township.rollup.store.UploadStore;

/**
 * What a unit's page shows, read for one person: checked here again against their scope, whatever the
 * route checked. The verdict and the findings are worded as on the unit's feedback page (the same board
 * state, the same finding lines in the form's order); the versions come from the store, each named with
 * who sent it (a person through the portal, or the inbox).
 */
public final class UnitPage {

	/** One version of a unit's file, as the page lists it. */
	public record VersionLine(String version, String time, String sender, String fileName, String size,
			String sha256, String verdict, boolean current) {
	}

	private final PortalSettings settings;

	private final UnitRecordStore records;

	private final SubmissionStore submissions;

	private final UploadStore uploads;

	private final ReturnStore returns;

	private final PortalExplanations explanations;

	private final java.time.Clock clock;

	public UnitPage(PortalSettings settings, UnitRecordStore records, SubmissionStore submissions,
			UploadStore uploads, ReturnStore returns, PortalExplanations explanations, java.time.Clock clock) {
		this.clock = clock;
		this.settings = settings;
		this.records = records;
		this.submissions = submissions;
		this.uploads = uploads;
		this.returns = returns;
		this.explanations = explanations;
	}

	/** A rule with warnings nobody explained yet: one text box on the page. */
	public record OpenRule(String ruleId, long warnings) {
	}

	/** An explanation in force, as the page shows it: the rule, the text, and where it came from. */
	public record ExplanationLine(String ruleId, String text, String source) {

		/** The cells of its row in the page's table. */
		public List<String> cells() {
			return List.of(ruleId, text, source);
		}

	}

	/** A return of the unit's, as the return form lists it: the version, when, who, and the comment. */
	public record ReturnLine(String version, String time, String user, String comment) {

		/** The cells of its row in the form's table. */
		public List<String> cells() {
			return List.of(version, time, user, comment);
		}

	}

	/** The unit {@code code} if {@code user} may see it; not found otherwise, so that no page says who exists. */
	public Unit visible(PortalUser user, String code) {
		Registry registry = settings.registry();
		if (!user.scope().covers(registry, code)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return registry.unit(code).orElseThrow();
	}

	public Map<String, Object> model(PortalUser user, String code) {
		Unit unit = visible(user, code);
		Registry registry = settings.registry();
		Messages m = Messages.of(user.language());
		OfficeTime times = settings.rollup().times();
		int year = settings.year();
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("year", year);
		v.put("unitName", unit.name());
		v.put("unitCode", unit.code());
		v.put("parentName", registry.parent(unit).map(Unit::name).orElse(""));
		v.put("maySend", user.scope().maySend(registry, code));
		v.put("hasTemplate", registry.member(code).isPresent());
		v.put("timeZone", times.note(m));
		var found = records.one(year, unit.code());
		v.put("assessed", found.isPresent());
		township.rollup.board.Deadline deadline = settings.deadline(clock.instant());
		v.put("deadline", deadline.at() == null ? m.get("portal.unit.no-deadline")
				: m.get("portal.unit.deadline", times.format(deadline.at()), times.zone().getId()));
		// late as the board says it: a unit that sends files with no accepted one once the deadline passed
		boolean sends = registry.member(code).isPresent() && registry.isLeaf(code);
		boolean late = sends && (found.isEmpty() ? deadline.passed() : deadline.late(found.get().line()));
		v.put("late", late);
		v.put("lateText", deadline.at() == null || !sends ? "" : m.get(late ? "portal.unit.late" : "portal.unit.on-time"));
		List<Finding> toFix = List.of();
		List<Finding> other = List.of();
		if (found.isPresent()) {
			UnitRecordStore.UnitRecord record = found.get();
			BoardLine line = record.line();
			BoardState state = BoardState.of(line, false, deadline);
			v.put("stateCss", state.css());
			v.put("verdict", state.action(m).isEmpty() ? state.describe(m, line)
					: m.get("feedback.verdict", state.describe(m, line), state.action(m)));
			v.put("counts", m.get("feedback.counts", line.errorCount(), line.warningCount(), line.openWarningCount()));
			List<Finding> sorted = new ArrayList<>(record.findings());
			sorted.sort(new FormOrder(formatOf(record.formatId())).comparator());
			toFix = sorted.stream().filter(f -> f.severity() == Severity.ERROR || f.isOpenWarning()).toList();
			other = sorted.stream().filter(f -> !(f.severity() == Severity.ERROR || f.isOpenWarning())).toList();
		}
		explanationsModel(v, user, unit, found.orElse(null), history(year, unit.code()), m, times);
		v.put("toFix", FindingLines.groups(m, toFix));
		v.put("other", FindingLines.groups(m, other));
		Map<String, List<UploadStore.Upload>> sent = uploads.ofUnit(year, unit.code());
		List<VersionLine> versions = new ArrayList<>();
		List<SubmissionStore.Version> history = history(year, unit.code());
		for (int i = history.size() - 1; i >= 0; i--) {
			SubmissionStore.Version s = history.get(i);
			UploadStore.Upload upload = sender(sent.getOrDefault(UploadStore.key(s.fileName(), s.sha256()), List.of()),
					s.createdAt());
			String sender = upload == null ? m.get("portal.unit.sender.inbox")
					: m.get("portal.unit.sender.portal", upload.username(), times.format(upload.receivedAt()));
			versions.add(new VersionLine("v" + s.version(), times.format(s.createdAt()), sender, s.fileName(),
					String.valueOf(s.sizeBytes()), s.sha256(), m.get(s.status().key()),
					s.isCurrent()));
		}
		v.put("versions", versions);
		returnModel(v, user, unit, m, times);
		return v;
	}

	/**
	 * The office's return of the current version, in force until the unit sends the next one (who, which
	 * version, when, the comment: {@code returned}, {@code returnComment}), and whether {@code user} may
	 * return it now ({@code mayReturn}): not while the current version is returned already, nor before the
	 * unit has a version; an office that
	 * may return it may read the returns' record ({@code mayReadReturns}). The unit's page and the return
	 * form read it alike.
	 */
	void returnModel(Map<String, Object> v, PortalUser user, Unit unit, Messages m, OfficeTime times) {
		var inForce = returns.inForce(settings.year(), unit.code());
		v.put("returned", inForce
			.map(r -> m.get("portal.unit.returned", "v" + r.version(), r.username(), times.format(r.returnedAt())))
			.orElse(null));
		v.put("returnComment", inForce.map(ReturnStore.Return::comment).orElse(null));
		boolean office = Returns.mayReturn(user, settings.registry(), unit.code());
		// nothing to return before the unit has a version of its own (the form would only be refused)
		v.put("mayReturn", inForce.isEmpty() && office && Returns.hasVersion(records.one(settings.year(), unit.code())));
		// the returns' record stays one click away for the office while the return is in force
		v.put("mayReadReturns", office);
	}

	private List<SubmissionStore.Version> history(int year, String code) {
		return submissions.history(year, code);
	}

	/**
	 * The explanations of the current version with who wrote them and when, and, for the unit's own
	 * township, one text box per rule with an open warning and the offer to copy the previous version's.
	 */
	private void explanationsModel(Map<String, Object> v, PortalUser user, Unit unit,
			UnitRecordStore.UnitRecord record, List<SubmissionStore.Version> history, Messages m, OfficeTime times) {
		Long currentId = record == null ? null : record.line().submissionId();
		SubmissionStore.Version current = history.stream()
			.filter(s -> currentId != null && s.id() == currentId)
			.findFirst()
			.orElse(null);
		List<ExplanationLine> inForce = new ArrayList<>();
		List<OpenRule> open = new ArrayList<>();
		boolean copyable = false;
		if (current != null) {
			for (PortalExplanations.InForce e : explanations.ofVersion(current)) {
				inForce.add(new ExplanationLine(e.ruleId(), e.text(), e.fromFile()
						? m.get("portal.explain.source.file", "v" + current.version())
						: m.get("portal.explain.source.portal", e.username(), times.format(e.at()))));
			}
			for (String rule : PortalExplanations.openRules(record)) {
				open.add(new OpenRule(rule, record.findings().stream()
					.filter(f -> f.isOpenWarning() && f.ruleId().equals(rule))
					.count()));
			}
			var previous = explanations.previous(unit.code(), currentId);
			if (previous.isPresent()) {
				var before = explanations.ofVersion(previous.get());
				copyable = open.stream().anyMatch(o -> before.stream().anyMatch(e -> e.ruleId().equals(o.ruleId())));
				v.put("previousVersion", "v" + previous.get().version());
			}
		}
		boolean mayExplain = current != null && user.scope().maySend(settings.registry(), unit.code());
		v.put("explanations", inForce);
		v.put("openRules", mayExplain ? open : List.of());
		v.put("mayCopy", mayExplain && copyable);
		v.put("noteLimit", township.rollup.submission.TextLimits.NOTE);
	}

	/** Of the uploads of a version's name and content, the last one sent before the version was made. */
	static UploadStore.Upload sender(List<UploadStore.Upload> uploads, java.time.Instant created) {
		UploadStore.Upload found = null;
		for (UploadStore.Upload u : uploads) {
			if (found == null || !u.receivedAt().isAfter(created)) {
				found = u;
			}
		}
		return found;
	}

	private ReportFormat formatOf(String formatId) {
		ReportFormats formats = ReportFormats.standard();
		if (formatId != null && formats.find(formatId).isPresent()) {
			return formats.get(formatId);
		}
		return formats.get(settings.rollup().loadYearSettings(settings.year()).formatId());
	}

}
