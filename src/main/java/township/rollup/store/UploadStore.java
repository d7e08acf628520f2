package township.rollup.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Who sent a file through the portal: the file itself is received as every inbox file is
 * ({@link ReceivedFileStore}); this only says which person sent that name and content, from where and
 * when, so that a unit's versions can name their sender.
 */
@Repository
public class UploadStore {

	public record Upload(int year, String unitCode, String fileName, String originalName, String sha256,
			long sizeBytes, String username, String address, Instant receivedAt) {
	}

	private final JdbcTemplate jdbc;

	public UploadStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void add(Upload u) {
		jdbc.update("INSERT INTO portal_upload (report_year, unit_code, file_name, original_name, sha256, size_bytes, "
				+ "username, address, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", u.year(), u.unitCode(),
				u.fileName(), u.originalName().length() > 512 ? u.originalName().substring(0, 512) : u.originalName(),
				u.sha256(), u.sizeBytes(), u.username(), u.address(), Timestamp.from(u.receivedAt()));
	}

	/**
	 * A unit's uploads of a year by file name and SHA-256 ({@link #key}), oldest first: the same content
	 * may be sent more than once, each time a version of its own.
	 */
	public Map<String, List<Upload>> ofUnit(int year, String unitCode) {
		Map<String, List<Upload>> byFile = new HashMap<>();
		jdbc.query("SELECT * FROM portal_upload WHERE report_year = ? AND unit_code = ? ORDER BY id",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> add(byFile, rs), year, unitCode);
		return byFile;
	}

	/**
	 * Every upload of a year by file name and SHA-256 ({@link #key}), oldest first: the board names the
	 * sender of each unit's current version. The inbox name carries the unit's code, so one map serves
	 * every unit; its size is the year's uploads.
	 */
	public Map<String, List<Upload>> ofYear(int year) {
		Map<String, List<Upload>> byFile = new HashMap<>();
		jdbc.query("SELECT * FROM portal_upload WHERE report_year = ? ORDER BY id", (org.springframework.jdbc.core.RowCallbackHandler) rs -> add(byFile, rs), year);
		return byFile;
	}

	private static void add(Map<String, List<Upload>> byFile, java.sql.ResultSet rs) throws java.sql.SQLException {
		Upload u = new Upload(rs.getInt("report_year"), rs.getString("unit_code").strip(), rs.getString("file_name"),
				rs.getString("original_name"), rs.getString("sha256"), rs.getLong("size_bytes"),
				rs.getString("username"), rs.getString("address"), rs.getTimestamp("received_at").toInstant());
		byFile.computeIfAbsent(key(u.fileName(), u.sha256()), k -> new ArrayList<>()).add(u);
	}

	public static String key(String fileName, String sha256) {
		return fileName + "\u0000" + sha256;
	}

}
