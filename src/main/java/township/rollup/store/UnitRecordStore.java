package township.rollup.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import township.rollup.board.BoardLine;
import township.rollup.board.UnitStatus;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingCodec;

/**
 * Every unit of a year's board with what the people-facing pages need of it in one row: its line, the
 * file of its current version (name, hash, size, encoding, when it came), that file's numbers and every
 * finding that stands for it. Read a page of units at a time in unit-code order ({@link Keyset}), so that a
 * nation's pages are written one unit at a time, with a page of units in memory at most.
 */
@Repository
public class UnitRecordStore {

	/**
	 * One unit. The file's fields are null for a unit with no current version (missing, or several files
	 * claiming it); {@code numbers} is the file's stored vector ({@code NumberVector}), null when it has
	 * none in this release's layout.
	 */
	public record UnitRecord(BoardLine line, Long receivedFileId, Integer version, String fileName,
			String sha256, Long sizeBytes, String encoding, java.time.Instant receivedAt, java.time.Instant assessedAt,
			String formatId, String numbers, List<Finding> findings) {

		public boolean hasFile() {
			return receivedFileId != null;
		}

	}

	private final JdbcTemplate jdbc;

	private final FindingStore findings;

	/** Rows per page ({@link Keyset}); smaller in tests of the page edges. */
	private int pageSize = Keyset.PAGE_SIZE;

	private final ExplanationStore explanations;

	public UnitRecordStore(JdbcTemplate jdbc, FindingStore findings, ExplanationStore explanations) {
		this.jdbc = jdbc;
		this.findings = findings;
		this.explanations = explanations;
	}

	void pageSize(int size) {
		this.pageSize = size;
	}

	/**
	 * Every line of the year's board with its file and findings, one unit at a time, in unit-code order;
	 * read a page of units at a time ({@link Keyset}), with their encoded findings and numbers, and the
	 * inbox's findings about those units only.
	 */
	public void forEach(int year, Consumer<UnitRecord> sink) {
		// the next page is read and decoded while the caller handles this one: a nation's pages are written
		// while the units are read, and the reading was half of that pass's one thread (the caller publishes
		// what earlier steps committed). Two pages are then held at once, each with its units' findings, so
		// each is half a page: what is held is what one page held (SmallHeapIT, a year of ~36 findings a
		// file in a 96 MB heap, ran out of memory with two whole pages)
		Keyset.forEachPageReadAhead(Math.max(1, pageSize / 2), (after, size) -> jdbc.query(PAGE, UnitRecordStore::row, year,
				after == null ? "" : after, size), Row::key, page -> {
					List<UnitRecord> records = new ArrayList<>(page.size());
					page(year, page, records::add);
					return records;
				}, records -> records.forEach(sink));
	}

	/** One unit's line with its file and findings, as {@link #forEach} gives it; empty before its first run. */
	public java.util.Optional<UnitRecord> one(int year, String unitCode) {
		List<Row> rows = jdbc.query(ONE, UnitRecordStore::row, year, unitCode);
		if (rows.isEmpty()) {
			return java.util.Optional.empty();
		}
		List<UnitRecord> found = new ArrayList<>();
		page(year, rows, found::add);
		return found.stream().findFirst();
	}

