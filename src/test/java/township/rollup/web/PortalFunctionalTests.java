package township.rollup.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import township.rollup.board.BoardLine;
import township.rollup.board.UnitStatus;
import township.rollup.i18n.Language;
import township.rollup.store.AccountStore.Role;
import township.rollup.store.AuditStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.UnitRecordStore;
import township.rollup.support.DatabaseSnapshot;
import township.rollup.support.TestDatabase;
import township.rollup.support.XlsxFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The portal on a real server and a real database (HSQLDB here; PostgreSQL in surefire's postgresql
 * execution): who may reach what (the access matrix, every route a row), the security headers and cookies,
 * the session id at sign-in, sign-in throttling, the upload limit, and a file sent becoming the unit's
 * version with the verdict the rules give it, counted by the nightly like an inbox file.
 *
 * <p>
 * The registry is a prefecture with two counties: 测试市 (甲镇, 乙镇, 丙街道, 丁乡) and 邻县 (邻镇); the files
 * are the job fixtures' (甲镇 consistent, 丙街道 breaking T3-TOT in two columns).
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "rollup.home=target/portal-tests",
				"rollup.input-dir=target/portal-tests/input", "rollup.output-dir=target/portal-tests/output",
				"rollup.portal.year=2020", "server.address=127.0.0.1" })
@AutoConfigureMockMvc
class PortalFunctionalTests {

	static final Path HOME = Path.of("target/portal-tests");

	static final Path INPUT = HOME.resolve("input");

	static final Path FIXTURE = Path.of("src/test/resources/fixtures/jobs/city-a/2020");

	static final String PREFECTURE = "419900000000";

	static final String CITY = "410999000000";

	static final String JIA = "410999101000";

	static final String YI = "410999102000";

	static final String BING = "410999103000";

	static final String DING = "410999104000";

	static final String NEIGHBOUR = "410998000000";

	static final String NEIGHBOUR_TOWN = "410998101000";

	static final String REGISTRY = """
			code,name,kind,parent,code_source
			419900000000,测试地区,地级市,,fixture
			410999000000,测试市,县级市,419900000000,fixture
			410999101000,甲镇,镇,410999000000,fixture
			410999102000,乙镇,镇,410999000000,fixture
			410999103000,丙街道,街道,410999000000,fixture
			410999104000,丁乡,乡,410999000000,fixture
			410998000000,邻县,县,419900000000,fixture
			410998101000,邻镇,镇,410998000000,fixture
			""";

