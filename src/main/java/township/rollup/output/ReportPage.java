package township.rollup.output;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import township.rollup.board.Board;
import township.rollup.board.BoardLine;
import township.rollup.board.BoardState;
import township.rollup.board.FiledLine;
import township.rollup.i18n.Messages;
import township.rollup.output.html.Charts;
import township.rollup.output.html.Html;
import township.rollup.output.html.Views;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.NarrativeMetric;
import township.rollup.reportformat.OfficialLayout;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.RowDef;
import township.rollup.rules.RuleCatalogue;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.SubmissionStore;
import township.rollup.submission.TextLimits;

/**
 * {@code report.html}: the consolidating unit's report with its banner, 总体情况, Tables 2–4, the status
 * boards of the tree's levels, the findings ranked while the units were read, and the charts.
 */
final class ReportPage {

	/** The boards of a tree's levels are shown while they add up to at most this many lines. */
	static final int BOARD_LINES = 1000;

	private final PageSettings settings;

	private final Messages m;

	private final ConsolidatedStore consolidated;

	private final Html html = new Html();

	ReportPage(PageSettings settings, ConsolidatedStore consolidated) {
		this.settings = settings;
		this.m = settings.m();
		this.consolidated = consolidated;
	}

	/** What the page shows of the units read: the boards' inputs, the ranked findings and the chart's numbers. */
	record Units(Board board, ReportFindings findings, Map<String, Map<String, BigDecimal>> childNumbers,
			String notSubmissions) {
	}

	byte[] withFigures(int year, Registry registry, ConsolidatedStore.Report report, ReportFormat format,
			Map<String, BigDecimal> numbers, Views.Banner banner, List<Views.NarrativeLine> narrative, Units units,
			List<SubmissionStore.Input> finalInputs) {
		Unit root = registry.consolidating();
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("year", year);
		v.put("unitName", root.name());
		v.put("unitCode", root.code());
		v.put("format", format);
		v.put("banner", banner);
		v.put("timeZone", settings.times().note(m));
		v.put("noFigures", "");
		List<Views.Table> tables = new ArrayList<>();
		for (OfficialLayout.Grid grid : OfficialLayout.grids(format, numbers)) {
			tables.add(Views.Table.of(grid, grid.tableCode().equals("T2") && hasAmount(format, "T2")
					? m.get("report.tables.amount_note") : ""));
		}
		v.put("tables", tables);
		v.put("narrative", narrative);
		List<String> omitted = new ArrayList<>();
		v.put("boards", boards(registry, units, omitted));
		v.put("boardsOmitted", omitted.isEmpty() ? "" : m.get("report.board.omitted", omitted.size(), BOARD_LINES));
		v.put("notSubmissions", units.notSubmissions());
		v.put("findings", units.findings().units());
		v.put("findingsSummary", units.findings().summary());
		v.put("findingsOmitted", units.findings().omitted());
		v.put("outcomes", outcomesChart(year, registry, format, units));
		v.put("comparison", comparisonChart(year, root, numbers));
		v.put("comparisonMissing", m.get("report.chart.compare.missing", year - 1));
		List<Views.Input> inputs = new ArrayList<>();
		for (SubmissionStore.Input input : finalInputs) {
			inputs.add(new Views.Input(input.unitCode(), registry.member(input.unitCode()).map(Unit::name).orElse(""),
					TextLimits.name(input.fileName()), input.sha256()));
		}
		v.put("inputs", inputs);
		v.put("workbook", OutputNames.named(root, year, ".xlsx"));
		v.put("csv", OutputNames.report(root, year));
		return html.render("report", m, v);
	}

