package com.acme.booking.health;

import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RunningService
class HealthApiTest {

	@LocalServerPort
	int port;

	@Test
	void overallHealthReportsEveryPart() {
		Http.Response health = new Http(port).get("/api/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(health.json().path("database").path("status").asString()).isEqualTo("UP");
		assertThat(health.json().path("temporal").path("status").asString()).isEqualTo("UP");
		assertThat(health.json().path("calendar").path("status").asString()).isEqualTo("DISABLED");
		assertThat(health.json().path("crm").path("status").asString()).isEqualTo("DISABLED");
		assertThat(health.json().path("caches").path("availability.slots").has("hitRate")).isTrue();
		assertThat(health.json().path("caches").path("crm.contact-ids").has("size")).isTrue();
	}

	@Test
	void cacheStatisticsCountAWarmListing() {
		Http http = new Http(port);
		String query = "/api/bookings/available-slots?startDate=" + Slots.today().plusDays(10) + "&endDate="
				+ Slots.today().plusDays(12);
		long hitsBefore = http.get("/api/health")
			.json()
			.path("caches")
			.path("availability.slots")
			.path("hits")
			.asLong();

		http.get(query);
		http.get(query);

		long hitsAfter = http.get("/api/health").json().path("caches").path("availability.slots").path("hits").asLong();
		assertThat(hitsAfter).isGreaterThan(hitsBefore);
	}

	@Test
	void disabledIntegrationsAreHealthy() {
		Http http = new Http(port);
		for (String part : new String[] { "calendar", "crm" }) {
			Http.Response response = http.get("/api/health/" + part);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().path("status").asString()).isEqualTo("DISABLED");
		}
	}

}
