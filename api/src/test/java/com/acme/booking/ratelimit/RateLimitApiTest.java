package com.acme.booking.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.acme.booking.web.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three requests a minute per client, so the fourth is refused; the switched-off case is
 * in SlotsApiTest. Behind a proxy as docs/deployment.md says: Tomcat takes the client's
 * address from {@code X-Forwarded-For} only when the configured proxy (here 127.0.0.1)
 * sent it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "booking.embedded.data-dir=target/test-data/${random.uuid}",
				"booking.embedded.clean-on-start=true", "booking.embedded.synchronous-commit=off",
				"booking.embedded.fsync=off", "spring.temporal.test-server.enabled=true",
				"booking.rate-limit.requests-per-minute=3", "booking.admin.api-key=" + RateLimitApiTest.ADMIN,
				"server.forward-headers-strategy=native",
				"server.tomcat.remoteip.internal-proxies=" + RateLimitApiTest.PROXY })
class RateLimitApiTest {

	/** The load balancer, as a regular expression: loopback's first address only. */
	static final String PROXY = "127\\.0\\.0\\.1";

	private static final String SLOTS = "/api/bookings/available-slots?startDate=2026-12-01&endDate=2026-12-01";

	static final String ADMIN = "rate-limit-admin-key";

	private static final InetAddress PROXY_ADDRESS = address("127.0.0.1");

	private static final InetAddress UNTRUSTED = address("127.0.0.2");

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void refusesTheFourthRequestOfAMinuteWithAProblemAndRetryAfterButNeverHealthNorOperators() {
		for (int i = 0; i < 3; i++) {
			assertThat(get(SLOTS).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = get(SLOTS);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
		JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
		assertThat(problem.path("type").asString()).isEqualTo(Problems.BASE + Problems.RATE_LIMITED);
		assertThat(problem.path("status").asInt()).isEqualTo(429);
		assertThat(problem.path("detail").asString()).contains("retry after");
		// Refused before the security filter chain, still with the security headers.
		assertThat(refused.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
		assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

		assertThat(get("/api/health").statusCode()).isNotEqualTo(429);
		assertThat(get("/api/health/calendar").statusCode()).isNotEqualTo(429);
		assertThat(get(SLOTS).statusCode()).isEqualTo(429);

		// Operators are never limited; a wrong key does not help.
		for (int i = 0; i < 10; i++) {
			assertThat(get(SLOTS, "X-Api-Key", ADMIN).statusCode()).isEqualTo(200);
		}
		assertThat(get("/api/admin/bookings", "X-Api-Key", ADMIN).statusCode()).isEqualTo(200);
		assertThat(get(SLOTS, "X-Api-Key", "not-the-key").statusCode()).isEqualTo(429);
	}

	@Test
	void aClientThatIsNotTheProxyCannotPassForOthersByRotatingXForwardedFor() throws IOException {
		for (int i = 1; i <= 3; i++) {
			assertThat(getFrom(UNTRUSTED, SLOTS, "X-Forwarded-For", "198.51.100." + i)).startsWith("HTTP/1.1 200");
		}

		assertThat(getFrom(UNTRUSTED, SLOTS, "X-Forwarded-For", "198.51.100.4")).startsWith("HTTP/1.1 429");
		assertThat(getFrom(UNTRUSTED, SLOTS, "X-Forwarded-For", "198.51.100.5, 198.51.100.6"))
			.startsWith("HTTP/1.1 429");
	}

	@Test
	void theProxysForwardedAddressIsTheClient() throws IOException {
		for (int i = 0; i < 3; i++) {
			assertThat(getFrom(PROXY_ADDRESS, SLOTS, "X-Forwarded-For", "203.0.113.7")).startsWith("HTTP/1.1 200");
		}

		assertThat(getFrom(PROXY_ADDRESS, SLOTS, "X-Forwarded-For", "203.0.113.7")).startsWith("HTTP/1.1 429");
		// Another client behind the same proxy has its own limit; a client's own
		// X-Forwarded-For, which the proxy appends to, does not count.
		assertThat(getFrom(PROXY_ADDRESS, SLOTS, "X-Forwarded-For", "203.0.113.8")).startsWith("HTTP/1.1 200");
		assertThat(getFrom(PROXY_ADDRESS, SLOTS, "X-Forwarded-For", "192.0.2.1, 203.0.113.7"))
			.startsWith("HTTP/1.1 429");
	}

	/**
	 * A GET sent from {@code localAddress} (loopback answers on all of 127/8), which an
	 * HTTP client cannot choose.
	 */
	private String getFrom(InetAddress localAddress, String path, String... headers) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, localAddress, 0)) {
			StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
			for (int i = 0; i < headers.length; i += 2) {
				request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> get(String path, String... headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
			for (int i = 0; i < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
