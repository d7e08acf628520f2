package township.rollup.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal benchmark's client (jobs/benchmark --portal): a township as a browser is one, with its own
 * session, signing in through the form (CSRF token from the page, a new password at the first sign-in),
 * then sending its file and reading its unit page back, timed from the first byte sent to the page read.
 *
 * <ul>
 * <li>{@code one BASE ACCOUNTS N}: the first account sends its file N times, one after the other.</li>
 * <li>{@code many BASE ACCOUNTS ROUNDS}: every account signs in, then all send at once, ROUNDS times.</li>
 * </ul>
 * ACCOUNTS is a file of lines {@code username password unit-code file}. Prints one time in ms a line.
 * Only the JDK: no dependency of its own.
 */
public final class PortalLoad {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String base;

	private final String username;

	private final String password;

	private final String code;

	private final byte[] file;

	private final String fileName;

	private final HttpClient http;

	private String csrf;

	/** The file with its other line endings: a second content that reads the same, sent every other time. */
	private final byte[] other;

	private int sends;

	PortalLoad(String base, String line) throws IOException {
		String[] f = line.trim().split("\\s+");
		this.base = base;
		this.username = f[0];
		this.password = f[1];
		this.code = f[2];
		Path path = Path.of(f[3]);
		this.file = Files.readAllBytes(path);
		this.fileName = path.getFileName().toString();
		this.other = otherLineEndings(file);
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		String base = args[1];
		List<String> lines = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).toList();
		int times = Integer.parseInt(args[3]);
		if (mode.equals("one")) {
			PortalLoad township = new PortalLoad(base, lines.get(0));
			township.signIn();
			township.send(); // warm: the first send of a session is not what a clerk waits for twice
			for (int i = 0; i < times; i++) {
				System.out.println(township.send());
			}
			return;
		}
		List<PortalLoad> townships = new ArrayList<>();
		for (String line : lines) {
			PortalLoad t = new PortalLoad(base, line);
			t.signIn();
			townships.add(t);
		}
		ExecutorService pool = Executors.newFixedThreadPool(townships.size());
		try {
			for (int round = 0; round < times; round++) {
				// each session's connection fresh: signing 50 in takes longer than the server keeps an idle one
				for (PortalLoad t : townships) {
					t.csrf = token(t.get("/units/" + t.code));
				}
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Long>> sent = new ArrayList<>();
				for (PortalLoad t : townships) {
					sent.add(pool.submit(() -> {
						start.await();
						return t.send();
					}));
				}
				start.countDown();
				List<Long> ms = new ArrayList<>();
				for (Future<Long> f : sent) {
					ms.add(f.get());
				}
				Collections.sort(ms);
				ms.forEach(System.out::println);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	void signIn() throws Exception {
		csrf = token(get("/login"));
		HttpResponse<String> in = post("/login", form("username", username, "password", password, "_csrf", csrf));
		String to = in.headers().firstValue("location").orElse("");
		if (to.contains("error")) {
			throw new IllegalStateException(username + ": sign-in refused");
		}
		HttpResponse<String> page = get("/units/" + code);
		if (page.statusCode() == 302 && page.headers().firstValue("location").orElse("").endsWith("/password")) {
			String next = password + "-bench-2026";
			HttpResponse<String> changed = post("/password", form("current", password, "next", next, "repeat", next,
					"_csrf", token(get("/password"))));
			if (changed.statusCode() != 302) {
				throw new IllegalStateException(username + ": password change refused");
			}
			page = get("/units/" + code);
		}
		if (page.statusCode() != 200) {
			throw new IllegalStateException(username + ": unit page " + page.statusCode());
		}
		csrf = token(page);
	}

	/** Sends the file and reads the unit page the answer leads to; the milliseconds both took. */
	long send() throws Exception {
		String boundary = "----bench" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		// a clerk sends a corrected file, never the same bytes twice in a row: with the same bytes the whole
		// inbox is unchanged and a run started for it would end at once as "nothing changed"
		body.write(sends++ % 2 == 0 ? file : other);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		long started = System.nanoTime();
		HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + "/units/" + code + "/submissions"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		String to = sent.headers().firstValue("location").orElse("");
		if (sent.statusCode() != 302 || !to.endsWith("/units/" + code)) {
			throw new IllegalStateException(username + ": sending answered " + sent.statusCode() + " " + to);
		}
		HttpResponse<String> page = get("/units/" + code);
		long ms = (System.nanoTime() - started) / 1_000_000;
		if (page.statusCode() != 200 || !page.body().contains("_portal.")) {
			throw new IllegalStateException(username + ": the unit page does not show the file sent");
		}
		csrf = token(page);
		return ms;
	}

	/** CRLF for LF (or LF for CRLF): bytes 0x0D and 0x0A never occur inside a GBK or UTF-8 character. */
	static byte[] otherLineEndings(byte[] bytes) {
		boolean crlf = false;
		for (byte b : bytes) {
			crlf |= b == '\r';
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 256);
		for (byte b : bytes) {
			if (crlf && b == '\r') {
				continue;
			}
			if (!crlf && b == '\n') {
				out.write('\r');
			}
			out.write(b);
		}
		return out.toByteArray();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String form(String... pairs) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			if (s.length() > 0) {
				s.append('&');
			}
			s.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return s.toString();
	}

	private static String token(HttpResponse<String> page) {
		Matcher m = CSRF.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on " + page.uri());
		}
		return m.group(1);
	}

}
