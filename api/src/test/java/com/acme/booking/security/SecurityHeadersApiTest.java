package com.acme.booking.security;

import java.util.List;
import java.util.UUID;

import com.acme.booking.support.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages, their files and the API all answer with the security headers: a policy
 * without inline script that nothing may frame, no sniffing, no referrer; booking data is
 * never stored by a browser. HSTS only for an https public address (here http).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void everyAnswerCarriesTheSecurityHeaders() {
		Http http = new Http(port);
		String booking = "/api/bookings/" + UUID.randomUUID();
		for (String path : List.of("/", "/manage.html", "/book.js", "/booking.css", "/api/bookings/available-slots",
				booking, "/api/admin/bookings", "/api/health", "/nothing-here")) {
			Http.Response response = http.get(path);

			assertThat(response.header("Content-Security-Policy")).as(path)
				.isEqualTo(SecurityHeaders.POLICY)
				.contains("frame-ancestors 'none'", "script-src 'self';", "style-src 'self';")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
			assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
			assertThat(response.header("Strict-Transport-Security")).as(path).isNull();
		}
	}

	@Test
	void bookingDataIsNeverStoredButThePagesMayBeCached() {
		Http http = new Http(port);

		for (Http.Response bookingData : List.of(http.get("/api/bookings/" + UUID.randomUUID()),
				http.get("/api/bookings/available-slots"), http.get("/api/admin/bookings"),
				http.get("/api/admin/bookings", "X-Api-Key", "test-admin-key"))) {
			assertThat(bookingData.header("Cache-Control")).isEqualTo("no-store");
		}
		assertThat(http.get("/").header("Cache-Control")).isNull();
		assertThat(http.get("/book.js").header("Cache-Control")).isNull();
	}

	@Test
	void sendsNoSessionCookieAndAsksForNoPassword() {
		Http.Response refused = new Http(port).get("/api/admin/bookings");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("Set-Cookie")).isNull();
		assertThat(refused.header("WWW-Authenticate")).isNull();
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		// Nor a generated user, whose password Spring Boot would log.
		assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
	}

}
