package township.rollup.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's commands as real processes through jobs/rollup: accounts with their one-time password as
 * the last line, alone; the first admin printed once; and the single owner of the embedded database (while
 * the portal runs, every other database command exits 75 naming it; after it stops they run).
 */
class PortalIT {

	static final Path CITY_A = Path.of("src/test/resources/fixtures/jobs/city-a");

	@TempDir
	Path root;

	RollupProcess.Installation city() throws IOException {
		Path input = root.resolve("input");
		Files.createDirectories(input.resolve("2020"));
		Files.writeString(input.resolve("townships.csv"), "code,name,kind,parent,code_source\n"
				+ "410999000000,测试市,县级市,,fixture\n410999101000,甲镇,镇,410999000000,fixture\n"
				+ "410999102000,乙镇,镇,410999000000,fixture\n", StandardCharsets.UTF_8);
		Files.copy(CITY_A.resolve("2020/410999101000_甲镇_2020.csv"), input.resolve("2020/410999101000_甲镇_2020.csv"));
		return new RollupProcess.Installation(root, input);
	}

	static String lastLine(String out) {
		List<String> lines = out.strip().lines().toList();
		return lines.get(lines.size() - 1);
	}

	@Test
	void usersPrintTheOneTimePasswordAsTheLastLineAlone() throws IOException {
		RollupProcess.Installation city = city();
		RollupProcess.Result added = RollupProcess.run(city, "users", "add", "--unit", "410999101000", "--role",
				"township");
		assertThat(added.exit()).as(added.all()).isZero();
		String password = lastLine(added.out());
		assertThat(password).matches("[A-Za-z0-9]{14}");
		assertThat(added.out()).contains("已建立账号 410999101000（角色 township，单位 410999101000）");

		RollupProcess.Result office = RollupProcess.run(city, "users", "add", "--unit", "410999000000", "--role",
				"office", "--username", "city-office", "--name", "测试市政府办", "--language", "en");
		assertThat(office.exit()).as(office.all()).isZero();
		assertThat(lastLine(office.out())).matches("[A-Za-z0-9]{14}").isNotEqualTo(password);

		RollupProcess.Result taken = RollupProcess.run(city, "users", "add", "--unit", "410999101000", "--role",
				"township");
		assertThat(taken.exit()).isEqualTo(2);
		assertThat(taken.err()).contains("用户名 410999101000 已被使用");
		RollupProcess.Result role = RollupProcess.run(city, "users", "add", "--unit", "410999101000", "--role", "boss");
		assertThat(role.exit()).isEqualTo(2);
		RollupProcess.Result leafOffice = RollupProcess.run(city, "users", "add", "--unit", "410999102000", "--role",
				"office");
		assertThat(leafOffice.exit()).isEqualTo(2);
		assertThat(leafOffice.err()).contains("没有下级单位");

		RollupProcess.Result reset = RollupProcess.run(city, "users", "reset", "410999101000");
		assertThat(reset.exit()).isZero();
		assertThat(lastLine(reset.out())).matches("[A-Za-z0-9]{14}").isNotEqualTo(password);
		assertThat(RollupProcess.run(city, "users", "disable", "city-office").exit()).isZero();
		RollupProcess.Result list = RollupProcess.run(city, "users", "list");
		assertThat(list.exit()).isZero();
		assertThat(list.out()).contains("410999101000").contains("待改密码").contains("city-office").contains("已停用")
			.contains("测试市政府办");
		assertThat(list.out().lines().filter(l -> l.startsWith("city-office"))).singleElement()
			.satisfies(l -> assertThat(l).contains("  en  "));
		assertThat(list.out().lines().filter(l -> l.startsWith("410999101000"))).singleElement()
			.satisfies(l -> assertThat(l).contains("  zh  "));
	}

	@Test
	void thePortalOwnsTheDatabaseWhileItRunsAndPrintsTheFirstAdminPasswordOnce() throws Exception {
		RollupProcess.Installation city = city();
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Process portal = RollupProcess.start(city.environment(), "serve", "--year", "2020", "--port",
				String.valueOf(port));
		try {
			String out = awaitOutput(portal, "按 Ctrl-C 停止门户");
			assertThat(out).contains("门户已启动：http://127.0.0.1:" + port + "（报告年度 2020，测试市）")
				.contains("已建立管理员账号 admin");
			List<String> lines = out.lines().toList();
			int at = lines.indexOf(lines.stream().filter(l -> l.contains("已建立管理员账号 admin")).findFirst().orElseThrow());
			assertThat(lines.get(at + 1)).matches("[A-Za-z0-9]{14}");

			for (String[] command : List.of(new String[] { "status", "--year", "2020" },
					new String[] { "ingest", "--year", "2020" }, new String[] { "users", "list" })) {
				RollupProcess.Result refused = RollupProcess.run(city, command);
				assertThat(refused.exit()).as(String.join(" ", command)).isEqualTo(75);
				assertThat(refused.err()).contains("门户正在运行（http://127.0.0.1:" + port + " pid ")
					.contains("The portal is running");
			}
			// check without the database works beside it; reading last year's reports would need the portal's
			RollupProcess.Result offline = RollupProcess.run(city, "check", "--offline",
					city.inputDir().resolve("2020/410999101000_甲镇_2020.csv").toString());
			assertThat(offline.exit()).as(offline.all()).isZero();
		}
		finally {
			RollupProcess.destroy(portal);
		}
		RollupProcess.Result nightly = RollupProcess.run(city, "nightly", "--year", "2020");
		assertThat(nightly.exit()).as(nightly.all()).isZero();

		Process again = RollupProcess.start(city.environment(), "serve", "--year", "2020", "--port",
				String.valueOf(port));
		try {
			String out = awaitOutput(again, "按 Ctrl-C 停止门户");
			assertThat(out).doesNotContain("已建立管理员账号");
		}
		finally {
			RollupProcess.destroy(again);
		}
	}

	static String awaitOutput(Process process, String text) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline) {
			String out = RollupProcess.read(process, true);
			if (out.contains(text)) {
				return out;
			}
			if (!process.isAlive()) {
				throw new AssertionError("the portal ended: " + out + RollupProcess.read(process, false));
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the portal did not start in 3 minutes: " + RollupProcess.read(process, true)
				+ RollupProcess.read(process, false));
	}

}
