package township.rollup.output.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import township.rollup.i18n.Messages;
import township.rollup.output.FormOrder;
import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;

/** Findings as the pages list them: grouped by the file and each table, in the order of the form. */
public final class FindingLines {

	private FindingLines() {
	}

	public static Views.FindingLine line(Messages m, Finding f, Tokens t) {
		Where w = f.where();
		String place = "";
		if (w != null) {
			List<String> parts = new ArrayList<>();
			if (w.fileName() != null) {
				parts.add(w.fileName());
			}
			if (w.address() != null) {
				parts.add(w.address());
			}
			else if (w.line() != null) {
				parts.add(m.get("report.finding.line", w.line()));
			}
			place = String.join(" ", parts);
		}
		String explanation = "";
		if (f.severity() == Severity.WARNING) {
			explanation = f.explanation() != null ? f.explanation() : m.get("report.finding.unexplained");
		}
		return new Views.FindingLine(
				t.text(m.get("report.severity." + f.severity().name().toLowerCase(java.util.Locale.ROOT))),
				t.text(f.severity().name().toLowerCase(java.util.Locale.ROOT)), t.text(f.ruleId()),
				t.text(w == null || w.rowLabel() == null ? (w == null || w.rowCode() == null ? "" : w.rowCode())
						: w.rowLabel()),
				t.text(w == null || w.columnLabel() == null ? "" : w.columnLabel()), t.text(place),
				t.text(plain(f.expected())), t.text(plain(f.actual())), t.text(plain(f.delta())),
				t.text(f.message(m.language())), t.text(explanation));
	}

	/** {@code findings} (already in form order) under their group titles. */
	public static List<Views.FindingGroup> groups(Messages m, List<Finding> findings) {
		return groups(m, findings, Tokens.NONE);
	}

	/** {@code findings} under their group titles, their texts kept by {@code t}. */
	public static List<Views.FindingGroup> groups(Messages m, List<Finding> findings, Tokens t) {
		Map<FormOrder.Group, List<Views.FindingLine>> byGroup = new EnumMap<>(FormOrder.Group.class);
		for (Finding f : findings) {
			byGroup.computeIfAbsent(FormOrder.group(f.where()), k -> new ArrayList<>()).add(line(m, f, t));
		}
		List<Views.FindingGroup> groups = new ArrayList<>();
		byGroup.forEach((group, lines) -> groups.add(new Views.FindingGroup(
				t.text(m.get("report.findings.group." + group.name().toLowerCase(java.util.Locale.ROOT))), lines)));
		return groups;
	}

	static String plain(BigDecimal value) {
		return Charts.plain(value);
	}

}