	/**
	 * report.html before there are figures: the banner (NIGHTLY, the board's counts), a sentence saying why
	 * there are no figures, the boards and the findings; no tables, charts or links to files not written.
	 */
	byte[] withoutFigures(int year, Registry registry, String inboxDigest, Units units) {
		Unit root = registry.consolidating();
		Board.Counts counts = units.board().fileCounts();
		int accepted = counts.accepted();
		int rejected = counts.rejected();
		int missing = counts.missing();
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("year", year);
		v.put("unitName", root.name());
		v.put("unitCode", root.code());
		v.put("format", null);
		v.put("banner", new Views.Banner("NIGHTLY", m.get("report.stage.nightly"), settings.time(settings.clock().instant()),
				PageSettings.shortHash(RuleCatalogue.standard().fingerprint()), "", inboxDigest,
				m.get("report.banner.counts", accepted, rejected, missing)));
		v.put("timeZone", settings.times().note(m));
		v.put("noFigures", accepted == 0 ? m.get("report.no_figures.none_accepted")
				: m.get("report.no_figures.not_rolled_up", accepted));
		v.put("tables", List.of());
		v.put("narrative", List.of());
		List<String> omitted = new ArrayList<>();
		v.put("boards", boards(registry, units, omitted));
		v.put("boardsOmitted", omitted.isEmpty() ? "" : m.get("report.board.omitted", omitted.size(), BOARD_LINES));
		v.put("findings", units.findings().units());
		v.put("findingsSummary", units.findings().summary());
		v.put("findingsOmitted", units.findings().omitted());
		v.put("outcomes", null);
		v.put("comparison", null);
		v.put("comparisonMissing", "");
		v.put("inputs", List.of());
		v.put("workbook", "");
		v.put("csv", "");
		return html.render("report", m, v);
	}

	/** The banner of a report with figures; the workbook prints it too. */
	Views.Banner banner(ConsolidatedStore.Report report, String inboxDigest) {
		String stage = report.stage() == null ? "NIGHTLY" : report.stage();
		String counts = "OWN_FILE".equals(report.source()) ? m.get("report.banner.own_file")
				: m.get("report.banner.counts", report.acceptedCount(), report.rejectedCount(), report.missingCount());
		return new Views.Banner(stage, m.get("report.stage." + stage.toLowerCase(java.util.Locale.ROOT)),
				settings.time(report.createdAt()), PageSettings.shortHash(RuleCatalogue.standard().fingerprint()),
				PageSettings.shortHash(report.basisSha256()), inboxDigest, counts);
	}

	/** The 总体情况 figures with how many units stated each ({@code contributors} null when unknown). */
	List<Views.NarrativeLine> narrative(ReportFormat format, Map<String, BigDecimal> numbers,
			Map<String, Integer> contributors) {
		List<Views.NarrativeLine> lines = new ArrayList<>();
		for (NarrativeMetric metric : format.narrativeMetrics()) {
			BigDecimal value = numbers.get(metric.code());
			String stated = contributors == null ? m.get("report.narrative.contributors_unknown")
					: m.get("report.narrative.contributors", contributors.getOrDefault(metric.code(), 0));
			lines.add(new Views.NarrativeLine(metric.code(), metric.label(),
					value == null ? m.get("report.narrative.none") : Charts.plain(value), stated));
		}
		return lines;
	}

	private List<Views.Board> boards(Registry registry, Units units, List<String> omitted) {
		Board board = units.board();
		List<Views.Board> boards = new ArrayList<>();
		int lines = 0;
		ArrayDeque<Unit> queue = new ArrayDeque<>();
		queue.add(registry.consolidating());
		while (!queue.isEmpty()) {
			Unit level = queue.poll();
			List<Unit> children = registry.children(level.code());
			if (children.isEmpty()) {
				continue;
			}
			if (!boards.isEmpty() && lines + children.size() > BOARD_LINES) {
				omitted.add(level.name());
				continue;
			}
			lines += children.size();
			for (Unit child : children) {
				if (!registry.isLeaf(child.code())) {
					queue.add(child);
				}
			}
			List<FiledLine> filed = board.unitsOf(level.code());
			List<Views.BoardLine> boardLines = new ArrayList<>();
			Map<BoardState, Integer> tally = new java.util.EnumMap<>(BoardState.class);
			for (FiledLine f : filed) {
				BoardLine l = f.line();
				BoardState state = board.state(l.unitCode());
				tally.merge(state, 1, Integer::sum);
				boolean conflict = state == BoardState.CONFLICT;
				Unit unit = registry.member(l.unitCode()).orElse(null);
				boolean page = unit != null && (f.version() != null || conflict) && settings.writesPage(state);
				boardLines.add(new Views.BoardLine(l.unitCode(), l.unitName(), l.kind() == null ? "" : l.kind(),
						state.describe(m, l), state.css(), conflict || f.version() == null ? "" : "v" + f.version(),
						conflict ? "" : settings.time(f.receivedAt()),
						conflict || f.encoding() == null ? "" : f.encoding(),
						conflict || f.fileName() == null ? "" : TextLimits.name(f.fileName()), String.valueOf(l.errorCount()),
						String.valueOf(l.warningCount()), String.valueOf(l.openWarningCount()), state.action(m),
						page ? ReadableReports.FEEDBACK_DIR + "/" + FeedbackPages.pageName(unit) : null));
			}
			List<String> parts = new ArrayList<>();
			tally.forEach((state, n) -> parts.add(m.get("report.board.tally", m.get("report.board.kind." + state.key()), n)));
			boards.add(new Views.Board("board-" + level.code(), m.get("report.board.title", level.name(), children.size()),
					String.join(m.get("report.list.separator"), parts), boardLines));
		}
		return boards;
	}

