package township.rollup.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import township.rollup.rules.Finding;
import township.rollup.rules.FindingCodec;
import township.rollup.submission.Cell;
import township.rollup.submission.CellKind;
import township.rollup.submission.Meta;
import township.rollup.submission.Note;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.Readings;
import township.rollup.submission.SourceFile;
import township.rollup.submission.TextLimits;

/**
 * Files as received. A file is stored once per year, name and content hash: its row holds what was
 * read from it and the findings of reading it (each as one encoded value), the numbers alone for
 * summing, and where its bytes are in the content packs. Rows written before the encoded values
 * existed are read from the older per-cell tables.
 */
@Repository
public class ReceivedFileStore {

	/** Rows per statement when a list of ids is looked up. */
	static final int IN_BATCH = 500;

	private final JdbcTemplate jdbc;

	private final FindingStore findings;

	private final ContentPacks packs;

	public ReceivedFileStore(JdbcTemplate jdbc, FindingStore findings, ContentPacks packs) {
		this.jdbc = jdbc;
		this.findings = findings;
		this.packs = packs;
	}

	/** A file of the current inbox, enough to attribute it to a unit. */
	public record InboxEntry(long id, String fileName, String sha256, String metaUnitCode, boolean readable) {
	}

	/** A stored file read back: what was read (absent if unreadable) and the findings of reading it. */
	public record StoredFile(long id, String fileName, String sha256, long sizeBytes, String encoding,
			Optional<ParsedSubmission> parsed, List<Finding> readFindings) {
	}

	/** A file received before: its row, and the fingerprint of the reader that read it (null: an old one). */
	public record Known(long id, String readerFingerprint) {
	}

	/** A file to store: what was read, its numbers in the format's order, its findings, where its bytes are. */
	public record NewFile(SourceFile file, String encoding, Optional<ParsedSubmission> parsed, String numbers,
			List<Finding> readFindings, String contentRef) {
	}

	private static String key(String fileName, String sha256) {
		return fileName + "\u0000" + sha256;
	}

	/**
	 * Every file received for a year, by name and hash: one query for a whole run. Small columns only, one
	 * entry per file received, bounded like the inbox scan the run holds anyway.
	 */
	public Map<String, Known> known(int year) {
		Map<String, Known> known = new HashMap<>();
		jdbc.query("SELECT id, file_name, sha256, reader_fingerprint FROM received_file WHERE report_year = ?", rs -> {
			known.put(key(rs.getString(2), rs.getString(3)), new Known(rs.getLong(1), rs.getString(4)));
		}, year);
		return known;
	}

	public static Optional<Known> lookup(Map<String, Known> known, String fileName, String sha256) {
		return Optional.ofNullable(known.get(key(fileName, sha256)));
	}

