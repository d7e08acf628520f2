package township.rollup.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.FileSystemUtils;

import township.rollup.board.Board;
import township.rollup.board.Gate;
import township.rollup.i18n.Language;
import township.rollup.store.AccountStore.Role;
import township.rollup.store.AuditStore;
import township.rollup.store.ReturnStore;
import township.rollup.store.StatusStore;
import township.rollup.store.YearStateStore;
import township.rollup.support.DatabaseSnapshot;
import township.rollup.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The office's side of the portal on a real server and database (HSQLDB; PostgreSQL in surefire's
 * postgresql execution): a return with its comment and what it does to the township's page, the board, the
 * nightly's sums and the annual gate, until the unit sends again; the nightly run from the board; the
 * published files; reopening a year. The registry and files are {@link PortalFunctionalTests}'s; who may
 * reach which route is in its matrix.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "rollup.home=target/office-tests",
				"rollup.input-dir=target/office-tests/input", "rollup.output-dir=target/office-tests/output",
				"rollup.portal.year=2020", "server.address=127.0.0.1" })
@AutoConfigureMockMvc
class OfficeFunctionalTests {

	static final Path HOME = Path.of("target/office-tests");

	static final Path INPUT = HOME.resolve("input");

	static final String JIA = PortalFunctionalTests.JIA;

	static final String CITY = PortalFunctionalTests.CITY;

	static final PortalUser JIA_USER = PortalFunctionalTests.person("o-jia", Role.TOWNSHIP, JIA);

	static final PortalUser CITY_OFFICE = PortalFunctionalTests.person("o-city", Role.OFFICE, CITY);

	static final PortalUser TOP_OFFICE = PortalFunctionalTests.person("o-top", Role.OFFICE,
			PortalFunctionalTests.PREFECTURE);

	static final PortalUser ADMIN = PortalFunctionalTests.person("o-root", Role.ADMIN, PortalFunctionalTests.PREFECTURE);

