package township.rollup.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import township.rollup.rules.Finding;
import township.rollup.rules.FindingCodec;

/**
 * Every unit of a year's board with what the people-facing pages need of it in one row: its line, the
 * file of its current version (name, hash, size, encoding, when it came), that file's numbers and every
 * finding that stands for it. Streamed in unit-code order, so that a nation's pages are written one unit
 * at a time instead of from a year held in memory.
 */
@Repository
public class UnitRecordStore {

	/**
	 * One unit. The file's fields are null for a unit with no current version (missing, or several files
	 * claiming it); {@code numbers} is the file's stored vector ({@code NumberVector}), null when it has
	 * none in this release's layout.
	 */
	public record UnitRecord(StatusStore.Line line, Long receivedFileId, Integer version, String fileName,
			String sha256, Long sizeBytes, String encoding, java.time.Instant receivedAt, java.time.Instant assessedAt,
			String formatId, String numbers, List<Finding> findings) {

		public boolean hasFile() {
			return receivedFileId != null;
		}

	}

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final FindingStore findings;

	public UnitRecordStore(JdbcTemplate jdbc, FindingStore findings) {
		this.jdbc = jdbc;
		this.findings = findings;
		this.streaming = new JdbcTemplate(jdbc.getDataSource());
		this.streaming.setFetchSize(200);
	}

	/** Every line of the year's board with its file and findings, one unit at a time, in unit-code order. */
	public void forEach(int year, Consumer<UnitRecord> sink) {
		Map<String, List<Finding>> inbox = inboxFindings(year);
		streaming.query("SELECT t.*, s.id AS s_id, s.version AS s_version, s.assessed_at AS s_assessed, "
				+ "s.findings AS s_findings, f.id AS f_id, f.file_name AS f_name, f.sha256 AS f_sha, "
				+ "f.size_bytes AS f_size, f.encoding AS f_encoding, f.received_at AS f_received, "
				+ "f.format_id AS f_format, f.numbers AS f_numbers, f.read_findings AS f_findings "
				+ "FROM township_status t LEFT JOIN submission s ON s.id = t.submission_id "
				+ "LEFT JOIN received_file f ON f.id = s.received_file_id WHERE t.report_year = ? ORDER BY t.unit_code",
				rs -> {
					String code = rs.getString("unit_code").strip();
					StatusStore.Line line = new StatusStore.Line(rs.getInt("report_year"), code, rs.getString("unit_name"),
							StatusStore.Status.valueOf(rs.getString("status")), rs.getString("reason"),
							(Long) rs.getObject("submission_id", Long.class), rs.getInt("error_count"),
							rs.getInt("warning_count"), rs.getInt("open_warning_count"),
							rs.getString("parent_code") == null ? null : rs.getString("parent_code").strip(),
							rs.getString("kind"), rs.getString("source"), rs.getInt("children_count"),
							rs.getInt("complete_count"));
					boolean conflict = "CONFLICT".equals(line.reason());
					Long fileId = (Long) rs.getObject("f_id", Long.class);
					List<Finding> all = new ArrayList<>();
					// a conflict's current version is not what the unit stands on: the files in conflict are
					if (fileId != null && !conflict) {
						String read = rs.getString("f_findings");
						String assessed = rs.getString("s_findings");
						all.addAll(read != null ? FindingCodec.decode(read)
								: findings.legacyOfFile(fileId, FindingStore.Phase.READ));
						all.addAll(assessed != null ? FindingCodec.decode(assessed)
								: findings.legacyOfSubmission(rs.getLong("s_id")));
					}
					all.addAll(inbox.getOrDefault(code, List.of()));
					if (conflict) {
						sink.accept(new UnitRecord(line, null, null, null, null, null, null, null, null, null, null, all));
						return;
					}
					java.sql.Timestamp received = rs.getTimestamp("f_received");
					java.sql.Timestamp assessedAt = rs.getTimestamp("s_assessed");
					sink.accept(new UnitRecord(line, fileId, (Integer) rs.getObject("s_version", Integer.class),
							rs.getString("f_name"), rs.getString("f_sha"), (Long) rs.getObject("f_size", Long.class),
							rs.getString("f_encoding"), received == null ? null : received.toInstant(),
							assessedAt == null ? null : assessedAt.toInstant(), rs.getString("f_format"),
							rs.getString("f_numbers"), all));
				}, year);
	}

	/** What the inbox last assessed says about units (several files for one, a county's own file beside its units'). */
	private Map<String, List<Finding>> inboxFindings(int year) {
		Map<String, List<Finding>> byUnit = new HashMap<>();
		jdbc.query("SELECT i.unit_code, i.findings FROM inbox_finding i JOIN report_year_state y "
				+ "ON y.report_year = i.report_year AND y.inbox_digest = i.inbox_digest "
				+ "WHERE i.report_year = ? AND i.unit_code IS NOT NULL ORDER BY i.id", rs -> {
					byUnit.computeIfAbsent(rs.getString(1).strip(), k -> new ArrayList<>())
						.addAll(FindingCodec.decode(rs.getString(2)));
				}, year);
		return byUnit;
	}

}