	/** How many files a job execution received (stored for the first time). */
	public int countReceivedBy(long jobExecutionId) {
		Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM received_file WHERE job_execution_id = ?",
				Integer.class, jobExecutionId);
		return count == null ? 0 : count;
	}

	public Optional<Known> find(int year, String fileName, String sha256) {
		return jdbc
			.query("SELECT id, reader_fingerprint FROM received_file WHERE report_year = ? AND file_name = ? "
					+ "AND sha256 = ?", (rs, i) -> new Known(rs.getLong(1), rs.getString(2)), year, fileName, sha256)
			.stream()
			.findFirst();
	}

	private static final String INSERT = "INSERT INTO received_file (report_year, file_name, sha256, size_bytes, "
			+ "readable, encoding, format_id, meta_unit_name, meta_unit_code, meta_year, meta_format, meta_lines, "
			+ "received_at, job_execution_id, last_seen_digest, reader_fingerprint, reading, numbers, read_findings, "
			+ "content_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** Stores new files in one batch. */
	public void insertAll(int year, List<NewFile> files, String readerFingerprint, Instant receivedAt,
			long jobExecutionId, String digest) {
		if (files.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(files.size());
		Timestamp at = Timestamp.from(receivedAt);
		for (NewFile f : files) {
			Meta meta = f.parsed().map(ParsedSubmission::meta).orElse(new Meta(null, null, null, null));
			rows.add(new Object[] { year, f.file().fileName(), f.file().sha256(), f.file().sizeBytes(),
					f.parsed().isPresent(), f.encoding(), f.parsed().map(ParsedSubmission::formatId).orElse(null),
					TextLimits.cut(meta.unitName(), 200), TextLimits.cut(meta.unitCode(), 200),
					TextLimits.cut(meta.year(), 200), TextLimits.cut(meta.format(), 200),
					f.parsed().map(p -> encodeLines(p.metaLines())).orElse(null), at, jobExecutionId, digest,
					readerFingerprint, f.parsed().map(Readings::encode).orElse(null), f.numbers(),
					FindingCodec.encode(f.readFindings()), f.contentRef() });
		}
		jdbc.batchUpdate(INSERT, rows);
	}

	/**
	 * Replaces what was read from a stored file by what this release's reader made of the same bytes,
	 * under the new reader's fingerprint.
	 */
	public void replaceRead(long id, String encoding, Optional<ParsedSubmission> parsed, String numbers,
			List<Finding> readFindings, String readerFingerprint) {
		jdbc.update("DELETE FROM received_cell WHERE received_file_id = ?", id);
		jdbc.update("DELETE FROM received_note WHERE received_file_id = ?", id);
		findings.deleteLegacyOfFile(id, FindingStore.Phase.READ);
		Meta meta = parsed.map(ParsedSubmission::meta).orElse(new Meta(null, null, null, null));
		jdbc.update("UPDATE received_file SET readable = ?, encoding = ?, format_id = ?, meta_unit_name = ?, "
				+ "meta_unit_code = ?, meta_year = ?, meta_format = ?, meta_lines = ?, reader_fingerprint = ?, "
				+ "reading = ?, numbers = ?, read_findings = ? WHERE id = ?", parsed.isPresent(), encoding,
				parsed.map(ParsedSubmission::formatId).orElse(null), TextLimits.cut(meta.unitName(), 200),
				TextLimits.cut(meta.unitCode(), 200), TextLimits.cut(meta.year(), 200),
				TextLimits.cut(meta.format(), 200), parsed.map(p -> encodeLines(p.metaLines())).orElse(null),
				readerFingerprint, parsed.map(Readings::encode).orElse(null), numbers,
				FindingCodec.encode(readFindings), id);
	}

	/** The bytes as received, for reading a stored file again; null when they were not kept. */
	public byte[] content(long id) {
		return jdbc.query("SELECT content_ref, content FROM received_file WHERE id = ?", rs -> {
			if (!rs.next()) {
				return null;
			}
			String ref = rs.getString(1);
			return ref != null ? packs.read(ref) : rs.getBytes(2);
		}, id);
	}

	/**
	 * The files of a year's inbox as the run's scan lists them, by name and hash, in the scan's order (small
	 * columns, one entry per file: bounded by the scan).
	 */
	public List<InboxEntry> inbox(int year, List<String[]> nameAndSha) {
		Map<String, InboxEntry> byKey = new HashMap<>();
		jdbc.query("SELECT id, file_name, sha256, meta_unit_code, readable FROM received_file WHERE report_year = ?",
				rs -> {
					InboxEntry e = new InboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getBoolean(5));
					byKey.put(key(e.fileName(), e.sha256()), e);
				}, year);
		List<InboxEntry> entries = new ArrayList<>(nameAndSha.size());
		for (String[] ns : nameAndSha) {
			InboxEntry e = byKey.get(key(ns[0], ns[1]));
			if (e != null) {
				entries.add(e);
			}
		}
		return entries;
	}

	private static final String SELECT = "SELECT id, file_name, sha256, size_bytes, readable, encoding, format_id, "
			+ "meta_unit_name, meta_unit_code, meta_year, meta_format, meta_lines, reading, read_findings "
			+ "FROM received_file ";

	public StoredFile load(long id) {
		Map<Long, StoredFile> one = loadAll(List.of(id));
		StoredFile file = one.get(id);
		if (file == null) {
			throw new IllegalStateException("no received file " + id);
		}
		return file;
	}

	/** Several stored files in a few queries. */
	public Map<Long, StoredFile> loadAll(Collection<Long> ids) {
		Map<Long, StoredFile> out = new LinkedHashMap<>();
		List<Long> list = List.copyOf(ids);
		for (int from = 0; from < list.size(); from += IN_BATCH) {
			List<Long> part = list.subList(from, Math.min(list.size(), from + IN_BATCH));
			String in = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
			jdbc.query(SELECT + "WHERE id IN (" + in + ")", rs -> {
				StoredFile file = map(rs);
				out.put(file.id(), file);
			}, part.toArray());
		}
		return out;
	}

	private StoredFile map(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		String reading = rs.getString("reading");
		String readFindings = rs.getString("read_findings");
		Optional<ParsedSubmission> parsed = Optional.empty();
		if (rs.getBoolean("readable")) {
			if (reading != null) {
				parsed = Optional.of(Readings.decode(reading));
			}
			else {
				Meta meta = new Meta(rs.getString("meta_unit_name"), rs.getString("meta_unit_code"),
						rs.getString("meta_year"), rs.getString("meta_format"));
				parsed = Optional.of(readBack(id, rs.getString("file_name"), rs.getString("encoding"), meta,
						rs.getString("format_id"), decodeLines(rs.getString("meta_lines"))));
			}
		}
		List<Finding> read = readFindings != null ? FindingCodec.decode(readFindings)
				: findings.legacyOfFile(id, FindingStore.Phase.READ);
		return new StoredFile(id, rs.getString("file_name"), rs.getString("sha256"), rs.getLong("size_bytes"),
				rs.getString("encoding"), parsed, read);
	}

	/** A row written before readings were encoded: its cells and notes from their own tables. */
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
