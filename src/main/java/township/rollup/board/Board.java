package township.rollup.board;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.rollup.Tree;

/**
 * A year's board: every unit of the registry tree with its status and verdict, who sent what and when, what
 * each line means to the people who act on it ({@link BoardState}), what the tree stands on, the counts of
 * each level and the annual gate's verdict. Made from the stored lines alone, so that the batch steps, the
 * run summary and every output read one model and never work these out again; it knows no output format.
 * Its size is the registry's (one line per registered unit), which a run holds anyway.
 */
public final class Board {

	private final Registry registry;

	/** In unit-code order, as stored. */
	private final List<FiledLine> lines;

	private final Map<String, FiledLine> byCode = new HashMap<>();

	/** The units that stand on a file of their own, whose units need send nothing. */
	private final Set<String> ownFiles = new HashSet<>();

	private final Map<String, BoardState> states = new HashMap<>();

	private final Tree tree;

	private final Deadline deadline;

	private Board(Registry registry, List<FiledLine> lines, Deadline deadline) {
		this.registry = registry;
		this.deadline = deadline;
		this.lines = List.copyOf(lines);
		for (FiledLine f : lines) {
			byCode.put(f.line().unitCode().strip(), f);
			if (f.line().ownFile()) {
				ownFiles.add(f.line().unitCode());
			}
		}
		for (FiledLine f : lines) {
			states.put(f.line().unitCode(), BoardState.of(f.line(), covered(f.line().unitCode()), deadline));
		}
		this.tree = new Tree(registry, standings(lines.stream().map(FiledLine::line).toList()));
	}

	/** The board of {@code lines} with the file each rests on. */
	public static Board filed(Registry registry, List<FiledLine> lines) {
		return new Board(registry, lines, Deadline.none());
	}

	/** The board of {@code lines} with the file each rests on, read against the year's deadline. */
	public static Board filed(Registry registry, List<FiledLine> lines, Deadline deadline) {
		return new Board(registry, lines, deadline);
	}

	/** The board of {@code lines}, where who sent what is not needed (the batch steps, the summary). */
	public static Board of(Registry registry, List<BoardLine> lines) {
		return of(registry, lines, Deadline.none());
	}

	/** {@link #of(Registry, List)} read against the year's deadline. */
	public static Board of(Registry registry, List<BoardLine> lines, Deadline deadline) {
		return new Board(registry, lines.stream().map(l -> new FiledLine(l, null, null, null, null, null)).toList(),
				deadline);
	}

	/**
	 * What the tree needs of the board: which units sent a file, and its verdict. A version the office
	 * returned stands as a rejected one: its level is incomplete and the year may not become final.
	 */
	public static Map<String, Tree.Standing> standings(Collection<BoardLine> lines) {
		Map<String, Tree.Standing> standings = new HashMap<>();
		for (BoardLine line : lines) {
			switch (line.status()) {
				case ACCEPTED -> standings.put(line.unitCode(),
						line.returned() ? Tree.Standing.REJECTED : Tree.Standing.ACCEPTED);
				case REJECTED -> standings.put(line.unitCode(), Tree.Standing.REJECTED);
				default -> {
				}
			}
		}
		return standings;
	}

	public Registry registry() {
		return registry;
	}

	/** Every line, in unit-code order. */
	public List<FiledLine> lines() {
		return lines;
	}

	public boolean isEmpty() {
		return lines.isEmpty();
	}

	public Optional<FiledLine> line(String unitCode) {
		return Optional.ofNullable(byCode.get(unitCode));
	}

	/** What the tree stands on, level by level. */
	public Tree tree() {
		return tree;
	}

	/** Whether a unit of the registry is below one whose own file counts for it. */
	public boolean covered(String unitCode) {
		for (var p = registry.member(unitCode).flatMap(registry::parent); p.isPresent(); p = registry.parent(p.get())) {
			if (ownFiles.contains(p.get().code())) {
				return true;
			}
		}
		return false;
	}

