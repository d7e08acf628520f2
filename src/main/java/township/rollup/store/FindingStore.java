package township.rollup.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import township.rollup.rules.Finding;
import township.rollup.rules.FindingCodec;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;

/**
 * Findings, kept as one encoded list per owner: reading a file (with the file's row), assessing a
 * version (with the version's row), and the state of an assessed inbox (conflicts, files of no known
 * unit, a unit's own file beside its units' files). The table {@code finding}, one row per finding, holds
 * those of rows written before this layout and is read where an owner has no encoded list.
 */
@Repository
public class FindingStore {

	/** Why a finding exists: reading a file, assessing a version, or the state of the inbox. */
	public enum Phase {

		READ, ASSESS, INBOX

	}

	static final String COLUMNS = "rule_id, severity, file_name, line_no, table_code, table_name, row_code, row_label, "
			+ "column_code, column_label, expected, actual, delta, message_zh, message_en, explanation";

	private final JdbcTemplate jdbc;

	/** Rows per page of the walks over a year ({@link Keyset}); smaller in tests of the page edges. */
	private int pageSize = Keyset.PAGE_SIZE;

	public FindingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void pageSize(int size) {
		this.pageSize = size;
	}

	/** A finding about the inbox, with the file and unit it concerns. */
	public record InboxFinding(Long receivedFileId, String unitCode, List<Finding> findings) {
	}

	/** What an inbox finding is about; each kind is replaced by the step that finds it. */
	public enum InboxKind {

		CONFLICT, UNATTRIBUTED, OVERLAP,

		/** A consolidated level's own findings (a 总体情况 figure against the tables), found by the roll-up. */
		LEVEL,

		/** A file that is not a submission ({@code township.rollup.ingest.Inbox.Named}). */
		NOT_SUBMISSION,

		/** A unit's file set aside because another of its files says the same and stands for both. */
		SET_ASIDE

	}

	/**
	 * A unit's findings about the inbox assessed under {@code digest} (a conflict, an overlap), replacing
	 * what an earlier run on the same inbox found for it.
	 */
	public void replaceInboxOfUnit(int year, String digest, InboxKind kind, String unitCode, List<InboxFinding> found) {
		jdbc.update("DELETE FROM inbox_finding WHERE report_year = ? AND inbox_digest = ? AND unit_code = ? AND kind = ?",
				year, digest, unitCode, kind.name());
		addInbox(year, digest, kind, found);
	}

	/** Every finding of one kind about the inbox assessed under {@code digest}, replacing the earlier ones. */
	public void replaceInboxKind(int year, String digest, InboxKind kind, List<InboxFinding> found) {
		jdbc.update("DELETE FROM inbox_finding WHERE report_year = ? AND inbox_digest = ? AND kind = ?", year, digest,
				kind.name());
		addInbox(year, digest, kind, found);
	}

	/**
	 * The findings about one file of no unit (one of no known unit, or one that is not a submission),
	 * replacing an earlier run's on the same inbox.
	 */
	public void replaceInboxOfFile(int year, String digest, InboxKind kind, long receivedFileId, InboxFinding found) {
		jdbc.update("DELETE FROM inbox_finding WHERE report_year = ? AND inbox_digest = ? AND received_file_id = ? "
				+ "AND kind = ?", year, digest, receivedFileId, kind.name());
		addInbox(year, digest, kind, List.of(found));
	}

	/**
	 * The names, as received, of the files of the inbox last assessed that are not submissions, in name
	 * order: what the run summary and the report's board count.
	 */
	public List<String> notSubmissions(int year) {
		return jdbc.queryForList("SELECT r.file_name FROM inbox_finding i JOIN report_year_state y "
				+ "ON y.report_year = i.report_year AND y.inbox_digest = i.inbox_digest "
				+ "JOIN received_file r ON r.id = i.received_file_id WHERE i.report_year = ? AND i.kind = ? "
				+ "ORDER BY r.file_name", String.class, year, InboxKind.NOT_SUBMISSION.name());
	}

	private void addInbox(int year, String digest, InboxKind kind, List<InboxFinding> found) {
		List<Object[]> rows = new ArrayList<>();
		for (InboxFinding f : found) {
			if (!f.findings().isEmpty()) {
				rows.add(new Object[] { year, digest, f.receivedFileId(), f.unitCode(), kind.name(),
						FindingCodec.encode(f.findings()) });
			}
		}
		if (!rows.isEmpty()) {
			jdbc.batchUpdate("INSERT INTO inbox_finding (report_year, inbox_digest, received_file_id, unit_code, kind, "
					+ "findings) VALUES (?, ?, ?, ?, ?, ?)", rows);
		}
	}

