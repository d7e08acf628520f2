package township.rollup.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.run.ConfigurationException;
import township.rollup.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The portal behind a configured proxy (here the loopback address the test connects from): the address a
 * request counts as coming from is the one the proxy forwarded, the last one it added, never one a client
 * put before it; and the setting itself refuses anything but addresses.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "rollup.home=target/proxy-tests",
				"rollup.input-dir=target/proxy-tests/input", "rollup.output-dir=target/proxy-tests/output",
				"rollup.portal.year=2020", "server.address=127.0.0.1",
				"rollup.portal.trusted-proxies=127.0.0.1" })
class TrustedProxyTests {

	private static TestDatabase database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		synchronized (TrustedProxyTests.class) {
			if (database == null) {
				database = TestDatabase.fresh(Path.of("target/proxy-tests/data"));
			}
		}
		database.springProperties().forEach((key, value) -> registry.add(key, () -> value));
	}

	@BeforeAll
	static void postgresWhenAsked() {
		TestDatabase.requirePostgres();
	}

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Test
	void theAddressIsTheOneTheConfiguredProxyForwarded() throws Exception {
		String name = "proxied-" + System.nanoTime();
		signInFails(name, "203.0.113.9");
		// a client that sends its own header through the proxy: the proxy appends the peer it saw, and only
		// that last entry is believed
		signInFails(name, "198.51.100.1, 203.0.113.10");
		assertThat(jdbc.queryForList("SELECT address FROM audit_event WHERE username = ? ORDER BY id", String.class,
				name)).containsExactly("203.0.113.9", "203.0.113.10");
	}

	@Test
	void theSchemeTheProxyForwardedMakesTheSessionCookieSecure() throws Exception {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> plain = client.send(HttpRequest.newBuilder(at("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> https = client.send(
				HttpRequest.newBuilder(at("/login")).header("X-Forwarded-Proto", "https").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(PortalFunctionalTests.sessionCookie(plain)).doesNotContain("Secure");
		assertThat(PortalFunctionalTests.sessionCookie(https)).contains("Secure");
	}

	@Test
	void theSettingTakesAddressesOnly() {
		Messages zh = Messages.of(Language.ZH);
		assertThat(TrustedProxies.parse("", zh)).isEmpty();
		assertThat(TrustedProxies.parse(" 10.1.2.3 , ::1", zh)).containsExactly("10.1.2.3", "0:0:0:0:0:0:0:1");
		assertThatThrownBy(() -> TrustedProxies.parse("10.1.2.3,proxy.county.gov.cn", zh))
			.isInstanceOf(ConfigurationException.class)
			.hasMessage("rollup.portal.trusted-proxies 应为以逗号分隔的 IP 地址，不能是“proxy.county.gov.cn”");
		assertThatThrownBy(() -> TrustedProxies.parse("10.1.2.3,,", zh)).isInstanceOf(ConfigurationException.class);
		assertThat(TrustedProxies.valve(java.util.List.of())).isEmpty();
	}

	private void signInFails(String name, String forwarded) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(at("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> failed = client.send(HttpRequest.newBuilder(at("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", forwarded)
			.POST(PortalFunctionalTests.form(
					Map.of("username", name, "password", "wrong", "_csrf", PortalFunctionalTests.csrfOf(login.body()))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(failed.statusCode()).isEqualTo(302);
	}

	private URI at(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
