package township.rollup.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

import township.rollup.bytes.Sha256;
import township.rollup.bytes.TextDecoder;
import township.rollup.i18n.Text;


/**
 * The tree of units, read from a file with the header {@code code,name,kind,parent,code_source}: exactly
 * one unit has an empty {@code parent}, the one whose totals this installation produces (a city, a
 * prefecture, a province, the country); every other unit's parent is in the file. A unit with no units
 * below it sends a file (乡, 镇, 街道, a county's 部门); a unit with units below it is consolidated from
 * them, or sends a consolidated file of its own. A city's registry of townships is a tree of one level.
 */
public final class Registry {

	private static final Pattern CODE = Pattern.compile("\\d{12}");

	/** The longest unit name: far above any real one (the longest 街道 names have about 20 characters). */
	static final int MAX_NAME = township.rollup.submission.TextLimits.UNIT_NAME;

	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(CsvReadFeature.FAIL_ON_MISSING_HEADER_COLUMNS)
		.enable(CsvReadFeature.TRIM_SPACES)
		.build();

	private final Unit consolidating;

	/** Every unit below the root, parents before children (breadth first), in file order within a parent. */
	private final Map<String, Unit> members;

	private final Map<String, List<Unit>> children;

	private final Map<String, Integer> depths;

	private final String sha256;

	private volatile Names names;

	/** The tree below {@code root}, out of every unit of the file. */
	private Registry(Unit root, Map<String, Unit> all, String sha256) {
		this.consolidating = root;
		this.sha256 = sha256;
		Map<String, List<Unit>> byParent = new HashMap<>();
		for (Unit unit : all.values()) {
			if (!unit.parentCode().isEmpty() && unit != root) {
				byParent.computeIfAbsent(unit.parentCode(), k -> new ArrayList<>()).add(unit);
			}
		}
		Map<String, Unit> below = new LinkedHashMap<>();
		Map<String, Integer> depth = new HashMap<>();
		Map<String, List<Unit>> kids = new HashMap<>();
		ArrayDeque<Unit> queue = new ArrayDeque<>();
		queue.add(root);
		depth.put(root.code(), 0);
		while (!queue.isEmpty()) {
			Unit parent = queue.poll();
			List<Unit> mine = byParent.getOrDefault(parent.code(), List.of());
			if (!mine.isEmpty()) {
				kids.put(parent.code(), List.copyOf(mine));
			}
			for (Unit child : mine) {
				if (!depth.containsKey(child.code())) {
					below.put(child.code(), child);
					depth.put(child.code(), depth.get(parent.code()) + 1);
					queue.add(child);
				}
			}
		}
		this.members = Collections.unmodifiableMap(below);
		this.children = Collections.unmodifiableMap(kids);
		this.depths = Collections.unmodifiableMap(depth);
	}

	record Row(@JsonProperty("code") String code, @JsonProperty("name") String name,
			@JsonProperty("kind") String kind, @JsonProperty("parent") String parent,
			@JsonProperty("code_source") String codeSource) {
	}

