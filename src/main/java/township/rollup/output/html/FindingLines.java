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

	public static Views.FindingLine line(Messages m, Finding f) {
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
		return new Views.FindingLine(m.get("report.severity." + f.severity().name().toLowerCase(java.util.Locale.ROOT)),
				f.severity().name().toLowerCase(java.util.Locale.ROOT), f.ruleId(),
				w == null || w.rowLabel() == null ? (w == null || w.rowCode() == null ? "" : w.rowCode()) : w.rowLabel(),
				w == null || w.columnLabel() == null ? "" : w.columnLabel(), place, plain(f.expected()), plain(f.actual()),
				plain(f.delta()), f.message(m.language()), explanation);
	}

	/** {@code findings} (already in form order) under their group titles. */
	public static List<Views.FindingGroup> groups(Messages m, List<Finding> findings) {
		Map<FormOrder.Group, List<Views.FindingLine>> byGroup = new EnumMap<>(FormOrder.Group.class);
		for (Finding f : findings) {
			byGroup.computeIfAbsent(FormOrder.group(f.where()), k -> new ArrayList<>()).add(line(m, f));
		}
		List<Views.FindingGroup> groups = new ArrayList<>();
		byGroup.forEach((group, lines) -> groups.add(new Views.FindingGroup(
				m.get("report.findings.group." + group.name().toLowerCase(java.util.Locale.ROOT)), lines)));
		return groups;
	}

	static String plain(BigDecimal value) {
		return Charts.plain(value);
	}

}