	private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		String code = rs.getString("unit_code").strip();
		BoardLine line = new BoardLine(rs.getInt("report_year"), code, rs.getString("unit_name"),
				UnitStatus.valueOf(rs.getString("status")), rs.getString("reason"),
				(Long) rs.getObject("submission_id", Long.class), rs.getInt("error_count"),
				rs.getInt("warning_count"), rs.getInt("open_warning_count"),
				rs.getString("parent_code") == null ? null : rs.getString("parent_code").strip(), rs.getString("kind"),
				rs.getString("source"), rs.getInt("children_count"), rs.getInt("complete_count"),
				rs.getBoolean("returned"));
		java.sql.Timestamp received = rs.getTimestamp("f_received");
		java.sql.Timestamp assessedAt = rs.getTimestamp("s_assessed");
		return new Row(rs.getString("unit_code"), line, (Long) rs.getObject("s_id", Long.class),
				(Integer) rs.getObject("s_version", Integer.class), (Long) rs.getObject("f_id", Long.class),
				rs.getString("f_name"), rs.getString("f_sha"), (Long) rs.getObject("f_size", Long.class),
				rs.getString("f_encoding"), received == null ? null : received.toInstant(),
				assessedAt == null ? null : assessedAt.toInstant(), rs.getString("f_format"), rs.getString("s_findings"),
				rs.getString("f_read_findings"), rs.getString("f_numbers"));
	}

	/**
	 * A line of the board with the version and file it rests on, and their encoded findings and numbers in
	 * the same row: the database reads a version's and a file's whole row to join it (on HSQLDB a file's
	 * row holds its whole reading, about 6 KB), so a second query for their findings read every row twice
	 * (measured at 40,000 units: the board's pages with the second queries 2.2-3.4 s, in one query 1.3 s).
	 */
	private static final String COLUMNS = "SELECT t.*, s.id AS s_id, s.version AS s_version, s.assessed_at AS s_assessed, "
			+ "s.findings AS s_findings, f.id AS f_id, f.file_name AS f_name, f.sha256 AS f_sha, f.size_bytes AS f_size, "
			+ "f.encoding AS f_encoding, f.received_at AS f_received, f.format_id AS f_format, "
			+ "f.read_findings AS f_read_findings, f.numbers AS f_numbers, " + ReturnStore.IN_FORCE
			+ " AS returned FROM township_status t "
			+ "LEFT JOIN submission s ON s.id = t.submission_id LEFT JOIN received_file f ON f.id = s.received_file_id ";

	static final String ONE = COLUMNS + "WHERE t.report_year = ? AND t.unit_code = ?";

	/** A page of the board: each line with the version and file it rests on, and their encoded findings. */
	static final String PAGE = COLUMNS
			+ "WHERE t.report_year = ? AND t.unit_code > ? ORDER BY t.report_year, t.unit_code LIMIT ?";

	/**
	 * A board line of a page, before its findings are decoded; {@code key} as stored. The encoded texts are
	 * null where the version or file has none (written before they were kept encoded, or no version).
	 */
	private record Row(String key, BoardLine line, Long submissionId, Integer version, Long fileId,
			String fileName, String sha256, Long sizeBytes, String encoding, java.time.Instant receivedAt,
			java.time.Instant assessedAt, String formatId, String assessedFindings, String readFindings,
			String numbers) {
	}

	private void page(int year, List<Row> page, Consumer<UnitRecord> sink) {
		List<Long> versions = page.stream().map(Row::submissionId).filter(java.util.Objects::nonNull).toList();
		// the findings of reading are kept with the file, explained by its own NOTE lines; a warning of
		// reading explained in the portal is explained for the version it was written for, as the
		// assessment counted it (SubmissionAssessor)
		Map<Long, List<ExplanationStore.Added>> added = versions.isEmpty() ? Map.of() : explanations.ofVersions(versions);
		Map<String, List<Finding>> inbox = inboxFindings(year, page.get(0).key(), page.get(page.size() - 1).key());
		for (Row row : page) {
			BoardLine line = row.line();
			boolean conflict = "CONFLICT".equals(line.reason());
			List<Finding> all = new ArrayList<>();
			// a conflict's current version is not what the unit stands on: the files in conflict are
			if (row.fileId() != null && !conflict) {
				String read = row.readFindings();
				String assessedText = row.assessedFindings();
				List<Finding> reading = read != null ? FindingCodec.decode(read)
						: findings.legacyOfFile(row.fileId(), FindingStore.Phase.READ);
				List<ExplanationStore.Added> mine = added.getOrDefault(row.submissionId(), List.of());
				all.addAll(mine.isEmpty() ? reading : explainedInThePortal(reading, mine));
				all.addAll(assessedText != null ? FindingCodec.decode(assessedText)
						: findings.legacyOfSubmission(row.submissionId()));
			}
			all.addAll(inbox.getOrDefault(line.unitCode(), List.of()));
			if (conflict) {
				sink.accept(new UnitRecord(line, null, null, null, null, null, null, null, null, null, null, all));
				continue;
			}
			sink.accept(new UnitRecord(line, row.fileId(), row.version(), row.fileName(), row.sha256(), row.sizeBytes(),
					row.encoding(), row.receivedAt(), row.assessedAt(), row.formatId(),
					row.fileId() == null ? null : row.numbers(), all));
		}
	}

	/** The open warnings of reading that the portal's explanations of the version explain. */
	private static List<Finding> explainedInThePortal(List<Finding> reading, List<ExplanationStore.Added> added) {
		township.rollup.rules.Explanations portal = township.rollup.rules.Explanations
			.of(added.stream().map(a -> Map.entry(a.ruleId(), a.text())).toList());
		List<Finding> out = new ArrayList<>(reading.size());
		for (Finding f : reading) {
			out.add(f.isOpenWarning() ? portal.apply(List.of(f)).get(0) : f);
		}
		return out;
	}

	/**
	 * What the inbox last assessed says about the units from {@code first} to {@code last} (several files
	 * for one, a county's own file beside its units').
	 */
	private Map<String, List<Finding>> inboxFindings(int year, String first, String last) {
		Map<String, List<Finding>> byUnit = new HashMap<>();
		jdbc.query("SELECT i.unit_code, i.findings FROM inbox_finding i JOIN report_year_state y "
				+ "ON y.report_year = i.report_year AND y.inbox_digest = i.inbox_digest "
				+ "WHERE i.report_year = ? AND i.unit_code >= ? AND i.unit_code <= ? ORDER BY i.id", rs -> {
					byUnit.computeIfAbsent(rs.getString(1).strip(), k -> new ArrayList<>())
						.addAll(FindingCodec.decode(rs.getString(2)));
				}, year, first, last);
		return byUnit;
	}

}
