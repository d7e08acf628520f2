package township.rollup.store;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import township.rollup.rules.Finding;
import township.rollup.submission.Cell;
import township.rollup.submission.CellKind;
import township.rollup.submission.Meta;
import township.rollup.submission.Note;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;
import township.rollup.submission.TextLimits;

/**
 * Files as received. A file is stored once per year, name and content hash, with its bytes, what was
 * read from it and the findings of reading it; later runs that see the same file only mark it seen.
 */
@Repository
public class ReceivedFileStore {

	private final JdbcTemplate jdbc;

	private final FindingStore findings;

	public ReceivedFileStore(JdbcTemplate jdbc, FindingStore findings) {
		this.jdbc = jdbc;
		this.findings = findings;
	}

	/** A file of the current inbox, enough to attribute it to a township. */
	public record InboxEntry(long id, String fileName, String sha256, String metaUnitCode, boolean readable) {
	}

	/** A stored file read back: what was read (absent if unreadable) and the findings of reading it. */
	public record StoredFile(long id, String fileName, String sha256, long sizeBytes, String encoding,
			Optional<ParsedSubmission> parsed, List<Finding> readFindings) {
	}

	/** A file received before: its row, and the fingerprint of the reader that read it (null: an old one). */
	public record Known(long id, String readerFingerprint) {
	}

	public Optional<Known> find(int year, String fileName, String sha256) {
		return jdbc
			.query("SELECT id, reader_fingerprint FROM received_file WHERE report_year = ? AND file_name = ? "
					+ "AND sha256 = ?", (rs, i) -> new Known(rs.getLong(1), rs.getString(2)), year, fileName, sha256)
			.stream()
			.findFirst();
	}

	public void markSeen(long id, String digest) {
		jdbc.update("UPDATE received_file SET last_seen_digest = ? WHERE id = ?", digest, id);
	}

