package township.rollup.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Explanations (审核说明) written in the portal for one version of a unit's file, each with who wrote it
 * and when. The assessment applies them beside the file's own NOTE lines ({@code SubmissionAssessor}), so
 * they are kept by version: a re-read or re-assessment of the version keeps them, a new version has none.
 * Append-only: a second text for a rule is a row of its own, and the newest is the one in force.
 */
@Repository
public class ExplanationStore {

	/** One explanation written in the portal. */
	public record Added(long submissionId, String ruleId, String text, String username, Instant at) {
	}

	private final JdbcTemplate jdbc;

	public ExplanationStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void add(int year, String unitCode, Added a) {
		jdbc.update("INSERT INTO portal_explanation (report_year, unit_code, submission_id, rule_id, text, username, "
				+ "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", year, unitCode, a.submissionId(), a.ruleId(), a.text(),
				a.username(), Timestamp.from(a.at()));
	}

	/** The explanations in force for a version: the newest per rule, in the order they were written. */
	public List<Added> ofVersion(long submissionId) {
		return ofVersions(List.of(submissionId)).getOrDefault(submissionId, List.of());
	}

	/** {@link #ofVersion} for many versions at once (the assess step's block of units). */
	public Map<Long, List<Added>> ofVersions(Collection<Long> submissionIds) {
		Map<Long, Map<String, Added>> byVersion = new HashMap<>();
		List<Long> ids = new ArrayList<>(submissionIds);
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
			String in = String.join(",", part.stream().map(x -> "?").toList());
			jdbc.query("SELECT submission_id, rule_id, text, username, created_at FROM portal_explanation "
					+ "WHERE submission_id IN (" + in + ") ORDER BY id", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
						Added a = map(rs);
						// the newest text of a rule replaces the older one, and takes its place at the end
						Map<String, Added> rules = byVersion.computeIfAbsent(a.submissionId(), k -> new java.util.LinkedHashMap<>());
						rules.remove(a.ruleId());
						rules.put(a.ruleId(), a);
					}, part.toArray());
		}
		Map<Long, List<Added>> out = new HashMap<>();
		byVersion.forEach((id, rules) -> out.put(id, List.copyOf(rules.values())));
		return out;
	}

	/**
	 * What the year's portal explanations are, as a digest's part: a run on the same files after an
	 * explanation was written is not "nothing changed". Rows are only ever added, so their count and the
	 * last id say it.
	 */
	public String fingerprint(int year) {
		return jdbc.queryForObject("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM portal_explanation WHERE report_year = ?",
				(rs, i) -> rs.getLong(1) + ":" + rs.getLong(2), year);
	}

	private static Added map(ResultSet rs) throws SQLException {
		return new Added(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant());
	}

}