	/** A unit's state; a unit not on the board has sent nothing (and is late once the deadline passed). */
	public BoardState state(String unitCode) {
		return states.getOrDefault(unitCode, deadline.passed() ? BoardState.LATE : BoardState.MISSING);
	}

	public Deadline deadline() {
		return deadline;
	}

	/** What needs action first (a file to correct, one overdue, to send, warnings to explain), then by code. */
	public Comparator<FiledLine> actionFirst() {
		Comparator<BoardLine> order = BoardState.order(l -> state(l.unitCode()));
		return (a, b) -> order.compare(a.line(), b.line());
	}

	/** Every line, what needs action first. */
	public List<FiledLine> inActionOrder() {
		List<FiledLine> sorted = new ArrayList<>(lines);
		sorted.sort(actionFirst());
		return sorted;
	}

	/** The lines of a unit's own units (those on the board), what needs action first. */
	public List<FiledLine> unitsOf(String unitCode) {
		List<FiledLine> below = new ArrayList<>();
		for (Unit child : registry.children(unitCode)) {
			FiledLine f = byCode.get(child.code());
			if (f != null) {
				below.add(f);
			}
		}
		below.sort(actionFirst());
		return below;
	}

	/**
	 * What every level of the tree below the consolidating unit stands on and how many of its units are
	 * complete, as the board stores it: its own file's verdict, or consolidated from its units.
	 */
	public List<LevelLine> levelLines() {
		List<LevelLine> levels = new ArrayList<>();
		for (Tree.Level level : tree.levels()) {
			if (level.unit() == registry.consolidating()) {
				continue;
			}
			BoardLine line = byCode.get(level.unit().code()).line();
			UnitStatus state = level.source() == Tree.Source.OWN_FILE ? line.status() : UnitStatus.CONSOLIDATED;
			levels.add(new LevelLine(level.unit().code(), state, level.source().name(), level.units(),
					level.completeUnits()));
		}
		return levels;
	}

	/** Units that sent their own file while units below them sent theirs too. */
	public List<Tree.Overlap> overlaps() {
		return tree.overlaps();
	}

	/** Units named in an overlap's finding at most; the count says how many there are. */
	static final int OVERLAP_NAMES = 20;

	/**
	 * What ROLLUP-OVERLAP says of an overlap: the unit, the version its own file rests on (null if none),
	 * how many of its units sent files too, and their names, at most {@link #OVERLAP_NAMES}.
	 */
	public record Overlap(Unit unit, Long submissionId, int count, String units) {
	}

	public List<Overlap> overlapNotices() {
		List<Overlap> notices = new ArrayList<>();
		for (Tree.Overlap overlap : tree.overlaps()) {
			Long submissionId = line(overlap.unit().code()).map(f -> f.line().submissionId()).orElse(null);
			String units = String.join("、", overlap.below().stream().limit(OVERLAP_NAMES).map(Unit::name).toList())
					+ (overlap.below().size() > OVERLAP_NAMES ? "……" : "");
			notices.add(new Overlap(overlap.unit(), submissionId, overlap.below().size(), units));
		}
		return notices;
	}

	/**
	 * The units that send files (the registry's leaves): how many there are, accepted, rejected, missing,
	 * late (sent nothing and the deadline passed: {@link BoardState#LATE}) and below a unit whose own file
	 * counts for them; who has not sent (before the deadline, after it) and who was rejected.
	 */
	public record Reporting(List<Unit> units, long accepted, long rejected, long missing, long late, long covered,
			List<BoardLine> missingLines, List<BoardLine> lateLines, List<BoardLine> rejectedLines) {
	}

