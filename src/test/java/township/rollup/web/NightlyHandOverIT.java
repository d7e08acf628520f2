package township.rollup.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cron's {@code jobs/rollup nightly} while the portal runs: handed to the portal, which runs it through its
 * one run slot, and waited for: the same summary and exit code as a plain nightly on the same input, the run
 * recorded once, an upload sent while it runs counted by exactly one run (the next), and every other
 * command still turned away with 75. One portal start.
 */
class NightlyHandOverIT {

	static final Path CITY_A = Path.of("src/test/resources/fixtures/jobs/city-a");

	@TempDir
	Path root;

	RollupProcess.Installation city(String name) throws IOException {
		Path home = root.resolve(name);
		Path input = home.resolve("input");
		Files.createDirectories(input.resolve("2020"));
		Files.writeString(input.resolve("townships.csv"), "code,name,kind,parent,code_source\n"
				+ "410999000000,测试市,县级市,,fixture\n410999101000,甲镇,镇,410999000000,fixture\n"
				+ "410999102000,乙镇,镇,410999000000,fixture\n", StandardCharsets.UTF_8);
		Files.copy(CITY_A.resolve("2020/410999101000_甲镇_2020.csv"), input.resolve("2020/410999101000_甲镇_2020.csv"));
		return new RollupProcess.Installation(home, input);
	}

	/** What a run prints that does not depend on when it ran, how long it took or where it lives. */
	static List<String> significant(String out, RollupProcess.Installation city) {
		return out.replace(city.root().toAbsolutePath().toString(), "<home>")
			.lines()
			.filter(l -> !l.contains("开始于"))
			.map(l -> l.replaceAll("用时 [0-9.]+ 秒", "用时 - 秒"))
			.toList();
	}

