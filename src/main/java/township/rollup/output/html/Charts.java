package township.rollup.output.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import township.rollup.i18n.Messages;

/**
 * The geometry of the report's two charts, computed here and drawn by the template as inline SVG: no
 * charting script, crisp in print, testable as text. Each chart has a title, axis labels, a legend and its
 * numbers as a table.
 */
public final class Charts {

	/** Okabe–Ito colours: told apart by readers with the common colour-vision deficiencies. */
	static final String[] COLOURS = { "#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#CC79A7", "#999999" };

	/** The outcome groups of Table 3, by the prefix of their row codes, in the form's order. */
	public static final List<String> OUTCOME_ROWS = List.of("T3.r3_1", "T3.r3_2", "T3.r3_3", "T3.r3_4", "T3.r3_5",
			"T3.r3_6");

	static final List<String> OUTCOME_KEYS = List.of("granted", "partly", "refused", "unable", "not_handled", "other");

	/** At most this many bars; the table below the chart lists every unit. */
	static final int MAX_BARS = 60;

	private Charts() {
	}

	public record Segment(String x, String width, String colour, String title) {
	}

	public record Bar(String label, String labelX, String labelY, String y, String height, List<Segment> segments,
			String total, String totalX) {
	}

	public record Tick(String x, String y, String label) {
	}

	public record LegendItem(String x, String y, String colour, String label, String textX, String textY) {

		LegendItem(double x, double y, String colour, String label) {
			this(f(x), f(y), colour, label, f(x + 16), f(y + 11));
		}

	}

	/** Horizontal bars, one per unit, stacked by outcome group. */
	public record Stacked(String id, String title, String description, int width, int height, String plotLeft,
			String plotTop, String plotRight, String plotBottom, List<Bar> bars, List<Tick> ticks,
			List<LegendItem> legend, String xLabel, String xLabelX, String xLabelY, String yLabel, String yLabelY,
			String note, Views.DataTable data) {
	}

	/** One unit's applications: received this year, and the handled ones by outcome group. */
	public record UnitOutcomes(String name, BigDecimal received, List<BigDecimal> outcomes) {

		BigDecimal handled() {
			return outcomes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

	public static Stacked outcomes(Messages m, List<UnitOutcomes> units, List<String> notCounted) {
		List<UnitOutcomes> drawn = units.size() > MAX_BARS ? units.stream()
			.sorted((a, b) -> b.handled().compareTo(a.handled()))
			.limit(MAX_BARS)
			.toList() : units;
		int left = 170;
		int right = 90;
		int top = 70;
		int barHeight = 18;
		int gap = 8;
		int width = 960;
		int plotHeight = Math.max(1, drawn.size()) * (barHeight + gap);
		int height = top + plotHeight + 60;
		double plotWidth = width - left - right;
		double max = drawn.stream().mapToDouble(u -> u.handled().doubleValue()).max().orElse(0);
		double step = step(max);
		double axisMax = Math.max(step, Math.ceil(max / step) * step);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < drawn.size(); i++) {
			UnitOutcomes unit = drawn.get(i);
			double y = top + i * (barHeight + gap) + gap / 2.0;
			double x = left;
			List<Segment> segments = new ArrayList<>();
			for (int g = 0; g < unit.outcomes().size(); g++) {
				double value = unit.outcomes().get(g).doubleValue();
				if (value <= 0) {
					continue;
				}
				double w = value / axisMax * plotWidth;
				segments.add(new Segment(f(x), f(w), COLOURS[g],
						m.get("report.chart.outcomes.segment", unit.name(), outcomeLabel(m, g), plain(unit.outcomes().get(g)))));
				x += w;
			}
			bars.add(new Bar(unit.name(), f(left - 6), f(y + barHeight * 0.72), f(y), String.valueOf(barHeight), segments,
					m.get("report.chart.outcomes.total", plain(unit.handled()), plain(unit.received())), f(x + 6)));
		}
		List<Tick> ticks = new ArrayList<>();
		for (double v = 0; v <= axisMax + step / 2; v += step) {
			ticks.add(new Tick(f(left + v / axisMax * plotWidth), f(top + plotHeight + 16), plain(BigDecimal.valueOf(v))));
		}
		List<LegendItem> legend = new ArrayList<>();
		for (int g = 0; g < OUTCOME_KEYS.size(); g++) {
			legend.add(new LegendItem(left + g * 125, 28, COLOURS[g], outcomeLabel(m, g)));
		}
		List<String> head = new ArrayList<>();
		head.add(m.get("report.chart.outcomes.unit"));
		head.add(m.get("report.chart.outcomes.received"));
		for (int g = 0; g < OUTCOME_KEYS.size(); g++) {
			head.add(outcomeLabel(m, g));
		}
		head.add(m.get("report.chart.outcomes.handled"));
		List<List<String>> rows = new ArrayList<>();
		for (UnitOutcomes unit : units) {
			List<String> row = new ArrayList<>();
			row.add(unit.name());
			row.add(plain(unit.received()));
			unit.outcomes().forEach(v -> row.add(plain(v)));
			row.add(plain(unit.handled()));
			rows.add(row);
		}
		for (String name : notCounted) {
			List<String> row = new ArrayList<>();
			row.add(name);
			for (int i = 0; i < OUTCOME_KEYS.size() + 2; i++) {
				row.add("—");
			}
			rows.add(row);
		}
		String note = units.size() > MAX_BARS ? m.get("report.chart.outcomes.limited", MAX_BARS, units.size()) : "";
		if (!notCounted.isEmpty()) {
			note = (note.isEmpty() ? "" : note + " ") + m.get("report.chart.outcomes.not_counted", notCounted.size());
		}
		return new Stacked("chart-outcomes", m.get("report.chart.outcomes.title"),
				m.get("report.chart.outcomes.description"), width, height, String.valueOf(left), String.valueOf(top),
				f(left + plotWidth), f(top + plotHeight), bars, ticks, legend, m.get("report.chart.outcomes.x"),
				f(left + plotWidth / 2), f(top + plotHeight + 40), m.get("report.chart.outcomes.y"), f(top - 8), note,
				new Views.DataTable(head, rows));
	}

