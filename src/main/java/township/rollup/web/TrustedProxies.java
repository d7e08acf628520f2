package township.rollup.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;

import township.rollup.i18n.Messages;
import township.rollup.run.ConfigurationException;

/**
 * The proxies whose forwarded address ({@code X-Forwarded-For}) and scheme ({@code X-Forwarded-Proto}) the
 * portal believes ({@code rollup.portal.trusted-proxies}: addresses, comma-separated; none by default). A
 * request from one of them counts as coming from the address it forwarded, the last one it added; a
 * request from anywhere else counts as coming from where the connection came from, whatever headers it
 * sends (Spring Boot's {@code server.forward-headers-strategy} would believe any private address). Tomcat's own valve does it, so every
 * part of the portal (the sign-in throttle, the audit log, uploads) sees the same address.
 */
final class TrustedProxies {

	static final String SETTING = "rollup.portal.trusted-proxies";

	private TrustedProxies() {
	}

	/** The addresses of the setting, in the form the server reports a peer's address; none for an empty one. */
	static List<String> parse(String value, Messages texts) {
		List<String> out = new ArrayList<>();
		if (value == null || value.isBlank()) {
			return out;
		}
		for (String part : value.split(",", -1)) {
			String address = part.strip();
			// a literal address only: a host name would be looked up, and a proxy is known by its address
			if (address.isEmpty() || !address.matches("[0-9A-Fa-f.:]+")) {
				throw new ConfigurationException(texts.get("config.portal.trusted-proxy", SETTING, address), null);
			}
			try {
				out.add(InetAddress.getByName(address).getHostAddress());
			}
			catch (UnknownHostException ex) {
				throw new ConfigurationException(texts.get("config.portal.trusted-proxy", SETTING, address), null);
			}
		}
		return out;
	}

	/** The valve that takes the forwarded address from these proxies only; none when there are none. */
	static java.util.Optional<RemoteIpValve> valve(List<String> proxies) {
		if (proxies.isEmpty()) {
			return java.util.Optional.empty();
		}
		RemoteIpValve valve = new RemoteIpValve();
		valve.setInternalProxies(String.join("|", proxies.stream().map(Pattern::quote).toList()));
		valve.setTrustedProxies(null);
		valve.setRemoteIpHeader("X-Forwarded-For");
		// the scheme too, from the same proxies only: behind its HTTPS the session cookie is Secure
		valve.setProtocolHeader("X-Forwarded-Proto");
		return java.util.Optional.of(valve);
	}

}