	private static TestDatabase database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		synchronized (PortalFunctionalTests.class) {
			if (database == null) {
				database = TestDatabase.fresh(HOME.resolve("data"));
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
	UnitPage page;

	@Autowired
	Submissions submissions;

	@Autowired
	UnitRecordStore records;

	@Autowired
	SubmissionStore versions;

	@Autowired
	AuditStore audit;

	@Autowired
	RequestMappingHandlerMapping mappings;

	@Autowired
	BoardPage board;

	@Autowired
	AuditPage auditPage;

	@Autowired
	NightlyNow nightlyNow;

	/** A nightly started by a test (the admin's row of the matrix) ends before the next test cleans up. */
	@org.junit.jupiter.api.AfterEach
	void noRunLeftBehind() throws InterruptedException {
		assertThat(nightlyNow.awaitIdle(Duration.ofMinutes(2))).isTrue();
	}

	@Autowired
	PortalExplanations explanations;

	@LocalServerPort
	int port;

	/** Who asks, in the matrix's columns. */
	enum Who {

		OWN, SIBLING, PARENT_OFFICE, OTHER_OFFICE, ADMIN, ANONYMOUS, NO_CSRF

	}

	static final Map<Who, PortalUser> USERS = new EnumMap<>(Who.class);

	static {
		USERS.put(Who.OWN, person("jia", Role.TOWNSHIP, JIA));
		USERS.put(Who.SIBLING, person("yi", Role.TOWNSHIP, YI));
		USERS.put(Who.PARENT_OFFICE, person("city", Role.OFFICE, CITY));
		USERS.put(Who.OTHER_OFFICE, person("neighbour", Role.OFFICE, NEIGHBOUR));
		USERS.put(Who.ADMIN, person("root", Role.ADMIN, PREFECTURE));
		USERS.put(Who.NO_CSRF, USERS.get(Who.OWN));
	}

	static PortalUser person(String username, Role role, String unit) {
		return new PortalUser(username, username, new Scope(role, unit), Language.ZH, false, false, false, null);
	}

	@BeforeEach
	void freshInstallation() throws IOException {
		DatabaseSnapshot.clean(jdbc);
		// accounts, uploads and audit rows of earlier tests: the audit table refuses deletes, so each test
		// uses user names of its own where it counts audit rows
		jdbc.update("DELETE FROM portal_upload");
		jdbc.update("DELETE FROM portal_user");
		FileSystemUtils.deleteRecursively(HOME.resolve("output"));
		FileSystemUtils.deleteRecursively(INPUT);
		Files.createDirectories(INPUT.resolve("2020"));
		Files.writeString(INPUT.resolve("townships.csv"), REGISTRY, StandardCharsets.UTF_8);
		for (Who who : List.of(Who.OWN, Who.SIBLING, Who.PARENT_OFFICE, Who.OTHER_OFFICE, Who.ADMIN)) {
			PortalUser u = USERS.get(who);
			accounts.add(settings.registry(), u.scope().unitCode(), u.scope().role(), u.username(), null, Language.ZH,
					"test");
		}
	}

	static byte[] fixture(String name) throws IOException {
		try (var files = Files.list(FIXTURE)) {
			Path file = files.filter(p -> p.getFileName().toString().startsWith(name)).findFirst().orElseThrow();
			return Files.readAllBytes(file);
		}
	}

	// ---- the access matrix ------------------------------------------------------------------------------

	/** What a request is answered with: a status, and for a redirect where to. */
	record Expect(int status, String location) {

		static Expect ok() {
			return new Expect(200, null);
		}

		static Expect status(int status) {
			return new Expect(status, null);
		}

		static Expect to(String location) {
			return new Expect(302, location);
		}

		static final Expect SIGN_IN = to("/login");

		@Override
		public String toString() {
			return location == null ? String.valueOf(status) : status + " → " + location;
		}

	}

	/** A route of the portal, as the handler mappings name it, with the request that exercises it. */
	record Route(String method, String pattern, java.util.function.Supplier<AbstractMockHttpServletRequestBuilder<?>> request) {

		String key() {
			return method + " " + pattern;
		}

	}

	static MockMultipartFile upload(byte[] bytes, String name) {
		return new MockMultipartFile("file", name, "text/csv", bytes);
	}

	/**
	 * Every route with its expected answer for each kind of person, written by hand. The own township is
	 * 甲镇; its siblings and the other county's office must not learn that its page exists (404); the
	 * parent office and the admin see it but never send for it (403); without a CSRF token a change is
	 * refused (403) before anything else; anonymous requests go to the sign-in page.
	 */
	Map<Route, Map<Who, Expect>> matrix() throws IOException {
		byte[] jia = fixture("410999101000");
		// a name of its own: the throttle counts failures per name from the audit log, which is never emptied
		String nobody = "nobody-" + System.nanoTime();
		Map<Route, Map<Who, Expect>> m = new LinkedHashMap<>();
		m.put(new Route("GET", "/", () -> get("/")),
				row(Expect.to("/units/" + JIA), Expect.to("/units/" + YI), Expect.to("/units/" + CITY),
						Expect.to("/units/" + NEIGHBOUR), Expect.to("/units/" + PREFECTURE), Expect.SIGN_IN,
						Expect.to("/units/" + JIA)));
		m.put(new Route("GET", "/login", () -> get("/login")),
				row(Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok()));
		m.put(new Route("POST", "/login",
				() -> post("/login").param("username", nobody).param("password", "wrong-password-1")),
				row(Expect.to("/login?error"), Expect.to("/login?error"), Expect.to("/login?error"),
						Expect.to("/login?error"), Expect.to("/login?error"), Expect.to("/login?error"),
						Expect.status(403)));
		m.put(new Route("POST", "/logout", () -> post("/logout")),
				row(Expect.to("/login?out"), Expect.to("/login?out"), Expect.to("/login?out"), Expect.to("/login?out"),
						Expect.to("/login?out"), Expect.to("/login?out"), Expect.status(403)));
		m.put(new Route("GET", "/password", () -> get("/password")),
				row(Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok(), Expect.SIGN_IN, Expect.ok()));
		m.put(new Route("POST", "/password",
				() -> post("/password").param("current", "not-the-password").param("next", "a-new-password-1")
					.param("repeat", "a-new-password-1")),
				row(Expect.to("/password"), Expect.to("/password"), Expect.to("/password"), Expect.to("/password"),
						Expect.to("/password"), Expect.SIGN_IN, Expect.status(403)));
		m.put(new Route("GET", "/units/{code}", () -> get("/units/" + JIA)),
				row(Expect.ok(), Expect.status(404), Expect.ok(), Expect.status(404), Expect.ok(), Expect.SIGN_IN,
						Expect.ok()));
		m.put(new Route("POST", "/units/{code}/submissions",
				() -> multipart("/units/" + JIA + "/submissions").file(upload(jia, "jia.csv"))),
				row(Expect.to("/units/" + JIA), Expect.status(404), Expect.status(403), Expect.status(404),
						Expect.status(403), Expect.SIGN_IN, Expect.status(403)));
		// explanations are the own township's: a refusal or a save is a redirect back to its page
		m.put(new Route("POST", "/units/{code}/explanations",
				() -> post("/units/" + JIA + "/explanations").param("rule", "T2-TOWN-REG").param("text", "已核实")),
				row(Expect.to("/units/" + JIA), Expect.status(404), Expect.status(403), Expect.status(404),
						Expect.status(403), Expect.SIGN_IN, Expect.status(403)));
		m.put(new Route("POST", "/units/{code}/explanations/copy", () -> post("/units/" + JIA + "/explanations/copy")),
				row(Expect.to("/units/" + JIA), Expect.status(404), Expect.status(403), Expect.status(404),
						Expect.status(403), Expect.SIGN_IN, Expect.status(403)));
		m.put(new Route("GET", "/units/{code}/template.csv", () -> get("/units/" + JIA + "/template.csv")),
				row(Expect.ok(), Expect.status(404), Expect.ok(), Expect.status(404), Expect.ok(), Expect.SIGN_IN,
						Expect.ok()));
		m.put(new Route("GET", "/units/{code}/template.xlsx", () -> get("/units/" + JIA + "/template.xlsx")),
				row(Expect.ok(), Expect.status(404), Expect.ok(), Expect.status(404), Expect.ok(), Expect.SIGN_IN,
						Expect.ok()));
		// the board is an office's and the admin's: a township has none (403; no unit code in it to hide)
		m.put(new Route("GET", "/board", () -> get("/board")),
				row(Expect.status(403), Expect.status(403), Expect.ok(), Expect.ok(), Expect.ok(), Expect.SIGN_IN,
						Expect.status(403)));
		// the audit log is the admin's alone
		m.put(new Route("GET", "/audit", () -> get("/audit")),
				row(Expect.status(403), Expect.status(403), Expect.status(403), Expect.status(403), Expect.ok(),
						Expect.SIGN_IN, Expect.status(403)));
		// the published files (publishedByHand, before the nightly row, whose run publishes the year again):
		// the whole registry's for the root's office and the admin, a level's report for the offices that see it
		m.put(new Route("GET", "/reports/report.html", () -> {
			publishedByHand();
			return get("/reports/report.html");
		}),
				row(Expect.status(403), Expect.status(403), Expect.status(403), Expect.status(403), Expect.ok(),
						Expect.SIGN_IN, Expect.status(403)));
		m.put(new Route("GET", "/reports/workbook.xlsx", () -> {
			publishedByHand();
			return get("/reports/workbook.xlsx");
		}),
				row(Expect.status(403), Expect.status(403), Expect.status(403), Expect.status(403), Expect.ok(),
						Expect.SIGN_IN, Expect.status(403)));
		m.put(new Route("GET", "/units/{code}/report.csv", () -> {
			publishedByHand();
			return get("/units/" + CITY + "/report.csv");
		}),
				row(Expect.status(403), Expect.status(403), Expect.ok(), Expect.status(404), Expect.ok(), Expect.SIGN_IN,
						Expect.status(403)));
		// the office's acts (OfficeController). 甲镇 has its v1 by now (the submissions row above): its parent
		// office returns it (302 to its page); the admin then finds it returned already (302 back to the form,
		// with the refusal); a township never returns, not even its own (403)
		m.put(new Route("GET", "/units/{code}/returns", () -> get("/units/" + JIA + "/returns")),
				row(Expect.status(403), Expect.status(404), Expect.ok(), Expect.status(404), Expect.ok(), Expect.SIGN_IN,
						Expect.status(403)));
		m.put(new Route("POST", "/units/{code}/returns",
				() -> post("/units/" + JIA + "/returns").param("comment", "第3行合计有误，请核实")),
				row(Expect.status(403), Expect.status(404), Expect.to("/units/" + JIA), Expect.status(404),
						Expect.to("/units/" + JIA + "/returns"), Expect.SIGN_IN, Expect.status(403)));
		// the whole registry's nightly: the root's office (none in this matrix; OfficeFunctionalTests) and
		// the admin; 测试市's office is a level below the root (403)
		m.put(new Route("POST", "/nightly", () -> post("/nightly")),
				row(Expect.status(403), Expect.status(403), Expect.status(403), Expect.status(403), Expect.to("/board"),
						Expect.SIGN_IN, Expect.status(403)));
		// the year is not final: the admin is told so on the board; everyone else may not reopen
		m.put(new Route("POST", "/reopen", () -> post("/reopen").param("reason", "更正甲镇的数字")),
				row(Expect.status(403), Expect.status(403), Expect.status(403), Expect.status(403), Expect.to("/board"),
						Expect.SIGN_IN, Expect.status(403)));
		m.put(new Route("GET", "/portal.css", () -> get("/portal.css")),
				row(Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok()));
		m.put(new Route("GET", "/portal.svg", () -> get("/portal.svg")),
				row(Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok(), Expect.ok()));
		// the error page itself, asked for directly: it renders (with the status it has none of, 500),
		// to anyone, and never says more than that something went wrong
		m.put(new Route("*", "/error", () -> get("/error")),
				row(Expect.status(500), Expect.status(500), Expect.status(500), Expect.status(500), Expect.status(500),
						Expect.status(500), Expect.status(500)));
		return m;
	}

	/**
	 * The files a run publishes, under the names it gives them (written out by hand), just before a request
	 * for one: the submissions row's ingest publishes the year and removes the files it did not write.
	 */
	static void publishedByHand() {
		try {
			Path published = HOME.resolve("output/2020");
			Files.createDirectories(published);
			Files.writeString(published.resolve("report.html"), "<!DOCTYPE html><title>report</title>");
			Files.write(published.resolve("419900000000_测试地区_2020.xlsx"), new byte[] { 'P', 'K', 3, 4 });
			Files.writeString(published.resolve("410999000000_测试市_2020.csv"), "单位名称,测试市\n");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static Map<Who, Expect> row(Expect own, Expect sibling, Expect parentOffice, Expect otherOffice, Expect admin,
			Expect anonymous, Expect noCsrf) {
		Map<Who, Expect> row = new EnumMap<>(Who.class);
		row.put(Who.OWN, own);
		row.put(Who.SIBLING, sibling);
		row.put(Who.PARENT_OFFICE, parentOffice);
		row.put(Who.OTHER_OFFICE, otherOffice);
		row.put(Who.ADMIN, admin);
		row.put(Who.ANONYMOUS, anonymous);
		row.put(Who.NO_CSRF, noCsrf);
		return row;
	}

	@Test
	void everyRouteAnswersEachKindOfPersonAsWrittenByHand() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (var entry : matrix().entrySet()) {
			Route route = entry.getKey();
			for (var cell : entry.getValue().entrySet()) {
				Who who = cell.getKey();
				AbstractMockHttpServletRequestBuilder<?> request = route.request().get();
				if (who != Who.ANONYMOUS) {
					request.with(user(USERS.get(who)));
				}
				if (who != Who.NO_CSRF) {
					request.with(csrf());
				}
				MvcResult result = mvc.perform(request).andReturn();
				Expect actual = new Expect(result.getResponse().getStatus(),
						result.getResponse().getStatus() == 302 ? result.getResponse().getRedirectedUrl() : null);
				if (!actual.equals(cell.getValue())) {
					wrong.add(route.key() + " as " + who + ": expected " + cell.getValue() + ", got " + actual);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** A route added to the portal without a row in the matrix fails here. */
	@Test
	void everyRouteOfThePortalHasARowInTheMatrix() throws Exception {
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.add("*");
			}
			for (String pattern : info.getPatternValues()) {
				methods.forEach(method -> mapped.add(method + " " + pattern));
			}
		}
		Set<String> inMatrix = new TreeSet<>();
		matrix().keySet().forEach(r -> inMatrix.add(r.key()));
		assertThat(inMatrix).containsAll(mapped);
		// the routes Spring Security answers itself (not handler mappings) are in it too
		assertThat(inMatrix).contains("POST /login", "POST /logout");
	}

	/** A code in a URL is never trusted: the services check the scope again where they read and write. */
	@Test
	void theServicesCheckTheScopeAgainWhereTheyReadAndWrite() throws IOException {
		byte[] jia = fixture("410999101000");
		assertThatThrownBy(() -> page.model(USERS.get(Who.SIBLING), JIA)).isInstanceOf(ResponseStatusException.class);
		assertThatThrownBy(() -> page.model(USERS.get(Who.OTHER_OFFICE), JIA))
			.isInstanceOf(ResponseStatusException.class);
		assertThatThrownBy(() -> submissions.send(USERS.get(Who.SIBLING), JIA, "jia.csv", jia.length, () -> jia, "test"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(
				() -> submissions.send(USERS.get(Who.PARENT_OFFICE), JIA, "jia.csv", jia.length, () -> jia, "test"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> submissions.send(USERS.get(Who.ADMIN), JIA, "jia.csv", jia.length, () -> jia, "test"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(INPUT.resolve("2020")).isEmptyDirectory();
	}

	// ---- sending files --------------------------------------------------------------------------------

	@Test
	void aFileSentIsTheUnitsVersionWithTheVerdictOfTheRulesAndTheNightlyCountsIt() throws Exception {
		PortalUser jia = USERS.get(Who.OWN);
		mvc.perform(multipart("/units/" + JIA + "/submissions").file(upload(fixture("410999101000"), "甲镇报表.csv"))
			.with(user(jia))
			.with(csrf())).andReturn();
		// written into the inbox under the unit's own name, and received like any inbox file
		assertThat(INPUT.resolve("2020/410999101000_甲镇_2020_portal.csv")).exists();
		BoardLine line = records.one(2020, JIA).orElseThrow().line();
		assertThat(line.status()).isEqualTo(UnitStatus.ACCEPTED);
		assertThat(line.errorCount()).isZero();
		String html = mvc.perform(get("/units/" + JIA).with(user(jia))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// the verdict's words as the catalogue has them (they are being renamed elsewhere: 退回 becomes the office's act)
		township.rollup.i18n.Messages zh = township.rollup.i18n.Messages.of(Language.ZH);
		assertThat(html).contains(zh.get(township.rollup.assessment.Verdict.ACCEPTED.key())).contains("网上报送：jia")
			.contains("v1（当前）");

		// 丙街道 breaks T3-TOT in two columns: rejected with those two errors, shown on its page
		PortalUser bing = person("bing", Role.TOWNSHIP, BING);
		accounts.add(settings.registry(), BING, Role.TOWNSHIP, "bing", null, Language.ZH, "test");
		mvc.perform(multipart("/units/" + BING + "/submissions").file(upload(fixture("410999103000"), "b.csv"))
			.with(user(bing))
			.with(csrf())).andReturn();
		var bingRecord = records.one(2020, BING).orElseThrow();
		assertThat(bingRecord.line().status()).isEqualTo(UnitStatus.REJECTED);
		assertThat(bingRecord.findings().stream().filter(f -> f.ruleId().equals("T3-TOT")).count()).isEqualTo(2);
		String bingPage = mvc.perform(get("/units/" + BING).with(user(bing))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(bingPage).contains("T3-TOT").contains(zh.get(township.rollup.assessment.Verdict.REJECTED.key()));

		// a newer file is the next version: the same numbers saved again as UTF-8 with a BOM (the fixture is GBK)
		byte[] again = ("\uFEFF" + new String(fixture("410999101000"), java.nio.charset.Charset.forName("GBK")))
			.getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/units/" + JIA + "/submissions").file(upload(again, "甲镇报表.csv"))
			.with(user(jia))
			.with(csrf())).andReturn();
		assertThat(versions.history(2020, JIA)).extracting(SubmissionStore.Version::version).containsExactly(1, 2);
		assertThat(records.one(2020, JIA).orElseThrow().line().status()).isEqualTo(UnitStatus.ACCEPTED);

		// the nightly counts the uploads as inbox files: 甲镇 summed, 丙街道 not; a second nightly changes nothing
		assertThat(jobs.nightly(2020)).isZero();
		Integer accepted = jdbc.queryForObject(
				"SELECT accepted_count FROM consolidated_report WHERE report_year = 2020 AND unit_code = ?",
				Integer.class, CITY);
		assertThat(accepted).isEqualTo(1);
		Integer runs = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class);
		assertThat(jobs.nightly(2020)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(runs);
	}

	@Test
	void aFileForAnotherUnitAWrongKindAndAZipBombAreFindingsNeverAServerError() throws Exception {
		PortalUser ding = person("ding", Role.TOWNSHIP, DING);
		accounts.add(settings.registry(), DING, Role.TOWNSHIP, "ding", null, Language.ZH, "test");
		// 甲镇's file sent by 丁乡: 丁乡's file, rejected because its content says 甲镇; 甲镇 gets nothing
		MvcResult sent = mvc.perform(multipart("/units/" + DING + "/submissions")
			.file(upload(fixture("410999101000"), "x.csv"))
			.with(user(ding))
			.with(csrf())).andReturn();
		assertThat(sent.getResponse().getStatus()).isEqualTo(302);
		var dingRecord = records.one(2020, DING).orElseThrow();
		assertThat(dingRecord.line().status()).isEqualTo(UnitStatus.REJECTED);
		assertThat(dingRecord.findings()).anyMatch(f -> f.ruleId().equals("FILE-NAME-MISMATCH"));
		assertThat(versions.history(2020, JIA)).isEmpty();

		// a PDF: refused before the inbox, with the inbox's own finding text
		MvcResult pdf = mvc.perform(multipart("/units/" + DING + "/submissions")
			.file(new MockMultipartFile("file", "盖章件.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)))
			.with(user(ding))
			.with(csrf())).andReturn();
		assertThat(pdf.getResponse().getStatus()).isEqualTo(302);
		assertThat((String) pdf.getFlashMap().get("refused")).contains("盖章件.pdf").contains("不是报表");
		assertThat(INPUT.resolve("2020/盖章件.pdf")).doesNotExist();

		// a workbook that inflates to 20 MiB: the reader's bounds refuse it, as for an inbox file
		byte[] template = XlsxFixtures.template("2019", "丁乡", DING, 2020);
		byte[] bomb = XlsxFixtures.rezip(template, "xl/media/padding.bin", b -> new byte[20 * 1024 * 1024]);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		MvcResult bombed = mvc.perform(multipart("/units/" + DING + "/submissions")
			.file(new MockMultipartFile("file", "丁乡.xlsx", "application/octet-stream", bomb))
			.with(user(ding))
			.with(csrf())).andReturn();
		assertThat(bombed.getResponse().getStatus()).isEqualTo(302);
		var afterBomb = records.one(2020, DING).orElseThrow();
		assertThat(afterBomb.line().status()).isEqualTo(UnitStatus.REJECTED);
		assertThat(afterBomb.findings()).anyMatch(f -> f.ruleId().equals("FILE-XLSX"));
		// the workbook replaced the CSV file: one portal file per unit, never two in conflict
		assertThat(INPUT.resolve("2020/410999104000_丁乡_2020_portal.csv")).doesNotExist();
		assertThat(INPUT.resolve("2020/410999104000_丁乡_2020_portal.xlsx")).exists();
	}

	// ---- explanations in the page ----------------------------------------------------------------------

	/** 甲镇's file with 2 规章 reported (a town reports none): one warning of T2-TOWN-REG, nothing else. */
	static byte[] jiaWithRegulations() throws IOException {
		String text = new String(fixture("410999101000"), java.nio.charset.Charset.forName("GBK"));
		assertThat(text).contains("T2.i1.reg,规章,0,0,0");
		return text.replace("T2.i1.reg,规章,0,0,0", "T2.i1.reg,规章,0,0,2").getBytes(StandardCharsets.UTF_8);
	}

	MvcResult explain(PortalUser who, String rule, String text) throws Exception {
		return mvc.perform(post("/units/" + JIA + "/explanations").param("rule", rule).param("text", text)
			.with(user(who))
			.with(csrf())).andReturn();
	}

	@Test
	void aWarningExplainedInThePageCountsAsANoteLineAndANewVersionStartsWithItsOwn() throws Exception {
		// a name of its own: the audit log, counted below, is never emptied
		String name = "jia-explains-" + System.nanoTime();
		PortalUser jia = person(name, Role.TOWNSHIP, JIA);
		accounts.add(settings.registry(), JIA, Role.TOWNSHIP, name, null, Language.ZH, "test");
		mvc.perform(multipart("/units/" + JIA + "/submissions").file(upload(jiaWithRegulations(), "甲镇.csv"))
			.with(user(jia))
			.with(csrf())).andReturn();
		BoardLine before = records.one(2020, JIA).orElseThrow().line();
		assertThat(before.status()).isEqualTo(UnitStatus.ACCEPTED);
		assertThat(List.of(before.errorCount(), before.warningCount(), before.openWarningCount()))
			.containsExactly(0, 1, 1);
		String numbers = jdbc.queryForObject("SELECT f.numbers FROM submission s JOIN received_file f "
				+ "ON f.id = s.received_file_id WHERE s.unit_code = ?", String.class, JIA);
		// one text box, for the one rule with an open warning
		String form = section(page("/units/" + JIA, jia), "explain");
		assertThat(form).contains("name=\"rule\" value=\"T2-TOWN-REG\"").contains("T2-TOWN-REG（1 条警告）的说明")
			.contains("name=\"_csrf\"");

		// refused, each with its message, and nothing stored: an empty text, one too long, a rule that did not
		// warn, and the office (which never explains for a unit)
		assertThat(explain(jia, "T2-TOWN-REG", "  \n ").getFlashMap().get("refused"))
			.isEqualTo("请先填写 T2-TOWN-REG 的说明。");
		assertThat(explain(jia, "T2-TOWN-REG", "说".repeat(1001)).getFlashMap().get("refused"))
			.isEqualTo("说明最多 1000 个字，且不能含控制字符。");
		assertThat(explain(jia, "T3-TOT", "不是警告").getFlashMap().get("refused"))
			.isEqualTo("规则 T3-TOT 在当前版本中没有待说明的警告。");
		assertThat(explain(USERS.get(Who.PARENT_OFFICE), "T2-TOWN-REG", "代为说明").getResponse().getStatus())
			.isEqualTo(403);
		assertThatThrownBy(() -> explanations.explain(USERS.get(Who.PARENT_OFFICE), JIA, "T2-TOWN-REG", "代为说明", "test"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> explanations.explain(USERS.get(Who.SIBLING), JIA, "T2-TOWN-REG", "代为说明", "test"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_explanation", Integer.class)).isZero();

		// explained: the open-warning count moves, the numbers and the version do not
		String text = "县里转发的<b>规章</b>\n计入了对外公开总数量，已核实。";
		MvcResult saved = explain(jia, "T2-TOWN-REG", text);
		assertThat(saved.getFlashMap().get("received")).isEqualTo("已保存 T2-TOWN-REG 的说明，并已重新审核，结果见下。");
		var after = records.one(2020, JIA).orElseThrow();
		assertThat(List.of(after.line().errorCount(), after.line().warningCount(), after.line().openWarningCount()))
			.containsExactly(0, 1, 0);
		assertThat(after.line().status()).isEqualTo(UnitStatus.ACCEPTED);
		String stored = "县里转发的<b>规章</b> 计入了对外公开总数量，已核实。";
		assertThat(after.findings()).filteredOn(f -> f.ruleId().equals("T2-TOWN-REG"))
			.extracting(township.rollup.rules.Finding::explanation)
			.containsExactly(stored);
		assertThat(versions.history(2020, JIA)).hasSize(1);
		assertThat(versions.current(2020, JIA).orElseThrow().openWarningCount()).isZero();
		assertThat(jdbc.queryForObject("SELECT f.numbers FROM submission s JOIN received_file f "
				+ "ON f.id = s.received_file_id WHERE s.unit_code = ?", String.class, JIA)).isEqualTo(numbers);
		assertThat(audit.count(name, AuditStore.Kind.EXPLAINED, Instant.EPOCH)).isEqualTo(1);
		// shown with who and when, as text: the markup typed is not markup on the page; no box is left
		String shown = section(page("/units/" + JIA, jia), "explain");
		assertThat(shown).contains("县里转发的&lt;b&gt;规章&lt;/b&gt; 计入了对外公开总数量").doesNotContain("<b>")
			.contains("网上填写：" + name + "，").doesNotContain("name=\"rule\"");
		// the office sees the explanation, and no box
		assertThat(section(page("/units/" + JIA, USERS.get(Who.PARENT_OFFICE)), "explain")).contains("网上填写：" + name + "，")
			.doesNotContain("<textarea");

		// the nightly sees the same count, and a reassessment (a changed setting) keeps the explanation
		assertThat(jobs.nightly(2020)).isZero();
		assertThat(records.one(2020, JIA).orElseThrow().line().openWarningCount()).isZero();
		java.time.Instant assessed = versions.current(2020, JIA).orElseThrow().assessedAt();
		Files.createDirectories(INPUT.resolve("settings"));
		Files.writeString(INPUT.resolve("settings/2020.csv"), "key,value,reason\nrule.X-JUMP.ratio,3,测试\n",
				StandardCharsets.UTF_8);
		assertThat(jobs.nightly(2020)).isZero();
		SubmissionStore.Version reassessed = versions.current(2020, JIA).orElseThrow();
		assertThat(reassessed.assessedAt()).isAfter(assessed);
		assertThat(List.of(reassessed.warningCount(), reassessed.openWarningCount())).containsExactly(1, 0);
		assertThat(records.one(2020, JIA).orElseThrow().line().openWarningCount()).isZero();

		// the city switches the rule off: assessed again, the explanation written in the portal explains
		// nothing, and says so as a NOTE line would (NOTE-UNUSED, open, with a box to explain it)
		Files.writeString(INPUT.resolve("settings/2020.csv"),
				"key,value,reason\nrule.X-JUMP.ratio,3,测试\nrule.T2-TOWN-REG.enabled,false,测试\n", StandardCharsets.UTF_8);
		assertThat(jobs.nightly(2020)).isZero();
		var switchedOff = records.one(2020, JIA).orElseThrow();
		assertThat(switchedOff.findings()).extracting(township.rollup.rules.Finding::ruleId).contains("NOTE-UNUSED")
			.doesNotContain("T2-TOWN-REG");
		assertThat(List.of(switchedOff.line().warningCount(), switchedOff.line().openWarningCount())).containsExactly(1, 1);
		String unusedPage = page("/units/" + JIA, jia);
		assertThat(section(unusedPage, "to-fix")).contains("网上填写的审核说明针对规则 T2-TOWN-REG，但本报表没有该规则的警告。");
		assertThat(section(unusedPage, "explain")).contains("name=\"rule\" value=\"NOTE-UNUSED\"");
		// switched on again: explained as before
		Files.writeString(INPUT.resolve("settings/2020.csv"), "key,value,reason\nrule.X-JUMP.ratio,3,测试\n",
				StandardCharsets.UTF_8);
		assertThat(jobs.nightly(2020)).isZero();
		assertThat(List.of(records.one(2020, JIA).orElseThrow().line().warningCount(),
				records.one(2020, JIA).orElseThrow().line().openWarningCount())).containsExactly(1, 0);

		// a new version starts with the explanations it carries itself: none, so the warning is open again
		byte[] again = ("\uFEFF" + new String(jiaWithRegulations(), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/units/" + JIA + "/submissions").file(upload(again, "甲镇.csv"))
			.with(user(jia))
			.with(csrf())).andReturn();
		assertThat(versions.history(2020, JIA)).extracting(SubmissionStore.Version::version).containsExactly(1, 2);
		assertThat(records.one(2020, JIA).orElseThrow().line().openWarningCount()).isEqualTo(1);
		// the page offers to copy v1's; copied, the warning is explained with v1's text, by the person who copied
		String offer = section(page("/units/" + JIA, jia), "explain");
		assertThat(offer).contains("复制 v1 的说明").contains("/units/" + JIA + "/explanations/copy");
		MvcResult copied = mvc.perform(post("/units/" + JIA + "/explanations/copy").with(user(jia)).with(csrf()))
			.andReturn();
		assertThat(copied.getFlashMap().get("received")).isEqualTo("已复制 v1 的 1 条说明，并已重新审核，结果见下。");
		var v2 = records.one(2020, JIA).orElseThrow();
		assertThat(v2.line().openWarningCount()).isZero();
		assertThat(v2.findings()).filteredOn(f -> f.ruleId().equals("T2-TOWN-REG"))
			.extracting(township.rollup.rules.Finding::explanation)
			.containsExactly(stored);
		assertThat(audit.count(name, AuditStore.Kind.EXPLAINED, Instant.EPOCH)).isEqualTo(2);
		// nothing left to copy
		MvcResult none = mvc.perform(post("/units/" + JIA + "/explanations/copy").with(user(jia)).with(csrf()))
			.andReturn();
		assertThat(none.getFlashMap().get("refused")).isEqualTo("上一版本没有可用于当前警告的说明。");
	}

	@Test
	void aWarningOfReadingExplainedInThePageIsShownExplainedWhereTheFileKeepsIt() throws Exception {
		// 甲镇's file with Table 3's first row labelled the old way: ROW-LABEL warns while the file is read
		String text = new String(fixture("410999101000"), java.nio.charset.Charset.forName("GBK"));
		assertThat(text).contains("T3.r1,一、本年新收政府信息公开申请数量,");
		byte[] shifted = text.replace("T3.r1,一、本年新收政府信息公开申请数量,", "T3.r1,一、本年新收申请数量,")
			.getBytes(StandardCharsets.UTF_8);
		String name = "jia-reading-" + System.nanoTime();
		PortalUser jia = person(name, Role.TOWNSHIP, JIA);
		accounts.add(settings.registry(), JIA, Role.TOWNSHIP, name, null, Language.ZH, "test");
		mvc.perform(multipart("/units/" + JIA + "/submissions").file(upload(shifted, "甲镇.csv"))
			.with(user(jia))
			.with(csrf())).andReturn();
		assertThat(records.one(2020, JIA).orElseThrow().line().openWarningCount()).isEqualTo(1);

		explain(jia, "ROW-LABEL", "本镇沿用旧表，行名称已核对。");

		var after = records.one(2020, JIA).orElseThrow();
		assertThat(List.of(after.line().warningCount(), after.line().openWarningCount())).containsExactly(1, 0);
		assertThat(after.findings()).filteredOn(f -> f.ruleId().equals("ROW-LABEL"))
			.extracting(township.rollup.rules.Finding::explanation)
			.containsExactly("本镇沿用旧表，行名称已核对。");
		assertThat(section(page("/units/" + JIA, jia), "explain")).doesNotContain("<textarea");
	}

	// ---- the board and the audit log ------------------------------------------------------------------

	String page(String path, PortalUser who) throws Exception {
		MvcResult result = mvc.perform(get(path).with(user(who))).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The HTML of the section {@code id} of a page, up to the section's end. */
	static String section(String html, String id) {
		int start = html.indexOf("<section id=\"" + id + "\"");
		assertThat(start).as("section %s", id).isNotNegative();
		return html.substring(start, html.indexOf("</section>", start));
	}

	/** The unit names of a board's table, in the order its rows show them. */
	static List<String> unitsInOrder(String table) {
		List<String> names = new ArrayList<>();
		Matcher m = Pattern.compile("<a href=\"/units/\\d{12}\">([^<]*)</a>").matcher(table);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	@Test
	void afterTheDeadlineUnitsWithoutAFileAreLateOnTheBoardsAndTheirPages() throws Exception {
		// a deadline long past, in the office's time zone (the JVM's here)
		Files.createDirectories(INPUT.resolve("settings"));
		Files.writeString(INPUT.resolve("settings/2020.csv"), "key,value,reason\ndeadline,2021-01-31 18:00,测试\n",
				StandardCharsets.UTF_8);
		PortalUser jia = person("jia-late", Role.TOWNSHIP, JIA);
		accounts.add(settings.registry(), JIA, Role.TOWNSHIP, "jia-late", null, Language.ZH, "test");
		mvc.perform(multipart("/units/" + JIA + "/submissions").file(upload(jiaWithRegulations(), "甲镇.csv"))
			.with(user(jia))
			.with(csrf())).andReturn();
		PortalUser bing = person("bing-late", Role.TOWNSHIP, BING);
		accounts.add(settings.registry(), BING, Role.TOWNSHIP, "bing-late", null, Language.ZH, "test");
		mvc.perform(multipart("/units/" + BING + "/submissions").file(upload(fixture("410999103000"), "b.csv"))
			.with(user(bing))
			.with(csrf())).andReturn();

		// rejected first, then the two that sent nothing (late, by code), then the open warning
		String level = section(page("/board", USERS.get(Who.PARENT_OFFICE)), "level-" + CITY);
		assertThat(unitsInOrder(level)).containsExactly("丙街道", "乙镇", "丁乡", "甲镇");
		assertThat(level).contains("未通过审核 1 个，逾期未报送 2 个，有未说明警告 1 个").contains("已过截止时间，请立即报送")
			.doesNotContain("请尽快报送");
		// the pages say the deadline, and who is late: 乙镇 sent nothing, 甲镇 has an accepted file
		String yi = page("/units/" + YI, USERS.get(Who.PARENT_OFFICE));
		assertThat(yi).contains("截止时间：2021-01-31 18:00:00").contains("已逾期：截止时间已过，本单位还没有被采纳的报表。");
		String own = page("/units/" + JIA, jia);
		assertThat(own).contains("截止时间：2021-01-31 18:00:00").contains("未逾期。").doesNotContain("已逾期");
		// report.html's board says the same
		assertThat(jobs.nightly(2020)).isZero();
		String report = Files.readString(HOME.resolve("output/2020/report.html"), StandardCharsets.UTF_8);
		assertThat(report).contains("逾期未报送").contains("已过截止时间，请立即报送");
	}

	@Test
	void theOfficesBoardShowsItsSubtreeActionFirstWithWhoSentWhat() throws Exception {
		// 乙镇's file put into the inbox by the office; 甲镇 and 丙街道 send theirs through the portal
		Files.write(INPUT.resolve("2020/410999102000_乙镇_2020.csv"), fixture("410999102000"));
		// an inbox file is a run's to receive (an upload receives the file sent, nothing else)
		assertThat(jobs.nightly(2020)).isZero();
		mvc.perform(multipart("/units/" + JIA + "/submissions").file(upload(fixture("410999101000"), "甲镇报表.csv"))
			.with(user(USERS.get(Who.OWN)))
			.with(csrf())).andReturn();
		PortalUser bing = person("bing-board", Role.TOWNSHIP, BING);
		accounts.add(settings.registry(), BING, Role.TOWNSHIP, "bing-board", null, Language.ZH, "test");
		mvc.perform(multipart("/units/" + BING + "/submissions").file(upload(fixture("410999103000"), "b.csv"))
			.with(user(bing))
			.with(csrf())).andReturn();

		String city = page("/board", USERS.get(Who.PARENT_OFFICE));
		String level = section(city, "level-" + CITY);
		// rejected first, then the unit that sent nothing, then the accepted ones by code
		assertThat(unitsInOrder(level)).containsExactly("丙街道", "丁乡", "甲镇", "乙镇");
		assertThat(level).contains("测试市：下级单位 4 个").contains("未通过审核 1 个，未报送 1 个，已采纳 2 个");
		// the same words as report.html: the state with its numbers, and what has to happen
		assertThat(level).contains("未通过审核（错误 2 个）").contains("按反馈页逐项更正后重新报送").contains("请尽快报送");
		// who sent what: the person for an upload, the inbox for the office's file
		assertThat(level).contains("网上报送：jia，").contains("网上报送：bing-board，").contains("收件目录（汇总单位收取）")
			.contains("410999101000_甲镇_2020_portal.csv").contains("410999102000_乙镇_2020.csv");
		assertThat(level).contains("<a href=\"/units/" + BING + "\">丙街道</a>");
		// the office sees its own subtree only: not the other county
		assertThat(city).doesNotContain("邻镇").doesNotContain("level-" + NEIGHBOUR);
		assertThat(city).doesNotContain("<script");

		// English for an office whose account says so: the same board in the catalogue's English words
		PortalUser cityEn = new PortalUser("city-en", "city-en", new Scope(Role.OFFICE, CITY), Language.EN, false, false,
				false, null);
		String english = section(page("/board", cityEn), "level-" + CITY);
		assertThat(unitsInOrder(english)).containsExactly("丙街道", "丁乡", "甲镇", "乙镇");
		assertThat(english).contains("测试市: 4 units").contains("failed review: 1, missing: 1, accepted: 2")
			.contains("failed review (2 errors)").contains("portal: jia, ");

		// the other county's office: its one town, which sent nothing; nothing of 测试市
		String neighbour = page("/board", USERS.get(Who.OTHER_OFFICE));
		assertThat(unitsInOrder(section(neighbour, "level-" + NEIGHBOUR))).containsExactly("邻镇");
		assertThat(neighbour).doesNotContain("甲镇").doesNotContain("丙街道").doesNotContain("level-" + CITY);

		// the admin: the whole registry, level by level from the top
		String admin = page("/board", USERS.get(Who.ADMIN));
		// both counties wait for their units (测试市 2 of 4, 邻县 0 of 1): the same state, no errors or open
		// warnings, so the Board's order puts them by code, 邻县 (410998…) first
		assertThat(unitsInOrder(section(admin, "level-" + PREFECTURE))).containsExactly("邻县", "测试市");
		assertThat(section(admin, "level-" + PREFECTURE)).contains("下级汇总：2/4 个单位完成").contains("下级汇总：0/1 个单位完成");
		assertThat(unitsInOrder(section(admin, "level-" + CITY))).containsExactly("丙街道", "丁乡", "甲镇", "乙镇");
		assertThat(unitsInOrder(section(admin, "level-" + NEIGHBOUR))).containsExactly("邻镇");

		// the service checks the role again, whatever the route did
		assertThatThrownBy(() -> board.model(USERS.get(Who.OWN))).isInstanceOf(ResponseStatusException.class)
			.hasMessageContaining("403");
	}

	@Test
	void theAuditLogShowsTheAdminWhoDidWhatNewestFirstAPageAtATime() throws Exception {
		// a file sent with a name that is markup (no slash: a part's file name is cut at one): shown as text
		mvc.perform(multipart("/units/" + JIA + "/submissions")
			.file(upload(fixture("410999101000"), "<img src=x onerror=alert(1)>甲镇.csv"))
			.with(user(USERS.get(Who.OWN)))
			.with(csrf())).andReturn();
		String failed = "audit-nobody-" + System.nanoTime();
		mvc.perform(post("/login").param("username", failed).param("password", "wrong-password-1").with(csrf()))
			.andReturn();
		String first = page("/audit", USERS.get(Who.ADMIN));
		String tbody = first.substring(first.indexOf("<tbody>"), first.indexOf("</tbody>"));
		// newest first: the failed sign-in, then the file sent
		int signIn = tbody.indexOf("<td>" + failed + "</td>");
		int sent = tbody.indexOf("&lt;img src=x onerror=alert(1)&gt;甲镇.csv 3130 ");
		assertThat(signIn).isNotNegative();
		assertThat(sent).isGreaterThan(signIn);
		assertThat(tbody).contains("<td>登录失败</td>").contains("<td>报送文件</td>").contains("<td>甲镇（410999101000）</td>")
			.contains("<td>127.0.0.1</td>").doesNotContain("<img");

		// 51 newer events: the first page holds the 50 newest, the next page starts with the 51st newest
		String tag = "paging-" + System.nanoTime() + "-";
		for (int i = 1; i <= 51; i++) {
			audit.add(new AuditStore.Event(Instant.now(), AuditStore.Kind.SIGN_OUT, "pager", null, "10.0.0.1", tag + i));
		}
		String newest = page("/audit", USERS.get(Who.ADMIN));
		String rows = newest.substring(newest.indexOf("<tbody>"), newest.indexOf("</tbody>"));
		assertThat(rows.split("<tr>", -1).length - 1).isEqualTo(50);
		assertThat(rows).contains(tag + "51<").contains(tag + "2<").doesNotContain(tag + "1<");
		assertThat(rows.indexOf(tag + "51<")).isLessThan(rows.indexOf(tag + "2<"));
		Matcher older = Pattern.compile("href=\"/audit\\?before=(\\d+)\"").matcher(newest);
		assertThat(older.find()).isTrue();
		String next = page("/audit?before=" + older.group(1), USERS.get(Who.ADMIN));
		String nextRows = next.substring(next.indexOf("<tbody>"), next.indexOf("</tbody>"));
		assertThat(nextRows.indexOf("<td>" + tag + "1</td>")).isNotNegative().isLessThan(nextRows.indexOf("</tr>"));
		assertThat(next).contains("href=\"/audit\"");

		// the service checks the role again: an office has no audit page
		assertThatThrownBy(() -> auditPage.model(USERS.get(Who.PARENT_OFFICE), null))
			.isInstanceOf(ResponseStatusException.class).hasMessageContaining("403");
	}

	// ---- security over a real connection --------------------------------------------------------------

	HttpClient client() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	URI at(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	static String csrfOf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF field in the form").isTrue();
		return m.group(1);
	}

	static String sessionCookie(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
			.orElse(null);
	}

	static HttpRequest.BodyPublisher form(Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
			.append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return HttpRequest.BodyPublishers.ofString(body.toString());
	}

	@Test
	void pagesCarryTheSecurityHeadersAndTheSessionCookieIsHttpOnlyAndLax() throws Exception {
		HttpResponse<String> login = client().send(HttpRequest.newBuilder(at("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(200);
		var h = login.headers();
		assertThat(h.firstValue("Content-Security-Policy")).contains(
				"default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
						+ "frame-ancestors 'none'; base-uri 'none'");
		assertThat(h.firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(h.firstValue("X-Frame-Options")).contains("DENY");
		assertThat(h.firstValue("Referrer-Policy")).contains("same-origin");
		String cookie = sessionCookie(login);
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
		assertThat(login.body()).doesNotContain("<script").doesNotContain(" style=\"");
	}

	@Test
	void signingInGivesANewSessionIdAndAOneTimePasswordMustBeChangedFirst() throws Exception {
		String password = accounts.add(settings.registry(), YI, Role.TOWNSHIP, "yi-session", null, Language.ZH, "test");
		HttpClient client = client();
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(at("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String before = sessionCookie(login).split(";")[0];
		HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(at("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("username", "yi-session", "password", password, "_csrf", csrfOf(login.body()))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/password"));
		String after = sessionCookie(signedIn);
		assertThat(after).isNotNull().contains("HttpOnly").contains("SameSite=Lax");
		assertThat(after.split(";")[0]).isNotEqualTo(before);
		// every other page waits for the new password
		HttpResponse<String> unit = client.send(HttpRequest.newBuilder(at("/units/" + YI)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unit.statusCode()).isEqualTo(302);
		assertThat(unit.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/password"));
		// but the password page's own style sheet (a browser refused the page's redirect to HTML as a style)
		HttpResponse<String> css = client.send(HttpRequest.newBuilder(at("/portal.css")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
		// the new password: straight to the unit's page, which says it was changed
		HttpResponse<String> form = client.send(HttpRequest.newBuilder(at("/password")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> changed = client.send(HttpRequest.newBuilder(at("/password"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("current", password, "next", "yi-session-password", "repeat", "yi-session-password", "_csrf",
					csrfOf(form.body()))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/units/" + YI));
		HttpResponse<String> home = client.send(HttpRequest.newBuilder(at("/units/" + YI)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("密码已修改。");
	}

	@Test
	void tenFailuresLockAnAccountForFifteenMinutesEvenWithTheRightPassword() throws Exception {
		String name = "throttled-" + System.nanoTime();
		String password = accounts.add(settings.registry(), YI, Role.TOWNSHIP, name, null, Language.ZH, "test");
		for (int i = 1; i <= 9; i++) {
			MvcResult failed = mvc.perform(post("/login").param("username", name).param("password", "wrong" + i)
				.with(csrf())).andReturn();
			assertThat(failed.getResponse().getRedirectedUrl()).as("failure %d", i).isEqualTo("/login?error");
		}
		MvcResult tenth = mvc.perform(post("/login").param("username", name).param("password", "wrong10")
			.with(csrf())).andReturn();
		assertThat(tenth.getResponse().getRedirectedUrl()).isEqualTo("/login?locked");
		MvcResult right = mvc.perform(post("/login").param("username", name).param("password", password)
			.with(csrf())).andReturn();
		assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/login?locked");
		assertThat(audit.count(name, AuditStore.Kind.SIGN_IN_FAILED, Instant.EPOCH)).isEqualTo(10);
		assertThat(audit.count(name, AuditStore.Kind.ACCOUNT_LOCKED, Instant.EPOCH)).isEqualTo(1);
		assertThat(audit.count(name, AuditStore.Kind.SIGN_IN_REFUSED, Instant.EPOCH)).isEqualTo(1);
		assertThat(audit.count(name, AuditStore.Kind.SIGN_IN, Instant.EPOCH)).isZero();
		// the log is append-only: the database itself refuses to change or delete a row
		assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE username = ?", name))
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
		assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET detail = 'x' WHERE username = ?", name))
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
		assertThat(audit.count(name, AuditStore.Kind.SIGN_IN_FAILED, Instant.EPOCH)).isEqualTo(10);

		// the lock ends 15 minutes after it began, and the failures before it do not count again
		Instant locked = audit.last(name, AuditStore.Kind.ACCOUNT_LOCKED).orElseThrow();
		SignInThrottle at14 = new SignInThrottle(audit, Clock.fixed(locked.plus(Duration.ofMinutes(14)), ZoneOffset.UTC));
		assertThat(at14.lockedUntil(name)).contains(locked.plus(Duration.ofMinutes(15)));
		SignInThrottle at16 = new SignInThrottle(audit, Clock.fixed(locked.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));
		assertThat(at16.lockedUntil(name)).isEmpty();
		assertThat(at16.failed(name, YI, "test")).isEmpty();
	}

	/** A request from {@code address}, as the server would see the connection's peer. */
	static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void aHundredFailuresFromOneAddressRefuseItsSignInsForFifteenMinutesAndNoOtherAddresss() throws Exception {
		// an address of the documentation range, of this run alone (the audit log is never emptied)
		String address = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffffL) + ":" + Long.toHexString(
				System.nanoTime() & 0xffffL);
		String other = address + ":1";
		String name = "behind-nat-" + System.nanoTime();
		String password = accounts.add(settings.registry(), YI, Role.TOWNSHIP, name, null, Language.ZH, "test");
		// 99 failures, each for a name of its own: no account reaches its own limit of 10
		for (int i = 1; i <= 99; i++) {
			MvcResult failed = mvc.perform(post("/login").param("username", name + "-guess-" + i)
				.param("password", "wrong")
				.with(from(address))
				.with(csrf())).andReturn();
			assertThat(failed.getResponse().getRedirectedUrl()).as("failure %d", i).isEqualTo("/login?error");
		}
		MvcResult hundredth = mvc.perform(post("/login").param("username", name + "-guess-100")
			.param("password", "wrong")
			.with(from(address))
			.with(csrf())).andReturn();
		assertThat(hundredth.getResponse().getRedirectedUrl()).isEqualTo("/login?busy");
		// the right password from that address: refused, and logged; from another address: signed in
		MvcResult right = mvc.perform(post("/login").param("username", name).param("password", password)
			.with(from(address))
			.with(csrf())).andReturn();
		assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/login?busy");
		assertThat(audit.count(name, AuditStore.Kind.SIGN_IN_REFUSED, Instant.EPOCH)).isEqualTo(1);
		assertThat(audit.count(name, AuditStore.Kind.SIGN_IN, Instant.EPOCH)).isZero();
		MvcResult elsewhere = mvc.perform(post("/login").param("username", name).param("password", password)
			.with(from(other))
			.with(csrf())).andReturn();
		assertThat(elsewhere.getResponse().getRedirectedUrl()).isEqualTo("/password");
		assertThat(audit.count(name, AuditStore.Kind.SIGN_IN, Instant.EPOCH)).isEqualTo(1);
		assertThat(audit.countFrom(address, AuditStore.Kind.SIGN_IN_FAILED, Instant.EPOCH)).isEqualTo(100);
		assertThat(audit.countFrom(address, AuditStore.Kind.ADDRESS_LOCKED, Instant.EPOCH)).isEqualTo(1);
		// the page says why, and until when
		String busy = mvc.perform(get("/login?busy").session((org.springframework.mock.web.MockHttpSession) right
			.getRequest()
			.getSession())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(busy).contains("从您所在网络地址登录失败的次数过多");

		// the lock ends 15 minutes after it began; the failures before it do not count again
		Instant locked = audit.lastFrom(address, AuditStore.Kind.ADDRESS_LOCKED).orElseThrow();
		SignInThrottle at14 = new SignInThrottle(audit, Clock.fixed(locked.plus(Duration.ofMinutes(14)), ZoneOffset.UTC));
		assertThat(at14.addressLockedUntil(address)).contains(locked.plus(Duration.ofMinutes(15)));
		SignInThrottle at16 = new SignInThrottle(audit, Clock.fixed(locked.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));
		assertThat(at16.addressLockedUntil(address)).isEmpty();
		assertThat(at16.failed(name + "-later", YI, address)).isEmpty();
		// a limit of its own, as configured: the 10th failure of a fresh address locks it at 10
		String small = other + ":2";
		SignInThrottle ten = new SignInThrottle(audit, Clock.systemUTC(), 10);
		for (int i = 1; i <= 9; i++) {
			assertThat(ten.failed(name + "-small-" + i, YI, small)).isEmpty();
		}
		assertThat(ten.failed(name + "-small-10", YI, small)).hasValueSatisfying(l -> assertThat(l.address()).isTrue());
		// lower than one account's limit, one person's typos would lock a county out: refused
		assertThatThrownBy(() -> new SignInThrottle(audit, Clock.systemUTC(), 9))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** Without a configured proxy, a forwarded address is a header like any other: the peer's address counts. */
	@Test
	void aForwardedAddressIsNotBelievedWithoutAConfiguredProxy() throws Exception {
		String name = "forwarded-" + System.nanoTime();
		HttpClient client = client();
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(at("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> failed = client.send(HttpRequest.newBuilder(at("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", "203.0.113.9")
			.POST(form(Map.of("username", name, "password", "wrong", "_csrf", csrfOf(login.body()))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(failed.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForList("SELECT address FROM audit_event WHERE username = ?", String.class, name))
			.containsExactly("127.0.0.1");
	}

	@Test
	void aFileAboveTheLimitIsAnsweredWithAMessageNeverAServerError() throws Exception {
		String password = accounts.add(settings.registry(), JIA, Role.TOWNSHIP, "jia-big", null, Language.ZH, "test");
		HttpClient client = client();
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(at("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		client.send(HttpRequest.newBuilder(at("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("username", "jia-big", "password", password, "_csrf", csrfOf(login.body()))))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> change = client.send(HttpRequest.newBuilder(at("/password")).build(),
				HttpResponse.BodyHandlers.ofString());
		client.send(HttpRequest.newBuilder(at("/password"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("current", password, "next", "jia-big-password-2", "repeat", "jia-big-password-2", "_csrf",
					csrfOf(change.body()))))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> unit = client.send(HttpRequest.newBuilder(at("/units/" + JIA)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unit.statusCode()).isEqualTo(200);
		String token = csrfOf(unit.body());

		// just above 1 MiB: within the form's room, refused from the part's size before it is read
		HttpResponse<String> above = client.send(multipartRequest("/units/" + JIA + "/submissions", token, "a.csv",
				new byte[1024 * 1024 + 1]), HttpResponse.BodyHandlers.ofString());
		assertThat(above.statusCode()).isEqualTo(302);
		HttpResponse<String> aboveShown = client.send(HttpRequest.newBuilder(at("/units/" + JIA)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(aboveShown.body()).contains("1048577 字节，超过 1048576 字节的上限");

		// far above it: answered from the declared length alone, with a message
		HttpResponse<String> far = client.send(multipartRequest("/units/" + JIA + "/submissions", token, "b.csv",
				new byte[3 * 1024 * 1024]), HttpResponse.BodyHandlers.ofString());
		assertThat(far.statusCode()).isEqualTo(302);
		assertThat(far.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?too-large"));
		HttpResponse<String> farShown = client.send(HttpRequest.newBuilder(at("/units/" + JIA + "?too-large")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(farShown.statusCode()).isEqualTo(200);
		assertThat(farShown.body()).contains("超过 1048576 字节的上限，未接收");
		assertThat(INPUT.resolve("2020")).isEmptyDirectory();
	}

	HttpRequest multipartRequest(String path, String token, String fileName, byte[] content) {
		String boundary = "----portal-test-boundary";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return HttpRequest.newBuilder(at(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

}