	static String outcomeLabel(Messages m, int group) {
		return m.get("report.chart.outcome." + OUTCOME_KEYS.get(group));
	}

	/** This year against last year for one headline figure; {@code last} null where last year had none. */
	public record Pair(String label, BigDecimal last, BigDecimal current) {
	}

	public record Column(String x, String y, String width, String height, String colour, String value, String valueX,
			String valueY, String title, String year, String yearY) {
	}

	public record Panel(String title, String titleX, String titleY, List<Column> columns, String baseY, String axisX,
			String axisEndX, String topY, String maxLabel, String scaleX, String maxLabelY) {
	}

	/** Small multiples: one panel per headline figure, each on its own scale, last year beside this year. */
	public record Comparison(String id, String title, String description, int width, int height, List<Panel> panels,
			List<LegendItem> legend, String yLabel, String note, Views.DataTable data) {
	}

	public static Comparison comparison(Messages m, int year, List<Pair> pairs, String note) {
		int panelWidth = 220;
		int width = Math.max(1, pairs.size()) * panelWidth + 60;
		int top = 80;
		int plotHeight = 160;
		int height = top + plotHeight + 70;
		double base = top + plotHeight;
		List<Panel> panels = new ArrayList<>();
		String[] colours = { "#999999", "#0072B2" };
		for (int i = 0; i < pairs.size(); i++) {
			Pair pair = pairs.get(i);
			double x0 = 60 + i * panelWidth;
			double max = Math.max(value(pair.last()), value(pair.current()));
			double step = step(max);
			double axisMax = Math.max(step, Math.ceil(max / step) * step);
			List<Column> columns = new ArrayList<>();
			BigDecimal[] values = { pair.last(), pair.current() };
			String[] years = { String.valueOf(year - 1), String.valueOf(year) };
			for (int k = 0; k < 2; k++) {
				double h = value(values[k]) / axisMax * plotHeight;
				double x = x0 + 30 + k * 70;
				String shown = values[k] == null ? m.get("report.chart.compare.none") : plain(values[k]);
				columns.add(new Column(f(x), f(base - h), "50", f(h), colours[k], shown, f(x + 25), f(base - h - 6),
						m.get("report.chart.compare.column", pair.label(), years[k], shown), years[k], f(base + 16)));
			}
			panels.add(new Panel(pair.label(), f(x0 + 90), f(base + 40), columns, f(base), f(x0 + 20), f(x0 + 180), f(top),
					plain(BigDecimal.valueOf(axisMax)), f(x0 + 16), f(top + 4)));
		}
		List<LegendItem> legend = List.of(new LegendItem(60, 28, colours[0], m.get("report.chart.compare.year", year - 1)),
				new LegendItem(200, 28, colours[1], m.get("report.chart.compare.year", year)));
		List<List<String>> rows = new ArrayList<>();
		for (Pair pair : pairs) {
			rows.add(List.of(pair.label(), pair.last() == null ? "—" : plain(pair.last()),
					pair.current() == null ? "—" : plain(pair.current()), change(pair)));
		}
		return new Comparison("chart-compare", m.get("report.chart.compare.title", year, year - 1),
				m.get("report.chart.compare.description"), width, height, panels, legend,
				m.get("report.chart.compare.y"), note,
				new Views.DataTable(List.of(m.get("report.chart.compare.figure"), m.get("report.chart.compare.year", year - 1),
						m.get("report.chart.compare.year", year), m.get("report.chart.compare.change")), rows));
	}

	private static String change(Pair pair) {
		if (pair.last() == null || pair.current() == null) {
			return "—";
		}
		BigDecimal d = pair.current().subtract(pair.last());
		return (d.signum() > 0 ? "+" : "") + plain(d);
	}

	private static double value(BigDecimal v) {
		return v == null ? 0 : Math.max(0, v.doubleValue());
	}

	/** A round tick step (1, 2 or 5 times a power of ten) giving about five ticks; at least 1 for counts. */
	static double step(double max) {
		if (max <= 0) {
			return 1;
		}
		double raw = max / 5;
		double power = Math.pow(10, Math.floor(Math.log10(raw)));
		double step = raw / power <= 1 ? power : raw / power <= 2 ? 2 * power : raw / power <= 5 ? 5 * power : 10 * power;
		return Math.max(1, step);
	}

	/** A number without trailing zeros or exponent. */
	public static String plain(BigDecimal value) {
		if (value == null) {
			return "";
		}
		BigDecimal s = value.stripTrailingZeros();
		return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
	}

	/** A coordinate with one decimal, with a dot whatever the locale. */
	static String f(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

}
