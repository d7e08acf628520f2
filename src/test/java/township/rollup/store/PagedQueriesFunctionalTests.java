package township.rollup.store;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import township.rollup.rules.Finding;
import township.rollup.rules.FindingCodec;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;
import township.rollup.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query that walks a year reads it in pages ({@link Keyset}): whatever the page size, the pages
 * join up into the whole year, in order, with nothing skipped or repeated, at page edges (a page that
 * ends on the last row, one row more, one row less) and where rows share their leading key (several inbox
 * findings about one unit or one file). The expected rows are the ones this test inserts, each finding
 * marked with a message of its own; run on HSQLDB and, as a *FunctionalTests, again on PostgreSQL.
 */
class PagedQueriesFunctionalTests {

	static final int YEAR = 2020;

	/** Units on the board: ACCEPTED with a version (one of them in CONFLICT), one REJECTED, two MISSING. */
	static final int ACCEPTED = 7;

	/** A unit whose current version does not stand: its files are in conflict. */
	static final String CONFLICT = "410381006000";

	static final List<Integer> PAGE_SIZES = List.of(1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 1000);

	@TempDir
	static Path dir;

	static TestDatabase database;

	/** Markers of the findings inserted, by owner: every one must come out once. */
	static final TreeMap<String, List<String>> unitFindings = new TreeMap<>();

	static final List<String> inboxOfUnits = new ArrayList<>();

	static final List<String> inboxOfFiles = new ArrayList<>();

	/** What reading each file found, by the file's number. */
	static final java.util.Map<Integer, List<String>> strayReadings = new java.util.HashMap<>();

	/** The findings about files of no unit as they stand: what reading each found, then the inbox's. */
	static final List<String> ofFiles = new ArrayList<>();

	static final List<String> boardCodes = new ArrayList<>();

	static final List<String> acceptedCodes = new ArrayList<>();

	@BeforeAll
	static void year() {
		TestDatabase.requirePostgres();
		database = TestDatabase.fresh(dir.resolve("data"));
		database.query(jdbc -> {
			Flyway.configure()
				.dataSource(jdbc.getDataSource())
				.locations("classpath:db/migration/" + (TestDatabase.postgres() ? "postgresql" : "hsqldb"))
				.load()
				.migrate();
			String digest = "d".repeat(64);
			jdbc.update("INSERT INTO report_year_state (report_year, inbox_digest, state, changed_at) VALUES (?, ?, ?, ?)",
					YEAR, digest, "OPEN", Timestamp.from(Instant.EPOCH));
			// inserted out of code order, so that the order comes from the query
			int[] order = { 5, 0, 9, 3, 7, 1, 8, 2, 6, 4 };
			for (int n : order) {
				String code = "4103810" + String.format("%02d", n) + "000";
				boardCodes.add(code);
				String status = n < ACCEPTED ? "ACCEPTED" : n == 7 ? "REJECTED" : "MISSING";
				String reason = n == 6 ? "CONFLICT" : null;
				Long submission = null;
				if (n <= 7) {
					long file = file(jdbc, code, n);
					submission = submission(jdbc, code, file, status, n);
					if (n < ACCEPTED && reason == null) {
						acceptedCodes.add(code);
					}
				}
				jdbc.update("INSERT INTO consolidated_report (report_year, unit_code, unit_name, format_id, accepted_count, "
						+ "rejected_count, missing_count, basis_sha256, created_at, job_execution_id, numbers) "
						+ "VALUES (?, ?, ?, '2019', 0, 0, 0, ?, ?, 1, ?)", YEAR, code, "单位" + n, "f".repeat(64),
						Timestamp.from(Instant.EPOCH), "sums of " + code);
				jdbc.update("INSERT INTO township_status (report_year, unit_code, unit_name, status, reason, submission_id, "
						+ "error_count, warning_count, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)", YEAR, code,
						"单位" + n, status, reason, submission, Timestamp.from(Instant.EPOCH));
			}
			// several inbox findings about one unit (equal unit codes; two of them about the same file too),
			// and about files of no unit (two with the same name)
			String unit = "410381003000";
			long other = file(jdbc, "410381099000", 99);
			inboxOfUnits.add(inbox(jdbc, digest, unit, null, "OVERLAP"));
			inboxOfUnits.add(inbox(jdbc, digest, unit, other, "CONFLICT"));
			inboxOfUnits.add(inbox(jdbc, digest, unit, other, "CONFLICT"));
			inboxOfUnits.add(inbox(jdbc, digest, "410381008000", other, "OVERLAP"));
			inboxOfFiles.add(inbox(jdbc, digest, null, null, "UNATTRIBUTED"));
			ofFiles.add(inboxOfFiles.get(0));
			for (int n : new int[] { 98, 97 }) {
				long stray = file(jdbc, "000000000000", n, "同名.csv");
				inboxOfFiles.add(inbox(jdbc, digest, null, stray, "UNATTRIBUTED"));
				ofFiles.addAll(strayReadings.get(n));
				ofFiles.add(inboxOfFiles.get(inboxOfFiles.size() - 1));
			}
			// and one of an inbox no longer current, which stands for nothing
			jdbc.update("INSERT INTO inbox_finding (report_year, inbox_digest, received_file_id, unit_code, kind, "
					+ "findings) VALUES (?, ?, NULL, ?, 'OVERLAP', ?)", YEAR, "e".repeat(64), unit,
					FindingCodec.encode(List.of(finding("stale"))));
			return null;
		});
		boardCodes.sort(null);
		acceptedCodes.sort(null);
	}

