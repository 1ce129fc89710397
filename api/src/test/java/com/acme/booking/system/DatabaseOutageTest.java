package com.acme.booking.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.acme.booking.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes down under a running service: requests are refused at once with a typed
 * 503 and {@code Retry-After}, nothing half-written, and the service recovers by itself
 * when the database is back.
 */
class DatabaseOutageTest {

	@TempDir
	Path dir;

	@Test
	void answersServiceUnavailableWhileTheDatabaseIsDownAndRecoversByItself() {
		try (LocalPostgres postgres = LocalPostgres.start(dir.resolve("db"));
				RunningApp app = RunningApp.start(dir.resolve("data"), "spring.datasource.url=" + postgres.jdbcUrl(),
						"spring.datasource.username=booking", "booking.admin.api-key=outage-admin")) {
			Http http = new Http(app.port());
			Map<String, Object> booking = app.book(0);
			String path = "/api/bookings/" + booking.get("id");
			String token = (String) booking.get("manageToken");

			postgres.stop();

			Http.Response read = http.get(path, "X-Booking-Token", token);
			assertThat(read.status()).isEqualTo(503);
			assertThat(read.problemType()).isEqualTo("service-unavailable");
			assertThat(read.header("Retry-After")).isEqualTo("5");
			Http.Response create = http.post("/api/bookings",
					Map.of("name", "Grace", "email", "grace@example.com", "startTime", RunningApp.slot(1).toString()));
			assertThat(create.status()).isEqualTo(503);
			assertThat(create.header("Content-Type")).startsWith("application/problem+json");
			assertThat(create.problemType()).isEqualTo("service-unavailable");

			postgres.start();

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(http.get(path, "X-Booking-Token", token).status()).isEqualTo(200));
			assertThat(http.get("/api/admin/bookings", "X-Api-Key", "outage-admin").json().path("bookings").size())
				.as("the booking refused during the outage was not half-written")
				.isEqualTo(1);
		}
	}

}
