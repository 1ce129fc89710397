package com.acme.booking.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Google and HubSpot, both enabled and both down: one WireMock server answers Google's
 * token endpoint (so the credentials work) and 503 to everything else, in each API's own
 * error format.
 */
final class OutsideDown implements AutoCloseable {

	static final String CALENDAR_ID = "bookings@group.calendar.google.com";

	static final String HUBSPOT_TOKEN = "pat-na1-2f1c8a3e-4b5d-4c6e-8f90-123456789abc";

	/** The paths of the two health probes (the sync never reads them). */
	static final String GOOGLE_PROBE = "/calendar/v3/calendars/" + CALENDAR_ID;

	static final String HUBSPOT_PROBE = "/crm/v3/objects/contacts?limit=1";

	final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

	private final Path keyFile;

	OutsideDown() {
		server.start();
		keyFile = writeKeyFile(server.baseUrl() + "/token");
		server.stubFor(post("/token").willReturn(okJson("""
				{"access_token": "ya29.test", "expires_in": 3599, "token_type": "Bearer"}""")));
		server.stubFor(any(urlPathMatching("/calendar/.*")).atPriority(5).willReturn(googleDown()));
		server.stubFor(any(anyUrl()).atPriority(10).willReturn(hubSpotDown()));
	}

	void register(DynamicPropertyRegistry properties) {
		properties.add("booking.calendar.enabled", () -> "true");
		properties.add("booking.calendar.calendar-id", () -> CALENDAR_ID);
		properties.add("booking.calendar.service-account-file", keyFile::toString);
		properties.add("booking.calendar.root-url", () -> server.baseUrl() + "/");
		properties.add("booking.crm.enabled", () -> "true");
		properties.add("booking.crm.hubspot.access-token", () -> HUBSPOT_TOKEN);
		properties.add("booking.crm.hubspot.base-url", server::baseUrl);
	}

	/** Requests for exactly this probe URL so far (the sync's calls go to other URLs). */
	long probeCalls(String url) {
		return server.getAllServeEvents()
			.stream()
			.filter(event -> URLDecoder.decode(event.getRequest().getUrl(), StandardCharsets.UTF_8).equals(url))
			.count();
	}

	private static ResponseDefinitionBuilder googleDown() {
		return aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"error": {"code": 503, "message": "The service is currently unavailable.",
							 "errors": [{"domain": "global", "reason": "backendError", "message": "The service is currently unavailable."}]}}""");
	}

	private static ResponseDefinitionBuilder hubSpotDown() {
		return aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody("""
				{"status": "error", "message": "Service down for maintenance, ask ops@hubspot.example",
				 "correlationId": "0f1e2d3c", "category": "SERVICE_UNAVAILABLE"}""");
	}

	@Override
	public void close() {
		server.stop();
		try {
			Files.deleteIfExists(keyFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A real service-account key (fresh RSA key) whose {@code token_uri} points at this
	 * server.
	 */
	private static Path writeKeyFile(String tokenUri) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			String pem = "-----BEGIN PRIVATE KEY-----\\n"
					+ Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
					+ "\\n-----END PRIVATE KEY-----\\n";
			Path file = Files.createTempFile("service-account", ".json");
			Files.writeString(file, """
					{"type": "service_account", "client_id": "1000", "private_key_id": "0123", "private_key": "%s",
					 "client_email": "booking-sync@acme-booking.iam.gserviceaccount.com", "token_uri": "%s"}"""
				.formatted(pem, tokenUri), StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