	public Reporting reporting() {
		List<Unit> leaves = registry.leaves();
		Set<String> leafCodes = new HashSet<>();
		leaves.forEach(u -> leafCodes.add(u.code()));
		List<BoardLine> reporting = lines.stream().map(FiledLine::line).filter(l -> leafCodes.contains(l.unitCode())).toList();
		long accepted = reporting.stream().filter(BoardLine::standsAccepted).count();
		long rejected = reporting.stream().filter(Board::rejectedOrReturned).count();
		long covers = reporting.stream().filter(l -> state(l.unitCode()) == BoardState.COVERED).count();
		// missing or late as the board's state says, by the deadline the board was read against
		List<BoardLine> missingLines = reporting.stream().filter(l -> state(l.unitCode()) == BoardState.MISSING).toList();
		List<BoardLine> lateLines = reporting.stream().filter(l -> state(l.unitCode()) == BoardState.LATE).toList();
		// every rejected file, a level's own file too
		List<BoardLine> rejectedLines = lines.stream().map(FiledLine::line).filter(Board::rejectedOrReturned).toList();
		return new Reporting(leaves, accepted, rejected, missingLines.size(), lateLines.size(), covers, missingLines,
				lateLines, rejectedLines);
	}

	/**
	 * The lines of units that send files, counted as the page's banner counts them before there are figures:
	 * accepted, rejected and without a file (below a unit's own file or not).
	 */
	public record Counts(int accepted, int rejected, int missing) {
	}

	public Counts fileCounts() {
		int accepted = 0;
		int rejected = 0;
		int missing = 0;
		for (FiledLine f : lines) {
			if (f.line().level()) {
				continue;
			}
			switch (f.line().status()) {
				case ACCEPTED -> {
					if (f.line().returned()) {
						rejected++;
					}
					else {
						accepted++;
					}
				}
				case REJECTED -> rejected++;
				case MISSING -> missing++;
				default -> {
				}
			}
		}
		return new Counts(accepted, rejected, missing);
	}

	/** Rejected by the rules, or returned by the office: counted alike until the unit sends again. */
	static boolean rejectedOrReturned(BoardLine line) {
		return line.status() == UnitStatus.REJECTED || line.returned();
	}

	/** A group of units of the tree and how many of them are complete. */
	public record Group(List<Unit> units, long complete) {
	}

	/**
	 * The levels of a tree: the consolidating unit's own units and how many are complete, the units with
	 * units below them depth by depth, the units that stand on a file of their own, and the incomplete
	 * levels, highest first.
	 */
	public record Levels(Unit root, Group rootUnits, List<Group> byDepth, List<BoardLine> ownFiles,
			List<BoardLine> incomplete) {
	}

	public Levels levels() {
		Unit root = registry.consolidating();
		List<Unit> children = registry.children(root.code());
		long complete = children.stream()
			.filter(c -> complete(line(c.code()).map(FiledLine::line).orElse(null), registry.isLeaf(c.code())))
			.count();
		Map<Integer, List<Unit>> byDepth = new TreeMap<>();
		for (Unit unit : registry.members()) {
			if (!registry.isLeaf(unit.code())) {
				byDepth.computeIfAbsent(registry.depth(unit.code()), k -> new ArrayList<>()).add(unit);
			}
		}
		List<Group> groups = new ArrayList<>();
		for (List<Unit> level : byDepth.values()) {
			long done = level.stream().filter(u -> complete(line(u.code()).map(FiledLine::line).orElse(null), false)).count();
			groups.add(new Group(level, done));
		}
		List<BoardLine> own = lines.stream().map(FiledLine::line).filter(BoardLine::ownFile).toList();
		List<BoardLine> incomplete = lines.stream()
			.map(FiledLine::line)
			.filter(l -> l.level() && !complete(l, false))
			.sorted(Comparator.comparingInt((BoardLine l) -> registry.depth(l.unitCode())))
			.toList();
		return new Levels(root, new Group(children, complete), groups, own, incomplete);
	}

	/** Whether a line is complete: its file accepted, or, summed from its units, every one of them complete. */
	static boolean complete(BoardLine line, boolean leaf) {
		if (line == null) {
			return false;
		}
		if (leaf || line.ownFile()) {
			return line.standsAccepted();
		}
		return line.childrenCount() > 0 && line.completeCount() == line.childrenCount();
	}

	/** The annual gate's verdict on this board. */
	public Gate gate() {
		return Gate.of(this);
	}

}