	@Test
	void nightlyIsHandedToTheRunningPortalAndAnUploadMeanwhileIsCountedOnce() throws Exception {
		RollupProcess.Installation plain = city("plain");
		RollupProcess.Result expected = RollupProcess.run(plain, "nightly", "--year", "2020");
		assertThat(expected.exit()).as(expected.all()).isZero();
		// the plain run's summary, as written by hand for this input: one accepted, 乙镇 missing
		assertThat(expected.out()).contains("测试市（410999000000）2020 年度 nightly：完成（COMPLETED）")
			.contains("乡镇（街道）2 个：已采纳 1，未通过审核 0，未报送 1").contains("未报送：乙镇（410999102000）");

		RollupProcess.Installation city = city("portal");
		RollupProcess.Result added = RollupProcess.run(city, "users", "add", "--unit", "410999102000", "--role",
				"township");
		assertThat(added.exit()).as(added.all()).isZero();
		String password = PortalIT.lastLine(added.out());
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Process portal = RollupProcess.start(city.environment(), "serve", "--year", "2020", "--port",
				String.valueOf(port));
		Process nightly = null;
		try {
			PortalIT.awaitOutput(portal, "按 Ctrl-C 停止门户");
			HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER).build();
			String base = "http://127.0.0.1:" + port;
			String csrf = signIn(client, base, password);

			// any other command on the database is still turned away, naming the portal
			RollupProcess.Result status = RollupProcess.run(city, "status", "--year", "2020");
			assertThat(status.exit()).as(status.all()).isEqualTo(75);
			assertThat(status.err()).contains("门户正在运行（http://127.0.0.1:" + port + " pid ")
				.contains("The portal is running");

			nightly = RollupProcess.start(city.environment(), "nightly", "--year", "2020");
			awaitLog(city, "nightlyJob of 2020 handed over by a waiting command", nightly);
			boolean during = nightly.isAlive();
			byte[] file = Files.readAllBytes(CITY_A.resolve("2020/410999102000_乙镇_2020.csv"));
			HttpResponse<String> sent = client.send(multipart(base + "/units/410999102000/submissions", csrf,
					"乙镇.csv", file), HttpResponse.BodyHandlers.ofString());
			assertThat(during).as("the upload was sent while the handed-over nightly ran").isTrue();
			assertThat(sent.statusCode()).isEqualTo(302);
			assertThat(nightly.waitFor(5, TimeUnit.MINUTES)).isTrue();
			String out = RollupProcess.read(nightly, true);
			String err = RollupProcess.read(nightly, false);
			assertThat(nightly.exitValue()).as(out + err).isEqualTo(expected.exit());
			assertThat(significant(out, city)).isEqualTo(significant(expected.out(), plain));
			assertThat(err).isEqualTo(expected.err());
			// still the portal's: no command opened the database beside it
			assertThat(portal.isAlive()).isTrue();
		}
		finally {
			if (nightly != null) {
				nightly.destroyForcibly();
			}
			RollupProcess.destroy(portal);
		}
		// (killed, the portal leaves its socket behind: the next portal replaces it, and without the lock held
		// a nightly runs by itself, never through a socket)
		String runs = Files.readString(city.logDir().resolve("runs.log"));
		assertThat(runs).contains("command=nightly year=2020 exit=0 status=HANDED-OVER exit=0");
		// the run the portal made has a line of its own (the portal, killed here, leaves no line of its own,
		// and when it has one, it is the portal's exit, not a run's)
		assertThat(runs.lines().filter(l -> l.contains("via=portal")).toList()).singleElement()
			.satisfies(l -> assertThat(l).contains("command=nightly year=2020 exit=0 status=COMPLETED execution="));
		assertThat(runs.lines().filter(l -> l.contains("command=serve"))).noneMatch(l -> l.contains("execution="));
		city.database().query(jdbc -> {
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
					+ " ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'nightlyJob'", Integer.class))
				.as("the nightly recorded once").isEqualTo(1);
			Long nightlyRun = jdbc.queryForObject("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN"
					+ " BATCH_JOB_INSTANCE i ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'nightlyJob'",
					Long.class);
			List<Map<String, Object>> uploaded = jdbc.queryForList(
					"SELECT job_execution_id FROM received_file WHERE file_name LIKE '410999102000%'");
			assertThat(uploaded).as("the upload received exactly once").hasSize(1);
			// an upload is received by the portal's own path (SentFileIngest) under the one lock, so it waited
			// for the handed-over nightly and was received after it, not by it
			assertThat(((Number) uploaded.get(0).get("JOB_EXECUTION_ID")).longValue())
				.as("by the portal's upload path, not by the nightly (run %d)", nightlyRun)
				.isEqualTo(township.rollup.batch.SentFileIngest.PORTAL);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE unit_code = '410999102000'",
					Integer.class)).isEqualTo(1);
			return null;
		});
	}

	/** Signs in with the one-time password and sets a new one; the CSRF token of the session. */
	static String signIn(HttpClient client, String base, String password) throws Exception {
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(PortalFunctionalTests.form(Map.of("username", "410999102000", "password", password, "_csrf",
					PortalFunctionalTests.csrfOf(login.body()))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/password")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> changed = client.send(HttpRequest.newBuilder(URI.create(base + "/password"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(PortalFunctionalTests.form(Map.of("current", password, "next", "yi-handover-password", "repeat",
					"yi-handover-password", "_csrf", PortalFunctionalTests.csrfOf(form.body()))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/units/410999102000"));
		HttpResponse<String> unit = client.send(HttpRequest.newBuilder(URI.create(base + "/units/410999102000")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unit.statusCode()).isEqualTo(200);
		return PortalFunctionalTests.csrfOf(unit.body());
	}

	static HttpRequest multipart(String url, String csrf, String name, byte[] content) throws IOException {
		String boundary = "handover" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	static void awaitLog(RollupProcess.Installation city, String text, Process waiting) throws Exception {
		Path log = city.logDir().resolve("rollup.log");
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline) {
			if (Files.exists(log) && Files.readString(log).contains(text)) {
				return;
			}
			if (!waiting.isAlive()) {
				throw new AssertionError("the nightly ended before the portal ran it: " + RollupProcess.read(waiting, true)
						+ RollupProcess.read(waiting, false));
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the portal did not take the nightly in 3 minutes");
	}

}