	private static TestDatabase database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		synchronized (OfficeFunctionalTests.class) {
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
	PortalSettings settings;

	@Autowired
	PortalJobs jobs;

	@Autowired
	ReturnStore returns;

	@Autowired
	AuditStore audit;

	@Autowired
	StatusStore status;

	@Autowired
	YearStateStore years;

	@Autowired
	NightlyNow nightlyNow;

	@Autowired
	Accounts accounts;

	@BeforeEach
	void freshInstallation() throws IOException {
		DatabaseSnapshot.clean(jdbc);
		jdbc.update("DELETE FROM unit_return");
		jdbc.update("DELETE FROM portal_upload");
		jdbc.update("DELETE FROM portal_user");
		FileSystemUtils.deleteRecursively(HOME.resolve("output"));
		FileSystemUtils.deleteRecursively(INPUT);
		Files.createDirectories(INPUT.resolve("2020"));
		Files.writeString(INPUT.resolve("townships.csv"), PortalFunctionalTests.REGISTRY, StandardCharsets.UTF_8);
		for (PortalUser u : List.of(JIA_USER, CITY_OFFICE, TOP_OFFICE, ADMIN)) {
			accounts.add(settings.registry(), u.scope().unitCode(), u.scope().role(), u.username(), null, Language.ZH,
					"test");
		}
	}

	@AfterEach
	void noRunLeftBehind() throws InterruptedException {
		assertThat(nightlyNow.awaitIdle(Duration.ofMinutes(2))).isTrue();
	}

	private MvcResult send(PortalUser who, byte[] bytes) throws Exception {
		return mvc.perform(multipart("/units/" + who.scope().unitCode() + "/submissions")
			.file(PortalFunctionalTests.upload(bytes, "报表.csv"))
			.with(user(who))
			.with(csrf())).andReturn();
	}

	private MvcResult returnJia(PortalUser who, String comment) throws Exception {
		return mvc.perform(post("/units/" + JIA + "/returns").param("comment", comment).with(user(who)).with(csrf()))
			.andReturn();
	}

	private String page(String path, PortalUser who) throws Exception {
		MvcResult result = mvc.perform(get(path).with(user(who))).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The numbers of a stored row (format and vector), cell by cell, each without trailing zeros. */
	private Map<String, BigDecimal> numbers(String sql, Object... args) {
		Map<String, Object> row = jdbc.queryForMap(sql, args);
		var format = township.rollup.reportformat.ReportFormats.standard().get(String.valueOf(row.get("format_id")));
		Map<String, BigDecimal> cells = new java.util.TreeMap<>();
		township.rollup.rollup.NumberVector.decode(format, String.valueOf(row.get("numbers")))
			.forEach((cell, value) -> cells.put(cell, value.stripTrailingZeros()));
		return cells;
	}

	private int count(String sql, Object... args) {
		Integer n = jdbc.queryForObject(sql, Integer.class, args);
		return n == null ? 0 : n;
	}

	@Test
	void aReturnShowsItsCommentLeavesTheVersionOutOfTheSumsAndEndsWithTheNextVersion() throws Exception {
		// 乙镇's file in the inbox (accepted), 丙街道's rejected, 丁乡 nothing; 甲镇 sends through the portal
		Files.write(INPUT.resolve("2020/410999102000_乙镇_2020.csv"), PortalFunctionalTests.fixture("410999102000"));
		Files.write(INPUT.resolve("2020/410999103000_丙街道_2020.csv"), PortalFunctionalTests.fixture("410999103000"));
		send(JIA_USER, PortalFunctionalTests.fixture("410999101000"));
		// a nightly before the return: 甲镇 and 乙镇 summed
		assertThat(jobs.nightly(2020)).isZero();
		assertThat(count("SELECT accepted_count FROM consolidated_report WHERE report_year = 2020 AND unit_code = ?",
				CITY)).isEqualTo(2);

		// the comment is required and bounded: nothing is recorded for an empty or an over-long one
		assertThat(returnJia(CITY_OFFICE, "  ").getFlashMap().get("refused")).isEqualTo("请填写退回意见。");
		assertThat(returnJia(CITY_OFFICE, "字".repeat(Returns.MAX_COMMENT + 1)).getFlashMap().get("refused"))
			.isEqualTo("退回意见不能超过 500 个字。");
		assertThat(count("SELECT COUNT(*) FROM unit_return")).isZero();

		// 丁乡 has sent nothing: nothing to return, so no return is offered, and its returns page says why
		String ding = PortalFunctionalTests.DING;
		assertThat(page("/units/" + ding, CITY_OFFICE)).doesNotContain("id=\"return-link\"");
		assertThat(page("/units/" + ding + "/returns", CITY_OFFICE)).doesNotContain("<form id=\"return\"")
			.contains("该单位没有可退回的当前版本（尚未报送，或多个文件对应本单位）。");

		// before the return the office's page offers it, and the return form is there
		assertThat(page("/units/" + JIA, CITY_OFFICE)).contains("id=\"return-link\"").doesNotContain("id=\"returned\"");
		assertThat(page("/units/" + JIA + "/returns", CITY_OFFICE)).contains("<form id=\"return\"");

		String comment = "第三行<b>合计</b>与分项之和不符，请核实后重新报送";
		MvcResult done = returnJia(CITY_OFFICE, comment);
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/units/" + JIA);
		ReturnStore.Return r = returns.inForce(2020, JIA).orElseThrow();
		assertThat(r.version()).isEqualTo(1);
		assertThat(r.username()).isEqualTo("o-city");
		assertThat(r.comment()).isEqualTo(comment);
		AuditStore.Event event = audit.latest(5)
			.stream()
			.filter(e -> e.kind() == AuditStore.Kind.UNIT_RETURNED)
			.findFirst()
			.orElseThrow();
		assertThat(event.username()).isEqualTo("o-city");
		assertThat(event.unitCode()).isEqualTo(JIA);
		assertThat(event.detail()).isEqualTo("v1: " + comment);
		// a second return of the same version is refused; nothing more is recorded
		assertThat(returnJia(ADMIN, "again").getFlashMap().get("refused")).isEqualTo("该单位的当前版本已退回，正在等待新版本。");
		assertThat(count("SELECT COUNT(*) FROM unit_return")).isEqualTo(1);

		// the township's page: the state, what to do, who returned it, and the comment as inert text
		String jiaPage = page("/units/" + JIA, JIA_USER);
		assertThat(jiaPage).contains("已退回（汇总单位退回了当前版本）").contains("按汇总单位的意见更正后重新报送")
			.contains("汇总单位已退回 v1（o-city，")
			.contains("第三行&lt;b&gt;合计&lt;/b&gt;与分项之和不符")
			.doesNotContain("<b>合计</b>");

		// the office's page and the return form no longer offer a return of the returned version: they say
		// it is returned, by whom, with the comment
		for (String path : List.of("/units/" + JIA, "/units/" + JIA + "/returns")) {
			assertThat(page(path, CITY_OFFICE)).as(path)
				.doesNotContain("id=\"return-link\"")
				.doesNotContain("<form id=\"return\"")
				.contains("id=\"returned\"")
				.contains("汇总单位已退回 v1（o-city，")
				.contains("第三行&lt;b&gt;合计&lt;/b&gt;与分项之和不符");
		}
		// the record of returns stays one click away on the unit's page
		assertThat(page("/units/" + JIA, CITY_OFFICE)).contains("id=\"returns-link\"");

		// the board: rejected first, then returned, then the units that sent nothing, accepted last
		String board = PortalFunctionalTests.section(page("/board", CITY_OFFICE), "level-" + CITY);
		assertThat(PortalFunctionalTests.unitsInOrder(board)).containsExactly("丙街道", "甲镇", "丁乡", "乙镇");
		assertThat(board).contains("未通过审核 1 个，已退回 1 个，未报送 1 个，已采纳 1 个");

		// the nightly leaves the returned version out, as it leaves out a rejected one: 测试市 sums 乙镇 alone
		// (no file changed since the last nightly: the return alone is reason enough to run again)
		Integer runs = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class);
		assertThat(jobs.nightly(2020)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(runs + 1);
		assertThat(count("SELECT accepted_count FROM consolidated_report WHERE report_year = 2020 AND unit_code = ?",
				CITY)).isEqualTo(1);
		assertThat(count("SELECT rejected_count FROM consolidated_report WHERE report_year = 2020 AND unit_code = ?",
				CITY)).isEqualTo(2);
		// its figures are 乙镇's, cell by cell: 甲镇's numbers are not in them
		Map<String, BigDecimal> yi = numbers("SELECT format_id, numbers FROM received_file WHERE file_name = ?",
				"410999102000_乙镇_2020.csv");
		Map<String, BigDecimal> jia = numbers("SELECT format_id, numbers FROM received_file WHERE file_name = ?",
				"410999101000_甲镇_2020_portal.csv");
		Map<String, BigDecimal> city = numbers(
				"SELECT format_id, numbers FROM consolidated_report WHERE report_year = 2020 AND unit_code = ?", CITY);
		assertThat(jia).isNotEqualTo(yi);
		assertThat(city).isEqualTo(yi);
		// and the annual gate stays closed: 甲镇 (returned), 丙街道, 丁乡 and 邻镇 have no accepted file
		Gate gate = Board.of(settings.registry(), status.board(2020)).gate();
		assertThat(gate.reasons()).contains(Gate.Reason.INCOMPLETE);
		assertThat(gate.notAccepted()).isEqualTo(4);

		// the next version ends the return: the same numbers saved again as UTF-8 with a BOM (the fixture is GBK)
		byte[] again = ("\uFEFF" + new String(PortalFunctionalTests.fixture("410999101000"),
				java.nio.charset.Charset.forName("GBK"))).getBytes(StandardCharsets.UTF_8);
		send(JIA_USER, again);
		assertThat(returns.inForce(2020, JIA)).isEmpty();
		assertThat(returns.ofUnit(2020, JIA)).hasSize(1);
		assertThat(page("/units/" + JIA, JIA_USER)).doesNotContain("汇总单位已退回").doesNotContain("第三行");
		// the new version may be returned again
		assertThat(page("/units/" + JIA, CITY_OFFICE)).contains("id=\"return-link\"").doesNotContain("id=\"returned\"");
		assertThat(page("/units/" + JIA + "/returns", CITY_OFFICE)).contains("<form id=\"return\"");
		assertThat(jobs.nightly(2020)).isZero();
		assertThat(count("SELECT accepted_count FROM consolidated_report WHERE report_year = 2020 AND unit_code = ?",
				CITY)).isEqualTo(2);
		Map<String, BigDecimal> both = new java.util.TreeMap<>(yi);
		jia.forEach((cell, value) -> both.merge(cell, value, (a, b) -> a.add(b).stripTrailingZeros()));
		assertThat(numbers("SELECT format_id, numbers FROM consolidated_report WHERE report_year = 2020 AND unit_code = ?",
				CITY)).isEqualTo(both);
		// the form lists the past return with its comment, escaped
		assertThat(page("/units/" + JIA + "/returns", CITY_OFFICE)).contains("o-city")
			.contains("<td class=\"comment\">第三行&lt;b&gt;合计&lt;/b&gt;与分项之和不符");
	}

	@Test
	void theRootsOfficeRunsTheNightlyFromTheBoardAndDownloadsWhatItPublished() throws Exception {
		Path dir = HOME.resolve("output/2020");
		// nothing published yet: 404, never an empty file
		assertThat(mvc.perform(get("/reports/report.html").with(user(TOP_OFFICE))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(page("/board", TOP_OFFICE)).contains("本年度还没有运行过汇总（nightly）。")
			.contains("没有设置定时汇总（rollup.schedule.nightly）。");
		Files.write(INPUT.resolve("2020/410999102000_乙镇_2020.csv"), PortalFunctionalTests.fixture("410999102000"));

		// 测试市's office is a level below the root: it may not run the whole registry's nightly
		assertThat(mvc.perform(post("/nightly").with(user(CITY_OFFICE)).with(csrf())).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		MvcResult started = mvc.perform(post("/nightly").with(user(TOP_OFFICE)).with(csrf())).andReturn();
		assertThat(started.getResponse().getRedirectedUrl()).isEqualTo("/board");
		assertThat(started.getFlashMap().get("received")).isEqualTo("已开始汇总，稍后刷新本页查看结果。");
		assertThat(nightlyNow.awaitIdle(Duration.ofMinutes(2))).isTrue();
		assertThat(audit.latest(5)).anyMatch(e -> e.kind() == AuditStore.Kind.NIGHTLY_STARTED && "o-top".equals(e.username()));
		String runs = PortalFunctionalTests.section(page("/board", TOP_OFFICE), "runs");
		assertThat(runs).containsPattern("上次汇总（nightly）：.* 开始，.* 结束，状态 COMPLETED，退出码 COMPLETED")
			.contains("当前：已采纳 1 个，未通过或已退回 0 个，未报送 4 个。");

		// the files the run wrote, byte for byte, under the names it gave them
		Path report = dir.resolve("report.html");
		Path workbook = dir.resolve("419900000000_测试地区_2020.xlsx");
		Path cityCsv = dir.resolve("410999000000_测试市_2020.csv");
		for (Path p : List.of(report, workbook, cityCsv)) {
			assertThat(p).exists();
		}
		assertThat(download("/reports/report.html", TOP_OFFICE)).isEqualTo(Files.readAllBytes(report));
		assertThat(download("/reports/workbook.xlsx", ADMIN)).isEqualTo(Files.readAllBytes(workbook));
		assertThat(download("/units/" + CITY + "/report.csv", CITY_OFFICE)).isEqualTo(Files.readAllBytes(cityCsv));
		assertThat(runs).contains("/reports/report.html").contains("/units/419900000000/report.csv");
		// a unit that sends a file has no consolidated report; a code that is no unit is nobody's
		assertThat(mvc.perform(get("/units/" + JIA + "/report.csv").with(user(CITY_OFFICE))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/units/..%2F..%2Fdata/report.csv").with(user(ADMIN))).andReturn().getResponse()
			.getStatus()).isIn(400, 404);
	}

	private byte[] download(String path, PortalUser who) throws Exception {
		MvcResult result = mvc.perform(get(path).with(user(who))).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		return result.getResponse().getContentAsByteArray();
	}

	@Test
	void theAdminReopensAFinalYearWithAReasonAndTheTownshipsMaySendAgain() throws Exception {
		Files.write(INPUT.resolve("2020/410999102000_乙镇_2020.csv"), PortalFunctionalTests.fixture("410999102000"));
		assertThat(jobs.nightly(2020)).isZero();
		// an open year: nothing to reopen
		MvcResult open = mvc.perform(post("/reopen").param("reason", "更正").with(user(ADMIN)).with(csrf())).andReturn();
		assertThat(open.getFlashMap().get("refused")).isEqualTo("2020 年度尚未定稿，无需重新开放。");
		// the year frozen as the annual run freezes it (the store's own step; the annual's gate needs every
		// unit accepted, which these fixtures do not have)
		years.finalizeYear(2020, years.get(2020).orElseThrow().inboxDigest(), 0L, "test", List.of(), Instant.now());
		assertThat(years.isFinal(2020)).isTrue();
		assertThat(page("/board", ADMIN)).contains("name=\"reason\"");
		assertThat(page("/board", TOP_OFFICE)).doesNotContain("name=\"reason\"");
		MvcResult refusedSend = send(JIA_USER, PortalFunctionalTests.fixture("410999101000"));
		assertThat(String.valueOf(refusedSend.getFlashMap().get("refused"))).contains("2020 年度已定稿");
		// a return in a final year is refused too
		assertThat(returnJia(CITY_OFFICE, "请核实").getFlashMap().get("refused"))
			.isEqualTo("2020 年度已定稿，不能退回。如需更正，请先重新开放该年度。");

		// a reason is required
		MvcResult blank = mvc.perform(post("/reopen").param("reason", " ").with(user(ADMIN)).with(csrf())).andReturn();
		assertThat(blank.getFlashMap().get("refused")).isEqualTo("请填写重新开放的理由（不超过 1000 个字）。");
		assertThat(years.isFinal(2020)).isTrue();
		MvcResult reopened = mvc.perform(post("/reopen").param("reason", "甲镇数字有误，需更正").with(user(ADMIN)).with(csrf()))
			.andReturn();
		assertThat(reopened.getResponse().getRedirectedUrl()).isEqualTo("/board");
		assertThat(reopened.getFlashMap().get("received"))
			.isEqualTo("2020 年度已重新开放，各单位可以再次报送；汇总文件已按数据库重新生成。");
		assertThat(years.isFinal(2020)).isFalse();
		YearStateStore.Event last = years.events(2020).get(years.events(2020).size() - 1);
		assertThat(last.event()).isEqualTo("REOPEN");
		assertThat(last.actor()).isEqualTo("o-root");
		assertThat(last.reason()).isEqualTo("甲镇数字有误，需更正");
		assertThat(audit.latest(5)).anyMatch(e -> e.kind() == AuditStore.Kind.YEAR_REOPENED
				&& "2020: 甲镇数字有误，需更正".equals(e.detail()));
		// sending works again
		assertThat(send(JIA_USER, PortalFunctionalTests.fixture("410999101000")).getFlashMap().get("refused")).isNull();
	}

}
