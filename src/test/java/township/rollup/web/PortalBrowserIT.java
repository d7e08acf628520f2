package township.rollup.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import township.rollup.support.Chromium;
import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user's path through the portal as the README tells it, in a real browser: Debian's headless
 * Chromium with a CJK font, driven by Selenium through Debian's chromedriver (.ci/chromium.sh; nothing is
 * downloaded), talking HTTP to a real {@code jobs/rollup serve} on a copy of the sample city. Admin, a
 * township and the office each sign in with their one-time password and change it; the township
 * downloads its templates, sends a file with an error, sees the finding, sends the corrected file and
 * sees the verdict change; the office sees its board row change. The township then explains its warning
 * in the page and sees the verdict turn to explained; the office sees that on its board, returns the
 * version from the unit's page with a comment full of markup, and the township sees the comment as text
 * and what to do. Every page is checked for console
 * messages (a blocked inline script or style, a failed resource), and a control proves the browser
 * enforces the portal's Content-Security-Policy and that the check would see a violation. Screenshots of
 * the pages land in target/portal-browser/ for people to look at. One portal and one browser for the
 * class (no JVM starts after the accounts are added): each step is a helper of a few lines.
 */
class PortalBrowserIT {

	static final Path SAMPLE = Path.of("input");

	static final Path FIXTURES = Path.of("src/test/resources/fixtures/assessment");

	static final Path SHOTS = Path.of("target/portal-browser");

	/** 邙岭镇 of the sample registry; the assessment fixtures are its file. */
	static final String TOWNSHIP = "410381114000";

	static final String CITY = "410381000000";

	static final String OFFICE = "yanshi";

	/** A time as the portal shows it (OfficeTime: the office's zone, to the second). */
	static final String TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

	@TempDir
	static Path root;

	static RollupProcess.Installation city;

	static Process portal;

	static String base;

	static ChromeDriver browser;

	static Path downloads;

	static final Map<String, String> oneTimePasswords = new HashMap<>();

	@BeforeAll
	static void startThePortalAndTheBrowser() throws Exception {
		Path driver = Chromium.requireDriver();
		// the sample city, except that 邙岭镇 has not sent its file yet: it sends it through the portal
		Path input = root.resolve("input");
		Files.createDirectories(input.resolve("2020"));
		Files.copy(SAMPLE.resolve("townships.csv"), input.resolve("townships.csv"));
		try (DirectoryStream<Path> files = Files.newDirectoryStream(SAMPLE.resolve("2020"))) {
			for (Path file : files) {
				if (!file.getFileName().toString().startsWith(TOWNSHIP)) {
					Files.copy(file, input.resolve("2020").resolve(file.getFileName()));
				}
			}
		}
		city = new RollupProcess.Installation(root, input);
		try (ServerSocket free = new ServerSocket(0)) {
			base = "http://127.0.0.1:" + free.getLocalPort();
		}
		// the first start on a fresh database prints admin's one-time password, once
		String out = startThePortal();
		List<String> lines = out.lines().toList();
		int at = lines.indexOf(lines.stream().filter(l -> l.contains("已建立管理员账号 admin")).findFirst().orElseThrow());
		oneTimePasswords.put("admin", lines.get(at + 1).strip());

		downloads = Files.createDirectories(root.resolve("downloads"));
		Files.createDirectories(SHOTS);
		browser = browser(driver, Path.of(Chromium.binary()));
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (browser != null) {
			browser.quit();
		}
		if (portal != null) {
			RollupProcess.destroy(portal);
		}
	}

	/** {@code jobs/rollup serve} on the class's port, once it says it listens; what it printed. */
	static String startThePortal() throws IOException, InterruptedException {
		portal = RollupProcess.start(city.environment(), "serve", "--year", "2020", "--port",
				base.substring(base.lastIndexOf(':') + 1));
		return PortalIT.awaitOutput(portal, "按 Ctrl-C 停止门户");
	}

	static void stopThePortal() throws InterruptedException {
		RollupProcess.destroy(portal);
		portal = null;
	}

	/** {@code jobs/rollup users add …} (the portal stopped): the one-time password, its last line. */
	static String usersAdd(String... options) {
		List<String> args = new ArrayList<>(List.of("users", "add"));
		args.addAll(List.of(options));
		RollupProcess.Result added = RollupProcess.run(city, args.toArray(String[]::new));
		assertThat(added.exit()).as(added.all()).isZero();
		return PortalIT.lastLine(added.out());
	}

