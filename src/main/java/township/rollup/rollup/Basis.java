package township.rollup.rollup;

import java.util.HashMap;
import java.util.Map;

import township.rollup.bytes.Sha256;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;

/**
 * What a level's totals rest on: the SHA-256 over each accepted file summed below it (unit, version and
 * the file's SHA-256, in the order they are summed). The roll-up stores it with each consolidated report;
 * the pages compare it with their own summing to know that their contributor counts belong to those
 * totals. Both sides compute it here, so they cannot drift apart and silently drop the counts.
 */
public final class Basis {

	private final Registry registry;

	private final Map<String, Sha256> open = new HashMap<>();

	private final Map<String, String> finished = new HashMap<>();

	public Basis(Registry registry) {
		this.registry = registry;
	}

	/** An accepted file that is summed: it counts in the basis of every unit above its unit. */
	public void add(Unit unit, int version, String sha256) {
		String line = unit.code() + ":" + version + ":" + sha256 + "\n";
		for (var p = registry.parent(unit); p.isPresent(); p = registry.parent(p.get())) {
			if (finished.containsKey(p.get().code())) {
				throw new IllegalStateException("the basis of " + p.get().code() + " was already taken");
			}
			open.computeIfAbsent(p.get().code(), k -> Sha256.start()).add(line);
		}
	}

	/** The basis of a unit's totals, once every file is added; that of no file when none was summed below it. */
	public String of(String unitCode) {
		return finished.computeIfAbsent(unitCode, code -> {
			Sha256 digest = open.remove(code);
			return (digest == null ? Sha256.start() : digest).hex();
		});
	}

}