	/** The findings of reading a stored file. */
	public List<Finding> ofFile(long receivedFileId) {
		String encoded = jdbc.query("SELECT read_findings FROM received_file WHERE id = ?",
				rs -> rs.next() ? rs.getString(1) : null, receivedFileId);
		return encoded != null ? FindingCodec.decode(encoded) : legacyOfFile(receivedFileId, Phase.READ);
	}

	/** The findings of assessing a version. */
	public List<Finding> ofSubmission(long submissionId) {
		String encoded = jdbc.query("SELECT findings FROM submission WHERE id = ?",
				rs -> rs.next() ? rs.getString(1) : null, submissionId);
		return encoded != null ? FindingCodec.decode(encoded) : legacyOfSubmission(submissionId);
	}

	List<Finding> legacyOfFile(long receivedFileId, Phase phase) {
		return jdbc.query("SELECT " + COLUMNS + " FROM finding WHERE received_file_id = ? AND phase = ? "
				+ "AND submission_id IS NULL ORDER BY seq", FindingStore::map, receivedFileId, phase.name());
	}

	List<Finding> legacyOfSubmission(long submissionId) {
		return jdbc.query("SELECT " + COLUMNS + " FROM finding WHERE submission_id = ? ORDER BY seq", FindingStore::map,
				submissionId);
	}

	void deleteLegacyOfSubmission(long submissionId) {
		jdbc.update("DELETE FROM finding WHERE submission_id = ?", submissionId);
	}

	void deleteLegacyOfFile(long receivedFileId, Phase phase) {
		jdbc.update("DELETE FROM finding WHERE received_file_id = ? AND phase = ? AND submission_id IS NULL",
				receivedFileId, phase.name());
	}

	/** A finding and the unit it concerns (null for a file no unit could be found for). */
	public record Owned(String unitCode, Finding finding) {
	}

	/**
	 * The findings that stand for a year now, one at a time: those of every unit's current version
	 * (reading its file, then assessing it) in unit-code order, then those about the inbox last assessed
	 * (conflicts, a unit's own file beside its units', files of no known unit with what reading them
	 * found). Read in pages ({@link Keyset}), so that a nation's findings never need to be in memory at
	 * once: a page of units and their encoded findings at most.
	 */
	public void forEachStanding(int year, Consumer<Owned> sink) {
		Keyset.forEachPage(pageSize, (after, size) -> jdbc.query(STANDING_PAGE,
				(rs, i) -> new StandingKey(rs.getString(1), rs.getLong(2), rs.getLong(3)), year,
				after == null ? "" : after, size), StandingKey::unitCode, page -> {
					Map<Long, String[]> texts = new HashMap<>();
					jdbc.query(STANDING_TEXTS + Keyset.marks(page.size()) + ")",
							rs -> {
							texts.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
						},
							page.stream().map(StandingKey::submissionId).toArray());
					for (StandingKey key : page) {
						String[] text = texts.get(key.submissionId());
						List<Finding> readFindings = text[0] != null ? FindingCodec.decode(text[0])
								: legacyOfFile(key.fileId(), Phase.READ);
						List<Finding> assessFindings = text[1] != null ? FindingCodec.decode(text[1])
								: legacyOfSubmission(key.submissionId());
						readFindings.forEach(f -> sink.accept(new Owned(key.unitCode(), f)));
						assessFindings.forEach(f -> sink.accept(new Owned(key.unitCode(), f)));
					}
				});
		// about the inbox: units' first, then files of no known unit
		Keyset.<InboxKey, InboxKey>forEachPage(pageSize, (after, size) -> {
			InboxKey from = after != null ? after : new InboxKey(-1, "", "");
			return jdbc.query(INBOX_OF_UNITS_PAGE, FindingStore::inboxKey, year, from.unitCode(), from.unitCode(),
					from.fileName(), from.fileName(), from.id(), size);
		}, key -> key, page -> inboxPage(page, sink));
		Keyset.<InboxKey, InboxKey>forEachPage(pageSize, (after, size) -> {
			InboxKey from = after != null ? after : new InboxKey(-1, null, "");
			return jdbc.query(INBOX_OF_FILES_PAGE, FindingStore::inboxKey, year, from.fileName(), from.fileName(),
					from.id(), size);
		}, key -> key, page -> inboxPage(page, sink));
	}

