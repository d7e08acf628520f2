package township.rollup.output;

import java.util.List;
import java.util.TreeMap;

import township.rollup.board.BoardLine;
import township.rollup.board.BoardState;
import township.rollup.i18n.Messages;
import township.rollup.output.html.FindingLines;
import township.rollup.output.html.Views;
import township.rollup.registry.Unit;
import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.store.UnitRecordStore;
import township.rollup.submission.TextLimits;

/**
 * The findings report.html lists, ranked while the units are read: what needs action first, then the most
 * errors; bounded ({@link #FINDING_UNITS} units of at most {@link #FINDINGS_PER_UNIT} findings each),
 * never the year's findings.
 */
final class ReportFindings {

	/** The report lists the findings of at most this many units, what needs action first. */
	static final int FINDING_UNITS = 200;

	/** …and at most this many findings of one unit. */
	static final int FINDINGS_PER_UNIT = 25;

	private final Messages m;

	private final TreeMap<String, Views.UnitFindings> listed = new TreeMap<>();

	private int unitsWithFindings;

	private int unitsOmitted;

	ReportFindings(Messages m) {
		this.m = m;
	}

	/** A unit's findings (in form order); {@code page} is its feedback page's name, null when it has none. */
	void add(Unit unit, BoardLine line, UnitRecordStore.UnitRecord record, BoardState state,
			List<Finding> sorted, String page) {
		List<Finding> shown = sorted.stream().filter(f -> f.severity() != Severity.INFO).toList();
		if (shown.isEmpty()) {
			return;
		}
		unitsWithFindings++;
		String key = String.format("%d:%09d:%s", state.rank(), 999_999_999 - Math.min(line.errorCount(), 999_999_999),
				unit.code());
		if (listed.size() >= FINDING_UNITS && key.compareTo(listed.lastKey()) > 0) {
			unitsOmitted++;
			return;
		}
		List<Finding> first = shown.size() > FINDINGS_PER_UNIT ? shown.subList(0, FINDINGS_PER_UNIT) : shown;
		long info = sorted.size() - shown.size();
		String more = shown.size() > first.size() || info > 0
				? m.get("report.findings.more", shown.size() - first.size(), info) : "";
		listed.put(key, new Views.UnitFindings(unit.code(), unit.name(), state.describe(m, line), state.css(),
				record.fileName() == null ? "" : TextLimits.name(record.fileName()), FindingLines.groups(m, first), more,
				page == null ? null : ReadableReports.FEEDBACK_DIR + "/" + page));
		if (listed.size() > FINDING_UNITS) {
			listed.pollLastEntry();
			unitsOmitted++;
		}
	}

	List<Views.UnitFindings> units() {
		return List.copyOf(listed.values());
	}

	String summary() {
		return m.get("report.findings.summary", unitsWithFindings, listed.size(), FINDINGS_PER_UNIT);
	}

	String omitted() {
		return unitsOmitted == 0 ? "" : m.get("report.findings.omitted", unitsOmitted);
	}

}
