package township.rollup.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

import township.rollup.generate.Generator;
import township.rollup.i18n.Language;
import township.rollup.reportformat.ReportFormats;
import township.rollup.store.AccountStore.Role;
import township.rollup.store.ConsolidatedStore;
import township.rollup.support.DatabaseSnapshot;
import township.rollup.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Issue 17's concurrency case, on a real server and database (HSQLDB here; PostgreSQL in surefire's
 * postgresql execution): with the portal running, 20 townships send their files at once while the nightly
 * runs. Every upload is stored once with the verdict the generator built its file for (written down by the
 * generator as it made the file, never by the rules); the nightly's totals are those of the files it saw
 * (the office's inbox files, and the uploads recorded before it started), counted here from the files'
 * expected verdicts and the times the uploads were recorded; one more nightly includes all 20 with the
 * generator's own sums, and a further nightly changes nothing.
 *
 * <p>
 * The city: 30 townships in counties (the generator's, seed 17, a quarter of the files with errors); the
 * office put 10 files into the inbox, the other 20 are sent through the portal.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "rollup.home=target/portal-concurrency",
				"rollup.input-dir=target/portal-concurrency/input", "rollup.output-dir=target/portal-concurrency/output",
				"rollup.portal.year=2020", "server.address=127.0.0.1" })
@AutoConfigureMockMvc
class PortalConcurrencyFunctionalTests {

	static final Path HOME = Path.of("target/portal-concurrency");

	static final Path INPUT = HOME.resolve("input");

	/** The generated city, outside the inbox: the files the townships hold. */
	static final Path MADE = HOME.resolve("made");

	static final int SENDERS = 20;