	private static boolean hasAmount(ReportFormat format, String table) {
		return format.cells().stream().anyMatch(c -> c.tableCode().equals(table)
				&& c.type() == township.rollup.reportformat.CellType.AMOUNT);
	}

	private Charts.Stacked outcomesChart(int year, Registry registry, ReportFormat format, Units units) {
		List<Charts.UnitOutcomes> drawn = new ArrayList<>();
		List<String> notCounted = new ArrayList<>();
		for (Unit child : registry.children(registry.consolidating().code())) {
			Map<String, BigDecimal> numbers = registry.isLeaf(child.code()) ? units.childNumbers().get(child.code())
					: consolidatedOf(year, child);
			if (numbers == null || numbers.isEmpty()) {
				notCounted.add(child.name());
				continue;
			}
			drawn.add(outcomes(format, child.name(), numbers));
		}
		return Charts.outcomes(m, drawn, notCounted);
	}

	private Map<String, BigDecimal> consolidatedOf(int year, Unit unit) {
		return consolidated.report(year, unit.code()).isPresent() ? consolidated.cells(year, unit.code()) : null;
	}

	static Charts.UnitOutcomes outcomes(ReportFormat format, String name, Map<String, BigDecimal> numbers) {
		List<BigDecimal> groups = new ArrayList<>();
		for (String prefix : Charts.OUTCOME_ROWS) {
			BigDecimal sum = BigDecimal.ZERO;
			for (RowDef row : format.rowsOf("T3")) {
				if (row.code().equals(prefix) || row.code().startsWith(prefix + "_")) {
					sum = sum.add(numbers.getOrDefault(row.code() + ".tot", BigDecimal.ZERO));
				}
			}
			groups.add(sum);
		}
		return new Charts.UnitOutcomes(name, numbers.getOrDefault("T3.r1.tot", BigDecimal.ZERO), groups);
	}

	/** The headline figures, in both formats: applications received, reviews, lawsuits, 主动公开. */
	private Charts.Comparison comparisonChart(int year, Unit root, Map<String, BigDecimal> numbers) {
		Optional<ConsolidatedStore.Report> last = consolidated.report(year - 1, root.code());
		if (last.isEmpty()) {
			return null;
		}
		Map<String, BigDecimal> before = consolidated.cells(year - 1, root.code());
		List<Charts.Pair> pairs = new ArrayList<>();
		pairs.add(new Charts.Pair(m.get("report.chart.compare.received"), before.get("T3.r1.tot"), numbers.get("T3.r1.tot")));
		pairs.add(new Charts.Pair(m.get("report.chart.compare.reviews"), before.get("T4.rev.tot"), numbers.get("T4.rev.tot")));
		pairs.add(new Charts.Pair(m.get("report.chart.compare.lawsuits"), sum(before, "T4.lit_direct.tot", "T4.lit_after.tot"),
				sum(numbers, "T4.lit_direct.tot", "T4.lit_after.tot")));
		pairs.add(new Charts.Pair(m.get("report.chart.compare.proactive"), before.get("NARR.proactive_items"),
				numbers.get("NARR.proactive_items")));
		String note = m.get("report.chart.compare.note", year - 1,
				m.get("report.stage." + last.get().stage().toLowerCase(java.util.Locale.ROOT)));
		return Charts.comparison(m, year, pairs, note);
	}

	private static BigDecimal sum(Map<String, BigDecimal> numbers, String... codes) {
		BigDecimal total = null;
		for (String code : codes) {
			BigDecimal v = numbers.get(code);
			if (v != null) {
				total = total == null ? v : total.add(v);
			}
		}
		return total;
	}

}
