package township.rollup.rollup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;

/**
 * What each level of the tree stands on, decided from the board alone (no numbers): a unit with units
 * below it is summed from them, unless it sent a file of its own, which then counts for it; its units'
 * files are still assessed, but never summed above it as well (no double counting). A unit is complete
 * when its file is accepted, or, summed from its units, when every one of them is complete.
 */
public final class Tree {

	/** A unit's line on the board as far as the tree cares: whether a file came, and its verdict. */
	public enum Standing {

		ACCEPTED, REJECTED, MISSING

	}

	/** Where a level's totals come from. */
	public enum Source {

		UNITS, OWN_FILE

	}

	/** A level's decision: its source, its units, how many of them are complete, and whether it is. */
	public record Level(Unit unit, Source source, int units, int completeUnits, boolean complete) {
	}

	/** A unit that sent its own file while units below it sent theirs too. */
	public record Overlap(Unit unit, List<Unit> below) {
	}

	private final Registry registry;

	private final Map<String, Standing> standings;

	private final Map<String, Level> levels = new LinkedHashMap<>();

	private final Map<String, Boolean> complete = new HashMap<>();

	/** {@code standings} by unit code; a unit absent is missing. */
	public Tree(Registry registry, Map<String, Standing> standings) {
		this.registry = registry;
		this.standings = standings;
		for (Unit unit : registry.levels()) {
			boolean own = unit != registry.consolidating() && standing(unit) != Standing.MISSING;
			List<Unit> children = registry.children(unit.code());
			int completeUnits = 0;
			for (Unit child : children) {
				if (isComplete(child)) {
					completeUnits++;
				}
			}
			boolean done = own ? standing(unit) == Standing.ACCEPTED : completeUnits == children.size();
			complete.put(unit.code(), done);
			levels.put(unit.code(), new Level(unit, own ? Source.OWN_FILE : Source.UNITS, children.size(), completeUnits,
					done));
		}
	}

	public Standing standingOf(Unit unit) {
		return standing(unit);
	}

	private Standing standing(Unit unit) {
		return standings.getOrDefault(unit.code(), Standing.MISSING);
	}

	public boolean isComplete(Unit unit) {
		if (registry.isLeaf(unit.code())) {
			return standing(unit) == Standing.ACCEPTED;
		}
		return complete.get(unit.code());
	}

	/** The levels, the deepest first, the consolidating unit last. */
	public List<Level> levels() {
		return List.copyOf(levels.values());
	}

	public Level level(String unitCode) {
		return levels.get(unitCode);
	}

	/**
	 * Whether a unit's own accepted file is summed: it is accepted, and no unit above it counts by a file
	 * of its own.
	 */
	public boolean counts(Unit unit) {
		if (standing(unit) != Standing.ACCEPTED || unit == registry.consolidating()) {
			return false;
		}
		if (!registry.isLeaf(unit.code()) && levels.get(unit.code()).source() != Source.OWN_FILE) {
			return false;
		}
		return !overruled(unit);
	}

	/** Whether a unit above this one counts by its own file, so nothing below it is summed above it. */
	public boolean overruled(Unit unit) {
		for (var p = registry.parent(unit); p.isPresent(); p = registry.parent(p.get())) {
			Level level = levels.get(p.get().code());
			if (level != null && level.source() == Source.OWN_FILE) {
				return true;
			}
		}
		return false;
	}

	/** Units with a file of their own beside files from units below them, nearest first. */
	public List<Overlap> overlaps() {
		List<Overlap> overlaps = new ArrayList<>();
		for (Level level : levels.values()) {
			if (level.source() != Source.OWN_FILE) {
				continue;
			}
			List<Unit> below = new ArrayList<>();
			collect(level.unit(), below);
			if (!below.isEmpty()) {
				overlaps.add(new Overlap(level.unit(), below));
			}
		}
		return overlaps;
	}

	private void collect(Unit unit, List<Unit> below) {
		for (Unit child : registry.children(unit.code())) {
			if (standing(child) != Standing.MISSING) {
				below.add(child);
			}
			collect(child, below);
		}
	}

}