	static long file(JdbcTemplate jdbc, String code, int n) {
		return file(jdbc, code, n, code + "_" + n + "_2020.csv");
	}

	static long file(JdbcTemplate jdbc, String code, int n, String name) {
		List<String> read = new ArrayList<>();
		for (int i = 0; i < n % 3 + 1; i++) {
			read.add(code + "/" + n + "/read/" + i);
		}
		unitFindings.computeIfAbsent(code, k -> new ArrayList<>()).addAll(read);
		strayReadings.put(n, read);
		jdbc.update("INSERT INTO received_file (report_year, file_name, sha256, size_bytes, readable, format_id, "
				+ "received_at, job_execution_id, last_seen_digest, numbers, read_findings) "
				+ "VALUES (?, ?, ?, 1, TRUE, '2019', ?, 1, ?, ?, ?)", YEAR, name, String.format("%064d", n),
				Timestamp.from(Instant.EPOCH), "b".repeat(64), "numbers of " + code, encode(read));
		return jdbc.queryForObject("SELECT MAX(id) FROM received_file", Long.class);
	}

	static long submission(JdbcTemplate jdbc, String code, long file, String status, int n) {
		List<String> assessed = new ArrayList<>();
		for (int i = 0; i < n % 2 + 1; i++) {
			assessed.add(code + "/assess/" + i);
		}
		unitFindings.get(code).addAll(assessed);
		jdbc.update("INSERT INTO submission (report_year, unit_code, version, received_file_id, format_id, status, "
				+ "error_count, warning_count, context_fingerprint, created_at, assessed_at, job_execution_id, findings) "
				+ "VALUES (?, ?, 1, ?, '2019', ?, 0, 0, ?, ?, ?, 1, ?)", YEAR, code, file, status, "c".repeat(64),
				Timestamp.from(Instant.EPOCH), Timestamp.from(Instant.EPOCH), encode(assessed));
		return jdbc.queryForObject("SELECT MAX(id) FROM submission", Long.class);
	}

	static String inbox(JdbcTemplate jdbc, String digest, String unit, Long file, String kind) {
		String marker = "inbox/" + jdbc.queryForObject("SELECT COUNT(*) FROM inbox_finding", Integer.class);
		jdbc.update("INSERT INTO inbox_finding (report_year, inbox_digest, received_file_id, unit_code, kind, findings) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", YEAR, digest, file, unit, kind, encode(List.of(marker)));
		return marker;
	}

	static String encode(List<String> markers) {
		return FindingCodec.encode(markers.stream().map(PagedQueriesFunctionalTests::finding).toList());
	}

	static Finding finding(String marker) {
		return new Finding("TEST", Severity.WARNING, Where.file("f.csv"), null, null, null, marker, marker);
	}