	/** Debian's chromium through Debian's chromedriver, both by path: Selenium Manager is never asked. */
	static ChromeDriver browser(Path driver, Path binary) {
		System.setProperty("SE_OFFLINE", "true");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1280,1400", "--lang=zh-CN", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--user-data-dir=" + root.resolve("profile"));
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "intl.accept_languages", "zh-CN,zh"));
		// every console message, whatever its level: a page of the portal logs none
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return chrome;
	}

	@Test
	void aTownshipSendsItsFileAndTheOfficeSeesItOnTheBoard() throws Exception {
		// admin's first start: the one-time password printed by serve, changed at the first sign-in
		signIn("admin", oneTimePasswords.get("admin"));
		assertThat(heading()).isEqualTo("修改密码");
		changePassword(oneTimePasswords.get("admin"), "admin-Yanshi-2020");
		assertThat(browser.getCurrentUrl()).as("admin's page: the registry's root").isEqualTo(base + "/units/" + CITY);
		cspHolds();
		signOut();

		// the README's accounts, with the portal stopped: 邙岭镇 and the city's office
		stopThePortal();
		oneTimePasswords.put(TOWNSHIP, usersAdd("--unit", TOWNSHIP, "--role", "township"));
		oneTimePasswords.put(OFFICE, usersAdd("--unit", CITY, "--role", "office", "--username", OFFICE));
		assertThat(startThePortal()).doesNotContain("已建立管理员账号");

		// the office before anything was sent: 邙岭镇 has sent nothing
		signIn(OFFICE, oneTimePasswords.get(OFFICE));
		changePassword(oneTimePasswords.get(OFFICE), "yanshi-office-2020");
		assertThat(boardRow(TOWNSHIP).state()).isEqualTo("未报送");
		screenshot("board-before");
		signOut();

		// the township: sign in, its own password, its templates
		signIn(TOWNSHIP, oneTimePasswords.get(TOWNSHIP));
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/password");
		changePassword(oneTimePasswords.get(TOWNSHIP), "mangling-town-2020");
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/units/" + TOWNSHIP);
		assertThat(heading()).isEqualTo("邙岭镇 2020 年度报送");
		assertThat(verdict()).isEqualTo("还没有审核结果：本单位尚未报送文件，或汇总系统尚未运行。");
		cjkFontRendersTheHeading();
		screenshot("unit-new");
		byte[] csv = download("下载 CSV 模板（.csv）", TOWNSHIP + "_邙岭镇_2020.csv");
		assertThat(new String(csv, StandardCharsets.UTF_8).lines().toList())
			.contains("META.unit_name,单位名称,邙岭镇", "META.unit_code,区划代码," + TOWNSHIP, "META.year,报告年度,2020")
			.anySatisfy(line -> assertThat(line).startsWith("T4,政府信息公开行政复议、行政诉讼情况"));
		byte[] xlsx = download("下载 Excel 模板（.xlsx）", TOWNSHIP + "_邙岭镇_2020.xlsx");
		assertThat(cellTexts(xlsx)).contains(TOWNSHIP, "邙岭镇");

		// a file with an error: 行政复议 总计 3 where 1 + 0 + 0 + 1 = 2 (fixtures/assessment/README.md)
		send(FIXTURES.resolve("t4-sum-broken.csv"));
		assertThat(received()).isEqualTo("已收到文件并完成审核（收件名 " + TOWNSHIP + "_邙岭镇_2020_portal.csv），结果见下。");
		assertThat(verdict()).isEqualTo("未通过审核（错误 1 个）：按反馈页逐项更正后重新报送");
		assertThat(counts()).isEqualTo("错误 1 个，警告 0 个（其中未说明 0 个）。");
		assertThat(findingsShown()).containsExactly(
				new Shown("错误", "T4-SUM", "表四“行政复议·总计”：应为 2（结果维持、结果纠正、其他结果、尚未审结之和），填报为 3，相差 1。"));
		screenshot("unit-rejected");

		// the corrected file: 表四 right, and 2 规章 reported (a warning to explain, not an error)
		send(FIXTURES.resolve("town-reg-reported.csv"));
		assertThat(verdict()).isEqualTo("已采纳，有未说明的警告 1 个：核实后在文件中写审核说明，或更正数字");
		assertThat(counts()).isEqualTo("错误 0 个，警告 1 个（其中未说明 1 个）。");
		assertThat(findingsShown()).containsExactly(new Shown("警告", "T2-TOWN-REG",
				"表二“规章”行“对外公开总数量”填报为 2。乡镇（街道）没有制定规章的权限，请核实是否把规范性文件填进了规章行。"));
		assertThat(versions()).hasSize(2);
		screenshot("unit-open-warning");
		signOut();

		// the office sees the row change: the state, the second version, the township as its sender
		signIn(OFFICE, "yanshi-office-2020");
		BoardRow row = boardRow(TOWNSHIP);
		assertThat(row.name()).isEqualTo("邙岭镇");
		assertThat(row.state()).isEqualTo("已采纳，有未说明的警告 1 个");
		assertThat(row.version()).isEqualTo("v2");
		assertThat(row.sender()).startsWith("网上报送：" + TOWNSHIP + "，2");
		assertThat(row.file()).isEqualTo(TOWNSHIP + "_邙岭镇_2020_portal.csv");
		assertThat(List.of(row.errors(), row.warnings(), row.open())).containsExactly("0", "1", "1");
		screenshot("board-after");
		signOut();

		// the township explains its warning in the page's box for that rule: checked again at once
		signIn(TOWNSHIP, "mangling-town-2020");
		String why = "本镇没有制定规章的权限；这 2 件是转发的市政府规章，已与司法所核实，数字无误。";
		explain("T2-TOWN-REG", why);
		assertThat(received()).isEqualTo("已保存 T2-TOWN-REG 的说明，并已重新审核，结果见下。");
		assertThat(verdict()).isEqualTo("已采纳，警告 1 个均已说明");
		assertThat(counts()).isEqualTo("错误 0 个，警告 1 个（其中未说明 0 个）。");
		assertThat(browser.findElements(By.id("to-fix"))).as("no open warning left to fix").isEmpty();
		assertThat(browser.findElements(By.id("explain-T2-TOWN-REG"))).as("no box for an explained rule").isEmpty();
		assertThat(explanationsShown()).singleElement().satisfies(e -> {
			assertThat(e.get(0)).isEqualTo("T2-TOWN-REG");
			assertThat(e.get(1)).isEqualTo(why);
			assertThat(e.get(2)).matches("网上填写：" + TOWNSHIP + "，" + TIME);
		});
		screenshot("unit-explained");
		signOut();

		// the office: the row explained, no open warning; the unit's page, its return link, the comment
		signIn(OFFICE, "yanshi-office-2020");
		row = boardRow(TOWNSHIP);
		assertThat(row.state()).isEqualTo("已采纳，警告 1 个均已说明");
		assertThat(row.action()).isEmpty();
		assertThat(row.version()).isEqualTo("v2");
		assertThat(List.of(row.errors(), row.warnings(), row.open())).containsExactly("0", "1", "0");
		screenshot("board-explained");
		click(By.cssSelector("#unit-" + TOWNSHIP + " a"));
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/units/" + TOWNSHIP);
		assertThat(verdict()).isEqualTo("已采纳，警告 1 个均已说明");
		assertThat(explanationsShown()).extracting(e -> e.get(1)).containsExactly(why);
		assertThat(browser.findElements(By.id("send"))).as("the office does not send the township's file").isEmpty();
		click(By.id("return-link"));
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/units/" + TOWNSHIP + "/returns");
		assertThat(heading()).isEqualTo("邙岭镇 2020 年度：退回");
		assertThat(browser.findElement(By.id("past")).getText()).contains("还没有退回记录。");
		// markup, an ampersand and quotes in the comment: stored and shown as the office typed them
		String comment = "表三第 2 行请核对：<b>表三</b> & \"引号\" 与 '单引号' <script>x()</script>";
		browser.findElement(By.id("comment")).sendKeys(comment);
		submit(browser.findElement(By.id("return")));
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/units/" + TOWNSHIP);
		assertThat(received()).isEqualTo("已退回 邙岭镇 的 v2，并通知该单位重新报送。");
		returnShown(comment);
		screenshot("unit-returned-office");
		row = boardRow(TOWNSHIP);
		assertThat(row.state()).isEqualTo("已退回（汇总单位退回了当前版本）");
		assertThat(row.action()).isEqualTo("按汇总单位的意见更正后重新报送");
		assertThat(row.version()).isEqualTo("v2");
		screenshot("board-returned");
		// the return's record: the second place the comment is shown, as text too
		click(By.cssSelector("#unit-" + TOWNSHIP + " a"));
		assertThat(browser.findElements(By.id("return-link"))).as("returned already: no second return offered").isEmpty();
		click(By.id("returns-link"));
		List<WebElement> past = browser.findElements(By.cssSelector("#past tbody tr"));
		assertThat(past).hasSize(1);
		List<WebElement> cells = past.get(0).findElements(By.tagName("td"));
		assertThat(cells.get(0).getText()).isEqualTo("v2");
		assertThat(cells.get(1).getText()).matches(TIME);
		assertThat(cells.get(2).getText()).isEqualTo(OFFICE);
		assertThat(cells.get(3).getText()).isEqualTo(comment);
		assertThat(cells.get(3).findElements(By.xpath("./*"))).as("elements made of the comment").isEmpty();
		screenshot("returns");
		signOut();

		// the township sees the comment as text and what to do; it may send again, not return
		signIn(TOWNSHIP, "mangling-town-2020");
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/units/" + TOWNSHIP);
		assertThat(verdict()).isEqualTo("已退回（汇总单位退回了当前版本）：按汇总单位的意见更正后重新报送");
		returnShown(comment);
		assertThat(browser.findElements(By.id("send"))).isNotEmpty();
		assertThat(browser.findElements(By.id("return-link"))).as("a township does not return").isEmpty();
		screenshot("unit-returned");
		signOut();
	}

	// the steps: each one acts as a person would (type, click) and checks the page that comes back

	static void signIn(String username, String password) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		submit(browser.findElement(By.cssSelector("main form")));
	}

	static void changePassword(String current, String next) {
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/password");
		browser.findElement(By.id("current")).sendKeys(current);
		browser.findElement(By.id("next")).sendKeys(next);
		browser.findElement(By.id("repeat")).sendKeys(next);
		submit(browser.findElement(By.cssSelector("main form")));
		assertThat(received()).isEqualTo("密码已修改。");
	}

	static void signOut() {
		submit(browser.findElement(By.cssSelector("header form")));
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login?out");
	}

	/** Chooses {@code file} in the unit page's form and sends it; the portal assesses it before it answers. */
	static void send(Path file) {
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		submit(browser.findElement(By.cssSelector("#send form")));
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/units/" + TOWNSHIP);
	}

	/** Writes {@code text} in the unit page's box for {@code rule} and saves it (the box's own form). */
	static void explain(String rule, String text) {
		WebElement box = browser.findElement(By.id("explain-" + rule));
		box.sendKeys(text);
		submit(box.findElement(By.xpath("./ancestor::form")));
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/units/" + TOWNSHIP);
	}

	/** The explanations in force as the unit page lists them: rule, text, who wrote it and when. */
	static List<List<String>> explanationsShown() {
		return browser.findElements(By.cssSelector("#explanations tbody tr"))
			.stream()
			.map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.toList();
	}

	/**
	 * The unit page's return notice: by the office, when, and the comment as the office typed it, shown as
	 * text (no element made of it, nothing run).
	 */
	static void returnShown(String comment) {
		WebElement returned = browser.findElement(By.id("returned"));
		assertThat(returned.findElement(By.cssSelector("p:first-child")).getText()).matches("汇总单位已退回 v2（"
				+ OFFICE + "，" + TIME + "）。请按以下意见更正后重新报送文件；在报送新版本之前，该版本不计入汇总。");
		WebElement shown = returned.findElement(By.cssSelector("p.comment"));
		assertThat(shown.getText()).isEqualTo(comment);
		assertThat(shown.findElements(By.xpath("./*"))).as("elements made of the comment").isEmpty();
		noConsoleMessages();
	}

	/** A link of the unit page's templates, clicked: the file as Chromium saved it. */
	static byte[] download(String link, String fileName) throws IOException, InterruptedException {
		browser.findElement(By.linkText(link)).click();
		Path saved = downloads.resolve(fileName);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!Files.exists(saved) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(saved).as("downloaded into " + downloads + ": " + listing(downloads)).exists();
		noConsoleMessages();
		return Files.readAllBytes(saved);
	}

	record Shown(String severity, String rule, String message) {
	}

	/** The findings to correct or explain, as the page shows them. */
	static List<Shown> findingsShown() {
		return browser.findElements(By.cssSelector("#to-fix table.findings tbody tr"))
			.stream()
			.map(tr -> new Shown(tr.findElement(By.cssSelector("td.sev")).getText(),
					tr.findElement(By.cssSelector("td.rule")).getText(),
					tr.findElement(By.cssSelector("td.message > span:first-child")).getText()))
			.toList();
	}

	static String verdict() {
		List<WebElement> state = browser.findElements(By.cssSelector("#verdict p.state"));
		return (state.isEmpty() ? browser.findElement(By.cssSelector("#verdict p")) : state.get(0)).getText();
	}

	static String counts() {
		return browser.findElement(By.cssSelector("#verdict p.state + p")).getText();
	}

	static List<WebElement> versions() {
		return browser.findElements(By.cssSelector("#versions table.versions tbody tr"));
	}

	record BoardRow(String name, String state, String action, String version, String sender, String file,
			String errors, String warnings, String open) {
	}

	/** The office's board, opened from the link at the top, and one unit's row on it. */
	static BoardRow boardRow(String code) {
		click(By.linkText("报送情况"));
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/board");
		List<String> cells = browser.findElement(By.id("unit-" + code))
			.findElements(By.tagName("td"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(cells.get(0)).isEqualTo(code);
		return new BoardRow(cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5), cells.get(7), cells.get(8),
				cells.get(9), cells.get(10));
	}

	static String heading() {
		return browser.findElement(By.tagName("h1")).getText();
	}

	static String received() {
		return browser.findElement(By.cssSelector("p.message.received")).getText();
	}

	static void open(String path) {
		browser.get(base + path);
		noConsoleMessages();
	}

	static void click(By link) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(link).click();
		awaitNextPage(page);
		noConsoleMessages();
	}

	static void submit(WebElement form) {
		WebElement page = browser.findElement(By.tagName("html"));
		form.findElement(By.cssSelector("button[type=submit]")).click();
		awaitNextPage(page);
		noConsoleMessages();
	}

	/**
	 * Until the page that was clicked on is gone: every form and link of the portal leads to another page,
	 * and chromedriver's click does not always wait for the navigation it starts (seen on a loaded machine:
	 * the sign-out's URL read before the browser had left the page).
	 */
	static void awaitNextPage(WebElement before) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			try {
				before.isEnabled();
			}
			catch (StaleElementReferenceException gone) {
				return;
			}
			catch (org.openqa.selenium.WebDriverException gone) {
				// asked while the old document was being replaced, chromedriver answers this instead of a
				// stale element (seen once in CI): the page is gone all the same; anything else is an error
				if (gone.getMessage() == null || !gone.getMessage().contains("does not belong to the document")) {
					throw gone;
				}
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
		throw new AssertionError("still on " + browser.getCurrentUrl() + " 60 s after the click");
	}

	/** What the browser logged since the last look: nothing on a portal page (no script, no inline style). */
	static void noConsoleMessages() {
		assertThat(console()).as(browser.getCurrentUrl()).isEmpty();
	}

	static List<String> console() {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
	}

	/**
	 * The control: an inline script put into a portal page is refused by the browser under the portal's
	 * Content-Security-Policy, and the refusal is a console message, which the checks above would see.
	 */
	static void cspHolds() {
		String title = browser.getTitle();
		browser.executeScript("const s = document.createElement('script');"
				+ "s.textContent = \"document.title = 'inline ran'\"; document.body.appendChild(s);");
		assertThat(browser.getTitle()).isEqualTo(title);
		assertThat(console()).anySatisfy(m -> assertThat(m).contains("Content Security Policy").contains("script-src 'none'"));
	}

	/** The heading's Chinese characters are drawn with a font that has Chinese glyphs (fc-list :lang=zh). */
	@SuppressWarnings("unchecked")
	static void cjkFontRendersTheHeading() throws IOException, InterruptedException {
		browser.executeCdpCommand("DOM.enable", Map.of());
		browser.executeCdpCommand("CSS.enable", Map.of());
		Map<String, Object> document = browser.executeCdpCommand("DOM.getDocument", Map.of());
		Object rootNode = ((Map<String, Object>) document.get("root")).get("nodeId");
		Object h1 = browser.executeCdpCommand("DOM.querySelector", Map.of("nodeId", rootNode, "selector", "h1"))
			.get("nodeId");
		List<Map<String, Object>> fonts = (List<Map<String, Object>>) browser
			.executeCdpCommand("CSS.getPlatformFontsForNode", Map.of("nodeId", h1))
			.get("fonts");
		Set<String> used = new TreeSet<>();
		for (Map<String, Object> font : fonts) {
			if (((Number) font.get("glyphCount")).intValue() > 0) {
				used.add((String) font.get("familyName"));
			}
		}
		Set<String> cjk = cjkFamilies();
		assertThat(used).as("fonts of the heading; CJK fonts installed: " + cjk).anyMatch(cjk::contains);
	}

	static Set<String> cjkFamilies() throws IOException, InterruptedException {
		Process fc = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
		String out = new String(fc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		fc.waitFor(30, TimeUnit.SECONDS);
		Set<String> families = new TreeSet<>();
		out.lines().forEach(line -> families.addAll(List.of(line.split(","))));
		return families;
	}

	static void screenshot(String name) throws IOException {
		Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	static List<String> cellTexts(byte[] xlsx) throws IOException {
		List<String> texts = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.STRING) {
							texts.add(cell.getStringCellValue());
						}
					}
				}
			}
		}
		return texts;
	}

	static List<String> listing(Path dir) throws IOException {
		try (var files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).toList();
		}
	}

}
