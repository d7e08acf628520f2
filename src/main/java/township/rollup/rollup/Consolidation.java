package township.rollup.rollup;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.FormNumbers;
import township.rollup.reportformat.NarrativeMetric;
import township.rollup.reportformat.ReportFormat;

/**
 * Sums a tree level by level, in exact decimals: each unit's accepted file into the unit above it, each
 * level's totals into the level above, a county's own file in place of its townships'. Reports are
 * added one at a time and only the levels are held, so a nation is summed in the memory of its
 * counties.
 */
public final class Consolidation {

	/** One level's totals, with how many accepted, rejected and missing files they rest on. */
	public record Result(Tree.Level level, Totals totals, int accepted, int rejected, int missing) {
	}

	private final ReportFormat format;

	private final Registry registry;

	private final Tree tree;

	private final List<CellDef> cells;

	private final List<NarrativeMetric> metrics;

	private final Map<String, Integer> positions = new HashMap<>();

	private final Map<String, Sum> sums = new HashMap<>();

	private final Map<String, Sum> own = new HashMap<>();

	public Consolidation(ReportFormat format, Registry registry, Tree tree) {
		this.format = format;
		this.registry = registry;
		this.tree = tree;
		this.cells = format.cells();
		this.metrics = format.narrativeMetrics();
		for (int i = 0; i < cells.size(); i++) {
			positions.put(cells.get(i).code(), i);
		}
		for (int i = 0; i < metrics.size(); i++) {
			positions.put(metrics.get(i).code(), cells.size() + i);
		}
	}

	/** Running sums of one level, by position in the format (cells, then narrative metrics). */
	private final class Sum {

		final BigDecimal[] values = new BigDecimal[cells.size() + metrics.size()];

		final int[] counts = new int[values.length];

		Sum() {
			Arrays.fill(values, BigDecimal.ZERO);
		}

		void add(Map<String, BigDecimal> numbers) {
			if (numbers instanceof FormNumbers placed && placed.format() == format) {
				// a stored vector's numbers, in the order of the sums: added place by place
				for (int i = 0; i < values.length; i++) {
					BigDecimal value = placed.at(i);
					if (value != null) {
						values[i] = values[i].add(value);
						counts[i]++;
					}
				}
				return;
			}
			numbers.forEach((code, value) -> {
				Integer at = positions.get(code);
				if (at == null) {
					throw new IllegalArgumentException("cell " + code + " is not in format " + format.id());
				}
				values[at] = values[at].add(value);
				counts[at]++;
			});
		}

		void add(Sum other) {
			for (int i = 0; i < values.length; i++) {
				values[i] = values[i].add(other.values[i]);
				counts[i] += other.counts[i];
			}
		}

		Totals totals() {
			Map<String, BigDecimal> c = new LinkedHashMap<>();
			Map<String, Integer> cc = new LinkedHashMap<>();
			for (int i = 0; i < cells.size(); i++) {
				c.put(cells.get(i).code(), values[i]);
				cc.put(cells.get(i).code(), counts[i]);
			}
			Map<String, BigDecimal> n = new LinkedHashMap<>();
			Map<String, Integer> nc = new LinkedHashMap<>();
			for (int i = 0; i < metrics.size(); i++) {
				int at = cells.size() + i;
				if (counts[at] > 0) {
					n.put(metrics.get(i).code(), values[at]);
					nc.put(metrics.get(i).code(), counts[at]);
				}
			}
			return new Totals(format.id(), c, cc, n, nc);
		}

	}

	/**
	 * An accepted file's numbers (cells and narrative metrics by code): a unit with no units below it is
	 * summed into its parent; a unit with units below it stands on this file in their place.
	 */
	public void add(Unit unit, Map<String, BigDecimal> numbers) {
		if (registry.isLeaf(unit.code())) {
			sums.computeIfAbsent(unit.parentCode().isEmpty() ? registry.consolidating().code() : unit.parentCode(),
					k -> new Sum()).add(numbers);
		}
		else {
			Sum sum = new Sum();
			sum.add(numbers);
			own.put(unit.code(), sum);
		}
	}

	/** Each level's totals, the deepest first; a level with nothing accepted below it has none. */
	public void forEachLevel(Consumer<Result> sink) {
		Map<String, int[]> counts = new HashMap<>();
		for (Tree.Level level : tree.levels()) {
			Unit unit = level.unit();
			int[] c = new int[3];
			Sum totals;
			if (level.source() == Tree.Source.OWN_FILE) {
				totals = own.remove(unit.code());
				c[totals != null ? 0 : 1]++;
				sums.remove(unit.code());
			}
			else {
				totals = sums.remove(unit.code());
				for (Unit child : registry.children(unit.code())) {
					int[] below = registry.isLeaf(child.code()) ? leafCount(child) : counts.remove(child.code());
					for (int i = 0; i < 3; i++) {
						c[i] += below[i];
					}
				}
			}
			counts.put(unit.code(), c);
			if (totals != null && unit != registry.consolidating()) {
				sums.computeIfAbsent(registry.parent(unit).orElseThrow().code(), k -> new Sum()).add(totals);
			}
			sink.accept(new Result(level, totals == null ? null : totals.totals(), c[0], c[1], c[2]));
		}
	}

	private int[] leafCount(Unit leaf) {
		int[] c = new int[3];
		if (tree.isComplete(leaf)) {
			c[0] = 1;
		}
		else if (tree.standingOf(leaf) == Tree.Standing.REJECTED) {
			c[1] = 1;
		}
		else {
			c[2] = 1;
		}
		return c;
	}

}
