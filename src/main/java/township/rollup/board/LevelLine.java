package township.rollup.board;

/** What a level of the tree stands on: its status, source and how many of its units are complete. */
public record LevelLine(String unitCode, UnitStatus status, String source, int childrenCount, int completeCount) {
}