	/** A page of the board's units with a current version: the unit, its version and that version's file. */
	static final String STANDING_PAGE = "SELECT t.unit_code, s.id, f.id FROM township_status t "
			+ "JOIN submission s ON s.id = t.submission_id JOIN received_file f ON f.id = s.received_file_id "
			+ "WHERE t.report_year = ? AND t.reason IS NULL AND t.unit_code > ? "
			+ "ORDER BY t.report_year, t.unit_code LIMIT ?";

	private static final String STANDING_TEXTS = "SELECT s.id, f.read_findings, s.findings FROM submission s "
			+ "JOIN received_file f ON f.id = s.received_file_id WHERE s.id IN (";

	private static final String INBOX_FROM = "SELECT i.id, i.unit_code, COALESCE(r.file_name, '') FROM inbox_finding i "
			+ "JOIN report_year_state y ON y.report_year = i.report_year AND y.inbox_digest = i.inbox_digest "
			+ "LEFT JOIN received_file r ON r.id = i.received_file_id WHERE i.report_year = ? ";

	/** A page of the inbox findings about units, by unit, file name (none first) and id. */
	static final String INBOX_OF_UNITS_PAGE = INBOX_FROM + "AND i.unit_code IS NOT NULL AND (i.unit_code > ? "
			+ "OR (i.unit_code = ? AND (COALESCE(r.file_name, '') > ? OR (COALESCE(r.file_name, '') = ? AND i.id > ?)))) "
			+ "ORDER BY i.unit_code, COALESCE(r.file_name, ''), i.id LIMIT ?";

	/** A page of the inbox findings about files of no unit, by file name and id. */
	static final String INBOX_OF_FILES_PAGE = INBOX_FROM + "AND i.unit_code IS NULL AND (COALESCE(r.file_name, '') > ? "
			+ "OR (COALESCE(r.file_name, '') = ? AND i.id > ?)) ORDER BY COALESCE(r.file_name, ''), i.id LIMIT ?";

	private static final String INBOX_TEXTS = "SELECT i.id, i.findings, r.read_findings FROM inbox_finding i "
			+ "LEFT JOIN received_file r ON r.id = i.received_file_id WHERE i.id IN (";

	private record StandingKey(String unitCode, long submissionId, long fileId) {
	}

	/** Where an inbox finding stands in the walk: unit (null for none), file name ('' for none), id. */
	private record InboxKey(long id, String unitCode, String fileName) {
	}

	private static InboxKey inboxKey(ResultSet rs, int row) throws SQLException {
		return new InboxKey(rs.getLong(1), rs.getString(2), rs.getString(3));
	}

	private void inboxPage(List<InboxKey> page, Consumer<Owned> sink) {
		Map<Long, String[]> texts = new HashMap<>();
		jdbc.query(INBOX_TEXTS + Keyset.marks(page.size()) + ")",
				rs -> {
							texts.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
						},
				page.stream().map(InboxKey::id).toArray());
		for (InboxKey key : page) {
			String[] text = texts.get(key.id());
			String unit = key.unitCode();
			if (unit == null && text[1] != null) {
				// a file of no known unit: what reading it found belongs with it
				FindingCodec.decode(text[1]).forEach(f -> sink.accept(new Owned(null, f)));
			}
			FindingCodec.decode(text[0]).forEach(f -> sink.accept(new Owned(unit, f)));
		}
	}

	/** {@link #forEachStanding} into a list, for a small year (tests, a county). */
	public List<Owned> standing(int year) {
		List<Owned> out = new ArrayList<>();
		forEachStanding(year, out::add);
		return out;
	}

	static Finding map(ResultSet rs, int row) throws SQLException {
		Where where = new Where(rs.getString("file_name"), (Integer) rs.getObject("line_no", Integer.class),
				rs.getString("table_code"), rs.getString("table_name"), rs.getString("row_code"),
				rs.getString("row_label"), rs.getString("column_code"), rs.getString("column_label"));
		return new Finding(rs.getString("rule_id"), Severity.valueOf(rs.getString("severity")), where,
				decimal(rs, "expected"), decimal(rs, "actual"), decimal(rs, "delta"), rs.getString("message_zh"),
				rs.getString("message_en"), rs.getString("explanation"));
	}

	static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		if (value == null) {
			return null;
		}
		// 40.0000 → 40, never 4E+1
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}