	private static TestDatabase database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		synchronized (PortalConcurrencyFunctionalTests.class) {
			if (database == null) {
				database = TestDatabase.fresh(HOME.resolve("data"));
				// the registry must be in place before the portal reads it
				FileSystemUtils.deleteRecursively(MADE);
				FileSystemUtils.deleteRecursively(INPUT);
				new Generator(new Generator.Spec(30, 17, 0.25, 0.1, 0, false, "2019", List.of("utf8", "bom", "gbk"), 2020),
						ReportFormats.standard().get("2019"), MADE).generate();
				Files.createDirectories(INPUT.resolve("2020"));
				Files.copy(MADE.resolve("townships.csv"), INPUT.resolve("townships.csv"));
			}
		}
		database.springProperties().forEach((key, value) -> registry.add(key, () -> value));
	}

	@BeforeAll
	static void postgresWhenAsked() {
		TestDatabase.requirePostgres();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	PortalSettings settings;

	@Autowired
	PortalJobs jobs;

	@Autowired
	ConsolidatedStore consolidated;

	/** The generator's verdict of each township's file, by unit code (ACCEPTED or REJECTED). */
	static Map<String, String> expectedVerdicts() throws IOException {
		Map<String, String> verdicts = new TreeMap<>();
		List<String> lines = Files.readAllLines(MADE.resolve("expected/verdicts.csv"), StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",", -1);
			verdicts.put(f[0].replace("\uFEFF", ""), f[2]);
		}
		return verdicts;
	}

	/** The generator's own sums of the accepted files, of the root unit (its cells by code). */
	static Map<String, BigDecimal> expectedRootTotals(String root) throws IOException {
		Map<String, BigDecimal> totals = new TreeMap<>();
		List<String> lines = Files.readAllLines(MADE.resolve("expected/totals.csv"), StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			if (f[0].replace("\uFEFF", "").equals(root)) {
				totals.put(f[1], new BigDecimal(f[2]));
			}
		}
		return totals;
	}

	/** No run, no upload, no account, an empty inbox. */
	private void emptyYear() throws IOException {
		DatabaseSnapshot.clean(jdbc);
		jdbc.update("DELETE FROM portal_upload");
		jdbc.update("DELETE FROM portal_user");
		FileSystemUtils.deleteRecursively(INPUT.resolve("2020"));
		Files.createDirectories(INPUT.resolve("2020"));
	}

	static Path fileOf(String code) throws IOException {
		try (var files = Files.list(MADE.resolve("2020"))) {
			return files.filter(p -> p.getFileName().toString().startsWith(code + "_")).findFirst().orElseThrow();
		}
	}

	@Test
	void twentyUploadsDuringTheNightlyAreEachStoredOnceAndCountedByExactlyOneRun() throws Exception {
		emptyYear();
		Map<String, String> verdicts = expectedVerdicts();
		List<String> codes = new ArrayList<>(verdicts.keySet());
		assertThat(codes).hasSize(30);
		assertThat(verdicts.values()).contains("ACCEPTED", "REJECTED");
		List<String> office = codes.subList(0, 10);
		List<String> senders = codes.subList(10, 10 + SENDERS);
		for (String code : office) {
			Files.copy(fileOf(code), INPUT.resolve("2020").resolve(fileOf(code).getFileName()));
		}
		Map<String, PortalUser> users = new HashMap<>();
		for (String code : senders) {
			String name = "t" + code;
			accounts.add(settings.registry(), code, Role.TOWNSHIP, name, null, Language.ZH,
					"test");
			users.put(code, new PortalUser(name, name, new Scope(Role.TOWNSHIP, code), Language.ZH, false, false,
					false, null));
		}

		// the nightly and 20 uploads, all let go at once
		ExecutorService pool = Executors.newFixedThreadPool(SENDERS + 1);
		CountDownLatch go = new CountDownLatch(1);
		Future<Integer> nightly = pool.submit(() -> {
			go.await();
			return jobs.nightly(2020);
		});
		List<Future<Integer>> sent = new ArrayList<>();
		for (String code : senders) {
			byte[] bytes = Files.readAllBytes(fileOf(code));
			sent.add(pool.submit(() -> {
				go.await();
				return mvc.perform(multipart("/units/" + code + "/submissions")
					.file(new MockMultipartFile("file", code + ".csv", "text/csv", bytes))
					.with(user(users.get(code)))
					.with(csrf())).andReturn().getResponse().getStatus();
			}));
		}
		go.countDown();
		assertThat(nightly.get()).isZero();
		for (Future<Integer> f : sent) {
			assertThat(f.get()).isEqualTo(302);
		}
		pool.shutdown();

		// every upload stored once: one file received, one version, one upload row, the generator's verdict
		for (String code : senders) {
			String stored = jdbc.queryForObject("SELECT file_name FROM portal_upload WHERE unit_code = ?", String.class,
					code);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM received_file WHERE file_name = ?", Integer.class,
					stored)).as(code).isEqualTo(1);
			assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code = ?", String.class, code))
				.as(code)
				.containsExactly(verdicts.get(code));
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_upload", Integer.class)).isEqualTo(SENDERS);
		// recorded by the portal itself, under no run's id, whether before the nightly or after it
		assertThat(jdbc.queryForList("SELECT unit_code FROM submission WHERE job_execution_id = ?", String.class,
				township.rollup.batch.SentFileIngest.PORTAL)).containsExactlyInAnyOrderElementsOf(senders);

		// the nightly's totals: the office's 10 files, and the uploads recorded before it started (the one
		// lock lets an upload be recorded wholly before a run or wholly after it)
		Map<String, Object> run = jdbc.queryForMap("SELECT JOB_EXECUTION_ID, START_TIME FROM BATCH_JOB_EXECUTION "
				+ "WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)");
		long execution = ((Number) run.get("JOB_EXECUTION_ID")).longValue();
		java.time.Instant started = ((java.sql.Timestamp) run.get("START_TIME")).toInstant();
		List<String> seen = new ArrayList<>(office);
		for (String code : senders) {
			Timestamp at = jdbc.queryForObject("SELECT received_at FROM portal_upload WHERE unit_code = ?",
					Timestamp.class, code);
			if (at.toInstant().isBefore(started)) {
				seen.add(code);
			}
		}
		String root = settings.registry().consolidating().code();
		assertCounts(root, seen, verdicts);
		// what that run recorded: the office's files, and not one upload (the portal recorded those)
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM received_file WHERE job_execution_id = ?", Integer.class,
				execution)).isEqualTo(office.size());
		assertThat(jdbc.queryForList("SELECT unit_code FROM submission WHERE job_execution_id = ?", String.class,
				execution)).containsExactlyInAnyOrderElementsOf(office);

		// one more nightly includes all 30 with the generator's sums, recording no version again
		int versions = jdbc.queryForObject("SELECT COUNT(*) FROM submission", Integer.class);
		assertThat(jobs.nightly(2020)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission", Integer.class)).isEqualTo(versions)
			.isEqualTo(30);
		assertCounts(root, codes, verdicts);
		Map<String, BigDecimal> want = expectedRootTotals(root);
		Map<String, BigDecimal> got = new TreeMap<>(consolidated.cells(2020, root));
		assertThat(got.keySet()).isEqualTo(want.keySet());
		want.forEach((cell, value) -> assertThat(got.get(cell)).as(cell).isEqualByComparingTo(value));

		// and a further nightly changes nothing: no run started
		int runs = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class);
		assertThat(jobs.nightly(2020)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(runs);
	}

	@Autowired
	township.rollup.store.ReceivedFileStore receivedFiles;

	@Autowired
	township.rollup.store.SubmissionStore submissionStore;

	@Autowired
	township.rollup.store.FindingStore findingStore;

	@Autowired
	township.rollup.store.StatusStore statusStore;

	@Autowired
	township.rollup.store.YearStateStore years;

	@Autowired
	township.rollup.store.ContentPacks packs;

	@Autowired
	township.rollup.store.UploadStore uploads;

	@Autowired
	township.rollup.store.AuditStore audit;

	@Autowired
	township.rollup.ingest.SubmissionParser parser;

	@Autowired
	township.rollup.rules.FindingFactory readFindings;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager tx;

	@Autowired
	township.rollup.store.ExplanationStore explanationStore;

	@Test
	void anUploadThatFailsBeforeItsCommitLeavesNothingRecordedAndTheNextRunReceivesItsFile() throws Exception {
		emptyYear();
		String code = expectedVerdicts().keySet().iterator().next();
		// the same upload path with a fault where the unit's version is written, after the file's row
		township.rollup.batch.SentFileIngest failing = new township.rollup.batch.SentFileIngest(receivedFiles,
				submissionStore, consolidated, findingStore, statusStore, years, packs, parser, readFindings,
				ReportFormats.standard(), tx, java.time.Clock.systemUTC(),
				new township.rollup.batch.FaultPoints("", "assess.write", 1), explanationStore);
		Submissions sending = new Submissions(settings, jobs, uploads, audit, years, java.time.Clock.systemUTC(), failing,
				township.rollup.rules.RuleCatalogue.standard(), ReportFormats.standard());
		byte[] bytes = Files.readAllBytes(fileOf(code));
		PortalUser sender = new PortalUser("f" + code, "f" + code, new Scope(Role.TOWNSHIP, code), Language.ZH, false,
				false, false, null);
		var outcome = sending.send(sender, code, code + ".csv", bytes.length, () -> bytes, "127.0.0.1");
		assertThat(outcome).isInstanceOf(Submissions.Outcome.Received.class);
		assertThat(((Submissions.Outcome.Received) outcome).runExitCode())
			.isEqualTo(township.rollup.cli.ExitCodes.FAILED);
		// nothing of it recorded: no file row, no version, no line on the board, no upload row; the file is in the inbox
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM received_file", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM township_status", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_upload", Integer.class)).isZero();
		try (var inbox = Files.list(INPUT.resolve("2020"))) {
			assertThat(inbox.map(p -> p.getFileName().toString()).toList()).singleElement()
				.satisfies(name -> assertThat(name).startsWith(code + "_").endsWith("_portal.csv"));
		}
		// the next run receives it as an inbox file, with the generator's verdict
		assertThat(jobs.nightly(2020)).isZero();
		assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code = ?", String.class, code))
			.containsExactly(expectedVerdicts().get(code));
	}

	/**
	 * Files sent while the lock is held (a run, another upload) wait, and whoever takes the lock next
	 * receives all of them in one transaction; a second file of the same unit waits for the turn after;
	 * when the transaction of several fails, each is received on its own, so that only the failing file's
	 * sender hears of a failure. The failure is put in for one unit's file by the ingest itself.
	 */
	@Test
	void filesSentTogetherAreReceivedTogetherAndOneFailureIsOnlyItsOwn() throws Exception {
		emptyYear();
		Map<String, String> verdicts = expectedVerdicts();
		List<String> codes = new ArrayList<>(verdicts.keySet()).subList(0, 5);
		String failing = codes.get(2);
		String twice = codes.get(4);
		List<List<String>> batches = java.util.Collections.synchronizedList(new ArrayList<>());
		township.rollup.batch.SentFileIngest ingest = new township.rollup.batch.SentFileIngest(receivedFiles,
				submissionStore, consolidated, findingStore, statusStore, years, packs, parser, readFindings,
				ReportFormats.standard(), tx, java.time.Clock.systemUTC(),
				new township.rollup.batch.FaultPoints("", "", 1), explanationStore) {

			@Override
			public List<Result> receive(township.rollup.run.RunInputs inputs, List<Sent> sent) {
				batches.add(sent.stream().map(Sent::unitCode).toList());
				// the failing unit's upload row written, then a failure inside the transaction: the rows of
				// the units before it in the same transaction must go too
				return super.receive(inputs, sent.stream()
					.map(s -> !s.unitCode().equals(failing) ? s : new Sent(s.fileName(), s.unitCode(), () -> {
						s.alongside().run();
						throw new IllegalStateException("injected failure for " + failing);
					}))
					.toList());
			}

		};
		Submissions sending = new Submissions(settings, jobs, uploads, audit, years, java.time.Clock.systemUTC(), ingest,
				township.rollup.rules.RuleCatalogue.standard(), ReportFormats.standard());
		// the unit sending twice sends its file, then the file with other line endings (other bytes, same numbers)
		byte[] first = Files.readAllBytes(fileOf(twice));
		byte[] second = new String(first, StandardCharsets.UTF_8).contains("\r\n")
				? new String(first, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1)
				: new String(first, StandardCharsets.ISO_8859_1).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
		assertThat(second).isNotEqualTo(first);
		List<String> order = new ArrayList<>(codes);
		order.add(twice);
		ExecutorService pool = Executors.newFixedThreadPool(order.size());
		Map<Integer, Future<Submissions.Outcome>> outcomes = new TreeMap<>();
		Map<String, byte[]> files = new HashMap<>();
		for (String code : codes) {
			files.put(code, Files.readAllBytes(fileOf(code)));
		}
		jobs.exclusive(() -> {
			// the lock held, as by a run: each file is staged and waits, in the order sent
			for (int i = 0; i < order.size(); i++) {
				String code = order.get(i);
				byte[] bytes = i == order.size() - 1 ? second : files.get(code);
				PortalUser sender = new PortalUser("b" + code, "b" + code, new Scope(Role.TOWNSHIP, code), Language.ZH,
						false, false, false, null);
				outcomes.put(i, pool.submit(() -> sending.send(sender, code, code + ".csv", bytes.length, () -> bytes,
						"127.0.0.1")));
				int waiting = i + 1;
				long until = System.nanoTime() + 30_000_000_000L;
				while (sending.waitingCount() < waiting && System.nanoTime() < until) {
					Thread.onSpinWait();
				}
				assertThat(sending.waitingCount()).isEqualTo(waiting);
			}
			// waiting, not yet in the inbox: a run scanning now does not see them
			assertThat(township.rollup.ingest.Inbox.scan(INPUT.resolve("2020"), 1 << 20).entries()).isEmpty();
			return null;
		});
		for (Future<Submissions.Outcome> f : outcomes.values()) {
			assertThat(f.get()).isInstanceOf(Submissions.Outcome.Received.class);
		}
		pool.shutdown();

		// one transaction for the five units, failed by one; each again on its own; the unit's second file after
		List<String> together = codes;
		assertThat(batches.get(0)).containsExactlyElementsOf(together);
		assertThat(batches.subList(1, 6)).containsExactlyElementsOf(together.stream().map(List::of).toList());
		assertThat(batches.subList(6, batches.size())).containsExactly(List.of(twice));
		for (int i = 0; i < order.size(); i++) {
			int exit = ((Submissions.Outcome.Received) outcomes.get(i).get()).runExitCode();
			assertThat(exit).as(order.get(i)).isEqualTo(
					order.get(i).equals(failing) ? township.rollup.cli.ExitCodes.FAILED : township.rollup.cli.ExitCodes.OK);
		}
		// the failing file: nothing recorded, its file in the inbox for the next run; the others recorded
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_upload WHERE unit_code = ?", Integer.class, failing))
			.isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE unit_code = ?", Integer.class, failing))
			.isZero();
		for (String code : codes) {
			if (!code.equals(failing)) {
				assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code = ? AND superseded_at IS NULL",
						String.class, code)).as(code).containsExactly(verdicts.get(code));
			}
		}
		// the unit that sent twice: two versions, the second file's the current one
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE unit_code = ?", Integer.class, twice))
			.isEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT r.sha256 FROM submission s JOIN received_file r ON r.id = s.received_file_id "
				+ "WHERE s.unit_code = ? AND s.superseded_at IS NULL", String.class, twice))
			.isEqualTo(java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(second)));
		try (var inbox = Files.list(INPUT.resolve("2020"))) {
			assertThat(inbox.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(codes.size())
				.allSatisfy(name -> assertThat(name).endsWith("_portal.csv"))
				.noneMatch(name -> name.startsWith("."));
		}
		// and the next run receives the failing file as an inbox file, with the generator's verdict
		assertThat(jobs.nightly(2020)).isZero();
		assertThat(jdbc.queryForList("SELECT status FROM submission WHERE unit_code = ?", String.class, failing))
			.containsExactly(verdicts.get(failing));
	}


	/** The root's counts of the last run as the files' expected verdicts give them for the units it saw. */
	private void assertCounts(String root, List<String> seen, Map<String, String> verdicts) {
		int accepted = (int) seen.stream().filter(c -> verdicts.get(c).equals("ACCEPTED")).count();
		int rejected = seen.size() - accepted;
		Map<String, Object> report = jdbc.queryForMap("SELECT accepted_count, rejected_count, missing_count FROM "
				+ "consolidated_report WHERE report_year = 2020 AND unit_code = ?", root);
		assertThat(((Number) report.get("accepted_count")).intValue()).as("accepted").isEqualTo(accepted);
		assertThat(((Number) report.get("rejected_count")).intValue()).as("rejected").isEqualTo(rejected);
		assertThat(((Number) report.get("missing_count")).intValue()).as("missing").isEqualTo(verdicts.size() - seen.size());
	}

}