	/** Rows of the most inbox findings about one unit (the range read of a page's units returns them all). */
	static final int MOST_ABOUT_ONE_UNIT = 3;

	/**
	 * The most rows any one query returned through a JdbcTemplate: what a walk holds in memory at once is
	 * bounded by it, and it must be bounded by the page, however large the year.
	 */
	static final class Widest {

		int rows;

		JdbcTemplate over(JdbcTemplate jdbc) {
			return new JdbcTemplate(wrap(javax.sql.DataSource.class, jdbc.getDataSource()));
		}

		private <T> T wrap(Class<T> type, Object target) {
			return type.cast(java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type },
					(proxy, method, args) -> {
						Object result;
						try {
							result = method.invoke(target, args);
						}
						catch (java.lang.reflect.InvocationTargetException ex) {
							throw ex.getCause();
						}
						if (result instanceof java.sql.Connection c && type == javax.sql.DataSource.class) {
							return wrap(java.sql.Connection.class, c);
						}
						if (result instanceof java.sql.PreparedStatement ps && type == java.sql.Connection.class) {
							return wrap(java.sql.PreparedStatement.class, ps);
						}
						if (result instanceof java.sql.ResultSet rs && type == java.sql.PreparedStatement.class) {
							return counted(rs);
						}
						return result;
					}));
		}

		private java.sql.ResultSet counted(java.sql.ResultSet target) {
			int[] seen = { 0 };
			return (java.sql.ResultSet) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { java.sql.ResultSet.class }, (proxy, method, args) -> {
						Object result;
						try {
							result = method.invoke(target, args);
						}
						catch (java.lang.reflect.InvocationTargetException ex) {
							throw ex.getCause();
						}
						if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
							rows = Math.max(rows, ++seen[0]);
						}
						return result;
					});
		}

	}

	@Test
	void standingFindingsComeOnceEachInUnitOrderThenTheInbox() {
		// expected: the accepted and rejected units' findings in code order (a conflict's version stands
		// for nothing here), then the inbox's about units by unit, then about files of no unit
		List<String> expected = new ArrayList<>();
		unitFindings.forEach((code, markers) -> {
			if (boardCodes.contains(code) && !code.equals(CONFLICT)) {
				expected.addAll(markers);
			}
		});
		List<String> ofUnits = new ArrayList<>(inboxOfUnits);
		expected.addAll(ofUnits);
		expected.addAll(ofFiles);
		for (int pageSize : PAGE_SIZES) {
			Widest widest = new Widest();
			List<String> seen = database.query(jdbc -> {
				FindingStore store = new FindingStore(widest.over(jdbc));
				store.pageSize(pageSize);
				List<String> out = new ArrayList<>();
				store.forEachStanding(YEAR, o -> out.add(o.finding().messageZh()));
				return out;
			});
			assertThat(seen).as("page size " + pageSize).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
			assertThat(widest.rows).as("rows of one query, page size " + pageSize).isLessThanOrEqualTo(pageSize);
			// the units' part in code order, exactly
			int units = expected.size() - ofUnits.size() - ofFiles.size();
			assertThat(seen.subList(0, units)).as("page size " + pageSize)
				.containsExactlyElementsOf(expected.subList(0, units));
			// the inbox's about units before those about files of no unit; a file's readings with it
			assertThat(seen.subList(units, units + ofUnits.size())).as("page size " + pageSize)
				.containsExactlyInAnyOrderElementsOf(ofUnits);
			assertThat(seen.subList(units + ofUnits.size(), seen.size())).as("page size " + pageSize)
				.containsExactlyInAnyOrderElementsOf(ofFiles);
		}
	}

	@Test
	void unitRecordsComeOnceEachWithTheirOwnFindingsAndInbox() {
		for (int pageSize : PAGE_SIZES) {
			Widest widest = new Widest();
			List<UnitRecordStore.UnitRecord> records = database.query(jdbc -> {
				UnitRecordStore store = new UnitRecordStore(widest.over(jdbc), new FindingStore(jdbc), new ExplanationStore(jdbc));
				store.pageSize(pageSize);
				List<UnitRecordStore.UnitRecord> out = new ArrayList<>();
				store.forEach(YEAR, out::add);
				return out;
			});
			assertThat(records.stream().map(r -> r.line().unitCode()).toList()).as("page size " + pageSize)
				.containsExactlyElementsOf(boardCodes);
			assertThat(widest.rows).as("rows of one query, page size " + pageSize)
				.isLessThanOrEqualTo(Math.max(pageSize, MOST_ABOUT_ONE_UNIT));
			for (UnitRecordStore.UnitRecord r : records) {
				String code = r.line().unitCode();
				List<String> expected = new ArrayList<>();
				if (!code.equals(CONFLICT)) {
					expected.addAll(unitFindings.getOrDefault(code, List.of()));
				}
				if (code.equals("410381003000")) {
					expected.addAll(inboxOfUnits.subList(0, 3));
				}
				if (code.equals("410381008000")) {
					expected.add(inboxOfUnits.get(3));
				}
				assertThat(r.findings().stream().map(Finding::messageZh).toList()).as(code + ", page size " + pageSize)
					.containsExactlyInAnyOrderElementsOf(expected);
				if (r.hasFile()) {
					assertThat(r.numbers()).isEqualTo("numbers of " + code);
				}
			}
		}
	}

	@Test
	void acceptedVersionsComeOnceEachInCodeOrderWithTheirNumbers() {
		for (int pageSize : PAGE_SIZES) {
			Widest widest = new Widest();
			List<SubmissionStore.Summed> summed = database.query(jdbc -> {
				SubmissionStore store = new SubmissionStore(widest.over(jdbc), new FindingStore(jdbc));
				store.pageSize(pageSize);
				List<SubmissionStore.Summed> out = new ArrayList<>();
				store.forEachAccepted(YEAR, out::add);
				return out;
			});
			assertThat(summed.stream().map(SubmissionStore.Summed::unitCode).toList()).as("page size " + pageSize)
				.containsExactlyElementsOf(acceptedCodes);
			assertThat(widest.rows).as("rows of one query, page size " + pageSize).isLessThanOrEqualTo(pageSize);
			summed.forEach(s -> assertThat(s.numbers()).isEqualTo("numbers of " + s.unitCode()));
		}
	}

	@Test
	void consolidatedReportsComeOnceEachInCodeOrderWithTheirNumbers() {
		for (int pageSize : PAGE_SIZES) {
			Widest widest = new Widest();
			List<ConsolidatedStore.Stored> reports = database.query(jdbc -> {
				ConsolidatedStore store = new ConsolidatedStore(widest.over(jdbc));
				store.pageSize(pageSize);
				List<ConsolidatedStore.Stored> out = new ArrayList<>();
				store.forEach(YEAR, out::add);
				return out;
			});
			assertThat(reports.stream().map(r -> r.report().unitCode().strip()).toList()).as("page size " + pageSize)
				.containsExactlyElementsOf(boardCodes);
			assertThat(widest.rows).as("rows of one query, page size " + pageSize).isLessThanOrEqualTo(pageSize);
			reports.forEach(r -> assertThat(r.numbers()).isEqualTo("sums of " + r.report().unitCode().strip()));
		}
	}

	@Test
	void theBoardComesOnceEachInCodeOrder() {
		for (int pageSize : PAGE_SIZES) {
			Widest widest = new Widest();
			List<List<String>> boards = database.query(jdbc -> {
				StatusStore store = new StatusStore(widest.over(jdbc));
				store.pageSize(pageSize);
				return List.of(store.board(YEAR).stream().map(l -> l.unitCode().strip()).toList(),
						store.boardWithFiles(YEAR).stream().map(f -> f.line().unitCode().strip()).toList());
			});
			assertThat(boards.get(0)).as("board, page size " + pageSize).containsExactlyElementsOf(boardCodes);
			assertThat(boards.get(1)).as("board with files, page size " + pageSize).containsExactlyElementsOf(boardCodes);
			assertThat(widest.rows).as("rows of one query, page size " + pageSize).isLessThanOrEqualTo(pageSize);
		}
	}

}
