package com.acme.booking.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.acme.booking.BookingApiApplication;
import com.acme.booking.support.Http;
import com.acme.booking.tools.FreePorts;
import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the prod profile Prometheus, health details and the API description are for
 * operators: the admin key on the main port, or anyone who reaches
 * {@code management.server.port}, and then the main port serves none of them. The load
 * balancers' probes stay anonymous. A prod instance is started beside the test context,
 * on its database, with the in-process Temporal server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProdOperationsAccessTest {

	private static final String ADMIN = "ops-" + UUID.randomUUID() + "-" + UUID.randomUUID();

	private static final List<String> OPERATIONS = List.of("/actuator/prometheus", "/actuator/health",
			"/actuator/health/db", "/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/index.html", "/swagger-ui.html");

	private static final List<String> PROBES = List.of("/actuator/health/liveness", "/actuator/health/readiness",
			"/livez", "/readyz");

	@Autowired
	EmbeddedPostgres postgres;

	/** The Temporal server the prod instances connect to, as a production one would. */
	static TestServer.PortBoundTestServer temporal;

	static int temporalPort;

	@BeforeAll
	static void startTemporal() throws IOException {
		temporalPort = FreePorts.any();
		temporal = TestServer.createPortBoundServer(temporalPort, false);
	}

	@AfterAll
	static void stopTemporal() throws IOException {
		temporal.close();
	}

	@Test
	void operationsEndpointsNeedTheAdminKeyAndProbesNothing() {
		try (ConfigurableApplicationContext prod = startProd()) {
			Http http = new Http(port(prod));

			for (String path : OPERATIONS) {
				Http.Response anonymous = http.get(path);
				assertThat(anonymous.status()).as("%s anonymous", path).isEqualTo(401);
				assertThat(anonymous.problemType()).isEqualTo("unauthorized");
				assertThat(http.get(path, "X-Api-Key", "wrong").status()).as("%s with a wrong key", path)
					.isEqualTo(401);
			}
			assertThat(http.get("/actuator/prometheus", "X-Api-Key", ADMIN).body()).contains("booking_");
			assertThat(http.get("/v3/api-docs", "X-Api-Key", ADMIN).json().path("paths").has("/api/bookings")).isTrue();
			assertThat(http.get("/actuator/health", "X-Api-Key", ADMIN).status()).isEqualTo(200);
			for (String path : PROBES) {
				assertThat(http.get(path).status()).as("%s anonymous", path).isEqualTo(200);
			}
			assertThat(http.get("/api/health").status()).isEqualTo(200);
			assertThat(http.get("/").status()).isEqualTo(200);
		}
	}

	@Test
	void withAManagementPortTheyAreServedThereAndTheMainPortHasNone() {
		try (ConfigurableApplicationContext prod = startProd("--management.server.port=0")) {
			Http main = new Http(port(prod));
			Http management = new Http(
					Integer.parseInt(prod.getEnvironment().getRequiredProperty("local.management.port")));

			assertThat(management.get("/actuator/prometheus").body()).contains("booking_");
			assertThat(management.get("/actuator/health").status()).isEqualTo(200);
			assertThat(management.get("/actuator/openapi").json().path("paths").has("/api/bookings")).isTrue();
			for (String path : OPERATIONS) {
				assertThat(main.get(path, "X-Api-Key", ADMIN).status()).as("%s on the main port", path).isEqualTo(404);
			}
			for (String path : List.of("/livez", "/readyz")) {
				assertThat(main.get(path).status()).as("%s on the main port", path).isEqualTo(200);
			}
		}
	}

	private ConfigurableApplicationContext startProd(String... extra) {
		List<String> args = new ArrayList<>(List
			.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres",
					"--spring.datasource.password="
							+ ((PGSimpleDataSource) postgres.getPostgresDatabase()).getPassword(),
					"--server.port=0", "--spring.temporal.connection.target=localhost:" + temporalPort,
					"--booking.admin.api-key=" + ADMIN,
					"--booking.security.token-secret=" + UUID.randomUUID() + UUID.randomUUID(),
					"--booking.sync.reconciler-enabled=false"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(BookingApiApplication.class).profiles("prod")
			.run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