	/**
	 * Stores a new file with what was read from it. {@code keepBytes} false stores no content, for a file
	 * whose bytes themselves could not be stored.
	 */
	public long insert(int year, SourceFile file, String encoding, Optional<ParsedSubmission> parsed,
			List<Finding> readFindings, String readerFingerprint, Instant receivedAt, long jobExecutionId,
			String digest, boolean keepBytes) {
		Meta meta = parsed.map(ParsedSubmission::meta).orElse(new Meta(null, null, null, null));
		byte[] content = keepBytes && file.notRead() == null
				&& file.sizeBytes() <= township.rollup.ingest.SubmissionParser.MAX_BYTES ? file.bytes() : null;
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("INSERT INTO received_file (report_year, file_name, sha256, size_bytes, "
					+ "content, readable, encoding, format_id, meta_unit_name, meta_unit_code, meta_year, meta_format, "
					+ "meta_lines, received_at, job_execution_id, last_seen_digest, reader_fingerprint) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			int i = 1;
			ps.setInt(i++, year);
			ps.setString(i++, file.fileName());
			ps.setString(i++, file.sha256());
			ps.setLong(i++, file.sizeBytes());
			if (content == null) {
				ps.setNull(i++, Types.VARBINARY);
			}
			else {
				ps.setBytes(i++, content);
			}
			ps.setBoolean(i++, parsed.isPresent());
			ps.setString(i++, encoding);
			ps.setString(i++, parsed.map(ParsedSubmission::formatId).orElse(null));
			ps.setString(i++, TextLimits.cut(meta.unitName(), 200));
			ps.setString(i++, TextLimits.cut(meta.unitCode(), 200));
			ps.setString(i++, TextLimits.cut(meta.year(), 200));
			ps.setString(i++, TextLimits.cut(meta.format(), 200));
			ps.setString(i++, parsed.map(p -> encodeLines(p.metaLines())).orElse(null));
			ps.setTimestamp(i++, Timestamp.from(receivedAt));
			ps.setLong(i++, jobExecutionId);
			ps.setString(i++, digest);
			ps.setString(i, readerFingerprint);
			return ps;
		}, key);
		long id = key.getKey().longValue();
		if (parsed.isPresent()) {
			insertCells(id, parsed.get());
		}
		findings.insert(year, id, null, null, FindingStore.Phase.READ, readFindings);
		return id;
	}

	/**
	 * Replaces what was read from a stored file by what this release's reader made of the same bytes:
	 * cells, explanations, metadata and reading findings, under the new reader's fingerprint.
	 */
	public void replaceRead(long id, int year, String encoding, Optional<ParsedSubmission> parsed,
			List<Finding> readFindings, String readerFingerprint, String digest) {
		jdbc.update("DELETE FROM received_cell WHERE received_file_id = ?", id);
		jdbc.update("DELETE FROM received_note WHERE received_file_id = ?", id);
		findings.deleteOfFile(id, FindingStore.Phase.READ);
		Meta meta = parsed.map(ParsedSubmission::meta).orElse(new Meta(null, null, null, null));
		jdbc.update("UPDATE received_file SET readable = ?, encoding = ?, format_id = ?, meta_unit_name = ?, "
				+ "meta_unit_code = ?, meta_year = ?, meta_format = ?, meta_lines = ?, reader_fingerprint = ?, "
				+ "last_seen_digest = ? WHERE id = ?", parsed.isPresent(), encoding,
				parsed.map(ParsedSubmission::formatId).orElse(null), TextLimits.cut(meta.unitName(), 200),
				TextLimits.cut(meta.unitCode(), 200), TextLimits.cut(meta.year(), 200),
				TextLimits.cut(meta.format(), 200), parsed.map(p -> encodeLines(p.metaLines())).orElse(null),
				readerFingerprint, digest, id);
		if (parsed.isPresent()) {
			insertCells(id, parsed.get());
		}
		findings.insert(year, id, null, null, FindingStore.Phase.READ, readFindings);
	}

	/** The bytes as received, for reading a stored file again; null when they were not kept. */
	public byte[] content(long id) {
		return jdbc.query("SELECT content FROM received_file WHERE id = ?", rs -> rs.next() ? rs.getBytes(1) : null,
				id);
	}

	private void insertCells(long id, ParsedSubmission parsed) {
		List<Object[]> rows = new ArrayList<>();
		for (Map<String, Cell> map : List.of(parsed.cells(), parsed.narrative())) {
			for (Cell cell : map.values()) {
				rows.add(new Object[] { id, cell.code(), cell.line(), TextLimits.cut(cell.raw(), 200), cell.kind().name(),
						cell.value() });
			}
		}
		jdbc.batchUpdate("INSERT INTO received_cell (received_file_id, cell_code, line_no, raw_text, kind, num_value) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", rows);
		List<Object[]> notes = new ArrayList<>();
		int seq = 0;
		for (Note note : parsed.notes()) {
			notes.add(new Object[] { id, seq++, note.line(), TextLimits.cut(note.ruleId(), 40), TextLimits.cut(note.text(), 4000) });
		}
		if (!notes.isEmpty()) {
			jdbc.batchUpdate("INSERT INTO received_note (received_file_id, seq, line_no, rule_id, note_text) "
					+ "VALUES (?, ?, ?, ?, ?)", notes);
		}
	}

	/** The files seen in the inbox by the run with this digest, in file-name order. */
	public List<InboxEntry> inbox(int year, String digest) {
		return jdbc.query("SELECT id, file_name, sha256, meta_unit_code, readable FROM received_file "
				+ "WHERE report_year = ? AND last_seen_digest = ? ORDER BY file_name, id",
				(rs, i) -> new InboxEntry(rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"),
						rs.getString("meta_unit_code"), rs.getBoolean("readable")),
				year, digest);
	}

	public StoredFile load(long id) {
		return jdbc.queryForObject("SELECT id, file_name, sha256, size_bytes, readable, encoding, format_id, "
				+ "meta_unit_name, meta_unit_code, meta_year, meta_format, meta_lines FROM received_file WHERE id = ?",
				(rs, i) -> {
					Optional<ParsedSubmission> parsed = Optional.empty();
					if (rs.getBoolean("readable")) {
						Meta meta = new Meta(rs.getString("meta_unit_name"), rs.getString("meta_unit_code"),
								rs.getString("meta_year"), rs.getString("meta_format"));
						parsed = Optional.of(readBack(id, rs.getString("file_name"), rs.getString("encoding"), meta,
								rs.getString("format_id"), decodeLines(rs.getString("meta_lines"))));
					}
					return new StoredFile(id, rs.getString("file_name"), rs.getString("sha256"),
							rs.getLong("size_bytes"), rs.getString("encoding"), parsed,
							findings.ofFile(id, FindingStore.Phase.READ));
				}, id);
	}

	private ParsedSubmission readBack(long id, String fileName, String encoding, Meta meta, String formatId,
			Map<String, Integer> metaLines) {
		Map<String, Cell> cells = new LinkedHashMap<>();
		Map<String, Cell> narrative = new LinkedHashMap<>();
		jdbc.query("SELECT cell_code, line_no, raw_text, kind, num_value FROM received_cell WHERE received_file_id = ? "
				+ "ORDER BY line_no, cell_code", rs -> {
					String code = rs.getString("cell_code");
					Cell cell = new Cell(code, rs.getInt("line_no"), rs.getString("raw_text"),
							CellKind.valueOf(rs.getString("kind")), FindingStore.decimal(rs, "num_value"));
					(code.startsWith("NARR.") ? narrative : cells).put(code, cell);
				}, id);
		List<Note> notes = jdbc.query("SELECT line_no, rule_id, note_text FROM received_note WHERE received_file_id = ? "
				+ "ORDER BY seq", (rs, i) -> new Note(rs.getInt(1), rs.getString(2), rs.getString(3)), id);
		return new ParsedSubmission(fileName, encoding, meta, formatId, cells, narrative, notes, metaLines);
	}

	static String encodeLines(Map<String, Integer> lines) {
		StringBuilder out = new StringBuilder();
		lines.forEach((code, line) -> out.append(out.length() == 0 ? "" : ",").append(code).append(':').append(line));
		return out.toString();
	}

	static Map<String, Integer> decodeLines(String encoded) {
		Map<String, Integer> lines = new LinkedHashMap<>();
		if (encoded != null && !encoded.isEmpty()) {
			for (String part : encoded.split(",")) {
				int colon = part.lastIndexOf(':');
				lines.put(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
			}
		}
		return lines;
	}


}