	public static Registry load(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new RegistryException(Text.of("config.registry.not-found", file));
		}
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new RegistryException(Text.of("config.registry.unreadable", file, ex.getMessage()), ex);
		}
		return parse(bytes, file.toString());
	}

	static Registry parse(byte[] bytes, String name) {
		// decoded like a submission: Excel saves the registry as GBK unless asked for "CSV UTF-8"
		TextDecoder.Result decoded = TextDecoder.decode(bytes);
		if (!(decoded instanceof TextDecoder.Text text)) {
			TextDecoder.Undecodable bad = (TextDecoder.Undecodable) decoded;
			throw new RegistryException(atLine(name, bad.line(), Text.of("config.registry.not-text", bad.offset())));
		}
		// the expected columns, in any order: a missing one is an error, never a silent empty value
		CsvSchema schema = CSV.schemaFor(Row.class).withHeader().withColumnReordering(true);
		List<Unit> units = new ArrayList<>();
		try (MappingIterator<Row> rows = CSV.readerFor(Row.class)
			.with(schema)
			.readValues(text.text())) {
			// the parser stands on the line after a row once it has read it: track where each row starts
			int nextStart = 2;
			while (rows.hasNextValue()) {
				Row row = rows.nextValue();
				int line = nextStart;
				nextStart = Math.max(nextStart + 1, rows.currentLocation().getLineNr());
				if (row.code() == null || row.code().isBlank()) {
					continue;
				}
				if (!CODE.matcher(row.code()).matches()) {
					throw new RegistryException(atLine(name, line, Text.of("config.registry.bad-code", row.code())));
				}
				if (row.name() == null || row.name().isBlank()) {
					throw new RegistryException(atLine(name, line, Text.of("config.registry.no-name", row.code())));
				}
				if (row.name().length() > MAX_NAME) {
					throw new RegistryException(atLine(name, line,
							Text.of("config.registry.long-name", row.code(), row.name().length(), MAX_NAME)));
				}
				String parent = nullToEmpty(row.parent());
				if (!parent.isEmpty() && !CODE.matcher(parent).matches()) {
					throw new RegistryException(atLine(name, line, Text.of("config.registry.bad-parent", parent, row.code())));
				}
				units.add(new Unit(row.code(), row.name(), nullToEmpty(row.kind()), parent,
						nullToEmpty(row.codeSource())));
			}
		}
		catch (JacksonException ex) {
			throw new RegistryException(inFile(name, Text.of("config.registry.not-csv", ex.getMessage())), ex);
		}
		List<Unit> roots = units.stream().filter(u -> u.parentCode().isEmpty()).toList();
		if (roots.size() != 1) {
			throw new RegistryException(inFile(name, Text.of("config.registry.roots", roots.size())));
		}
		Map<String, Unit> all = new LinkedHashMap<>();
		for (Unit unit : units) {
			if (all.put(unit.code(), unit) != null) {
				throw new RegistryException(inFile(name, Text.of("config.registry.twice", unit.code())));
			}
		}
		for (Unit unit : units) {
			if (!unit.parentCode().isEmpty() && !all.containsKey(unit.parentCode())) {
				throw new RegistryException(
						inFile(name, Text.of("config.registry.unknown-parent", unit.code(), unit.name(), unit.parentCode())));
			}
		}
		Registry registry = new Registry(roots.get(0), all, Sha256.hex(bytes));
		if (registry.members.size() != all.size() - 1) {
			throw new RegistryException(inFile(name,
					Text.of("config.registry.cycle", all.size() - 1 - registry.members.size(), roots.get(0).name())));
		}
		if (registry.members.isEmpty()) {
			throw new RegistryException(inFile(name, Text.of("config.registry.no-units", roots.get(0).name())));
		}
		return registry;
	}

	private static Text atLine(String file, int line, Text problem) {
		return Text.of("config.at-line", file, line, problem);
	}

	private static Text inFile(String file, Text problem) {
		return Text.of("config.in-file", file, problem);
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s.trim();
	}


	/** The unit whose totals are produced, for example 偃师市. */
	public Unit consolidating() {
		return consolidating;
	}

	/**
	 * Every unit below the consolidating one, each of which may send a file: the reporting units (乡镇,
	 * 街道, 部门) and, in a tree, the levels in between (a county may send its own consolidated file).
	 * Parents come before their children.
	 */
	public List<Unit> members() {
		return List.copyOf(members.values());
	}

	public Optional<Unit> member(String code) {
		return Optional.ofNullable(code == null ? null : members.get(code));
	}

	/** A unit of the tree, the consolidating unit included. */
	public Optional<Unit> unit(String code) {
		if (code != null && code.equals(consolidating.code())) {
			return Optional.of(consolidating);
		}
		return member(code);
	}

	/** The units that report to {@code code} directly; empty for a unit with none below it. */
	public List<Unit> children(String code) {
		return children.getOrDefault(code, List.of());
	}

	public boolean isLeaf(String code) {
		return !children.containsKey(code);
	}

	/** The units expected to send a file: those with no units below them. */
	public List<Unit> leaves() {
		return members.values().stream().filter(u -> isLeaf(u.code())).toList();
	}

	/** Whether the tree has more than one level below the consolidating unit. */
	public boolean isTree() {
		return members.values().stream().anyMatch(u -> !isLeaf(u.code()));
	}

	/**
	 * The units whose totals a run computes, the deepest first (so that a unit comes after every unit
	 * below it), the consolidating unit last.
	 */
	public List<Unit> levels() {
		List<Unit> levels = new ArrayList<>();
		for (Unit unit : members.values()) {
			if (!isLeaf(unit.code())) {
				levels.add(unit);
			}
		}
		levels.sort(Comparator.comparingInt((Unit u) -> -depths.get(u.code())));
		levels.add(consolidating);
		return levels;
	}

	/** How far below the consolidating unit (0) a unit is. */
	public int depth(String code) {
		Integer depth = depths.get(code);
		if (depth == null) {
			throw new IllegalArgumentException("unit " + code + " is not in this registry");
		}
		return depth;
	}

	public Optional<Unit> parent(Unit unit) {
		return unit.code().equals(consolidating.code()) ? Optional.empty() : unit(unit.parentCode());
	}

	/** Whether {@code above} is {@code unit}'s parent, or its parent's, and so on. */
	public boolean isAncestor(Unit above, Unit unit) {
		for (Optional<Unit> p = parent(unit); p.isPresent(); p = parent(p.get())) {
			if (p.get().code().equals(above.code())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The part of the tree below {@code code}: a run for one prefecture of a province's registry. Its
	 * digest is the file's and the root's, so two parts of one file never pass for each other.
	 */
	public Registry subtree(String code) {
		Unit root = unit(code).orElseThrow(() -> new RegistryException(Text.of("config.registry.no-unit", code)));
		if (root == consolidating) {
			return this;
		}
		if (isLeaf(code)) {
			throw new RegistryException(Text.of("config.registry.leaf", code, root.name()));
		}
		Map<String, Unit> all = new LinkedHashMap<>();
		Unit asRoot = new Unit(root.code(), root.name(), root.kind(), "", root.codeSource());
		all.put(asRoot.code(), asRoot);
		members.values().forEach(u -> all.putIfAbsent(u.code(), u));
		return new Registry(asRoot, all, Sha256.hex(sha256 + "\nsubtree=" + code));
	}

	/** A unit by its 12-digit code or its registered name, as people type it. */
	public Optional<Unit> find(String codeOrName) {
		String key = codeOrName == null ? "" : codeOrName.strip();
		Unit byCode = members.get(key);
		if (byCode != null) {
			return Optional.of(byCode);
		}
		return members.values().stream().filter(u -> u.name().equals(key)).findFirst();
	}

	/**
	 * The unit a text (a file name) names. A name that several units have (names repeat across a country:
	 * 城关镇) counts only where the text also names the unit above it (偃师市城关镇); a unit named together
	 * with one below it gives way to that one. Exactly one unit left is the answer; otherwise none.
	 */
	public Optional<Unit> named(String text) {
		Names index = names;
		if (index == null) {
			index = new Names(members.values());
			names = index;
		}
		List<String> found = index.namesIn(text);
		Set<Unit> candidates = new LinkedHashSet<>();
		for (String name : found) {
			List<Unit> units = index.byName.get(name);
			if (units.size() == 1) {
				candidates.add(units.get(0));
				continue;
			}
			List<Unit> placed = units.stream()
				.filter(u -> parent(u).map(p -> p != consolidating && text.contains(p.name())).orElse(false))
				.toList();
			if (placed.size() == 1) {
				candidates.add(placed.get(0));
			}
		}
		candidates.removeIf(c -> candidates.stream().anyMatch(other -> other != c && isAncestor(c, other)));
		return candidates.size() == 1 ? Optional.of(candidates.iterator().next()) : Optional.empty();
	}

	public String sha256() {
		return sha256;
	}

	/** Registered names indexed by their last character, so a file name is matched in a few lookups. */
	private static final class Names {

		private final Map<String, List<Unit>> byName = new HashMap<>();

		private final Set<Integer> lastCharacters = new HashSet<>();

		private int longest;

		Names(Collection<Unit> units) {
			for (Unit unit : units) {
				byName.computeIfAbsent(unit.name(), k -> new ArrayList<>()).add(unit);
				lastCharacters.add(unit.name().codePointBefore(unit.name().length()));
				longest = Math.max(longest, unit.name().length());
			}
		}

		List<String> namesIn(String text) {
			List<String> found = new ArrayList<>();
			for (int end = 1; end <= text.length(); end++) {
				if (!lastCharacters.contains(text.codePointBefore(end))) {
					continue;
				}
				for (int start = Math.max(0, end - longest); start < end; start++) {
					String candidate = text.substring(start, end);
					if (byName.containsKey(candidate)) {
						found.add(candidate);
					}
				}
			}
			return found;
		}

	}

}
