package township.rollup.board;

/**
 * One line of the board. {@code reason} is {@code CONFLICT} when several files claim the unit.
 * {@code source} says what a unit with units below it stands on: {@code OWN_FILE} or {@code UNITS}; null
 * for a unit with none below it. {@code returned}: the office returned (退回) the version the line rests on,
 * and the unit has sent no newer one; the verdict stays what the rules said, but the version counts as a
 * rejected one does (left out of the sums, the level incomplete, the annual gate closed).
 */
public record BoardLine(int year, String unitCode, String unitName, UnitStatus status, String reason, Long submissionId,
		int errorCount, int warningCount, int openWarningCount, String parentCode, String kind, String source,
		int childrenCount, int completeCount, boolean returned) {

	/** A stored line whose version is not returned. */
	public BoardLine(int year, String unitCode, String unitName, UnitStatus status, String reason, Long submissionId,
			int errorCount, int warningCount, int openWarningCount, String parentCode, String kind, String source,
			int childrenCount, int completeCount) {
		this(year, unitCode, unitName, status, reason, submissionId, errorCount, warningCount, openWarningCount,
				parentCode, kind, source, childrenCount, completeCount, false);
	}

	/** What the assessment of a unit writes; its place and level are filled in later. */
	public BoardLine(int year, String unitCode, String unitName, UnitStatus status, String reason, Long submissionId,
			int errorCount, int warningCount, int openWarningCount) {
		this(year, unitCode, unitName, status, reason, submissionId, errorCount, warningCount, openWarningCount, null,
				null, null, 0, 0);
	}

	public BoardLine withPlace(String parentCode, String kind) {
		return new BoardLine(year, unitCode, unitName, status, reason, submissionId, errorCount, warningCount,
				openWarningCount, parentCode, kind, source, childrenCount, completeCount, returned);
	}

	/** An accepted version that counts: not returned by the office. */
	public boolean standsAccepted() {
		return status == UnitStatus.ACCEPTED && !returned;
	}

	/** Several files claim the unit: none of them counts. */
	public boolean conflict() {
		return "CONFLICT".equals(reason);
	}

	/** A unit with units below it (a level), as opposed to one that sends a file. */
	public boolean level() {
		return source != null;
	}

	/** A level that stands on a file of its own instead of its units'. */
	public boolean ownFile() {
		return "OWN_FILE".equals(source);
	}

}
