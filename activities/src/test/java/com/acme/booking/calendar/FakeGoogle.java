package com.acme.booking.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock server speaking Google's wire format: the OAuth token endpoint of a service
 * account key generated at test time (JWT bearer grant) and the Calendar v3 API under
 * {@code /calendar/v3/}, with Google's error bodies.
 */
public final class FakeGoogle implements AutoCloseable {

	public static final String CALENDAR_ID = "bookings@group.calendar.google.com";

	static final String CLIENT_EMAIL = "booking-sync@acme-booking.iam.gserviceaccount.com";

	static final String ACCESS_TOKEN = "ya29.test-access-token";

	static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	public final WireMockServer server;

	public final Path keyFile;

	/**
	 * @param extensions answers stubs can name, such as {@link GoogleEventStore}
	 */
	public FakeGoogle(Extension... extensions) {
		server = new WireMockServer(wireMockConfig().dynamicPort().extensions(extensions));
		server.start();
		keyFile = writeKeyFile(server.baseUrl() + "/token");
		stubToken();
		stubNoEvents();
	}

	public String rootUrl() {
		return server.baseUrl() + "/";
	}

	CalendarProperties properties() {
		return properties(Duration.ofSeconds(2), new CalendarProperties.CircuitBreaker(50, 10, 5,
				Duration.ofSeconds(30), 3, Duration.ofSeconds(30), Duration.ofSeconds(2)));
	}

	CalendarProperties properties(Duration readTimeout, CalendarProperties.CircuitBreaker breaker) {
		return new CalendarProperties(true, CALENDAR_ID, keyFile.toString(), rootUrl(), Duration.ofSeconds(2),
				readTimeout, null, false, CalendarProperties.SendUpdates.NONE, breaker);
	}

	/** Clears requests and stubs, then answers tokens again and lists no events. */
	public void reset() {
		server.resetAll();
		stubToken();
		stubNoEvents();
	}

	/**
	 * The calendar holds no events of the owner: the sync's clash check finds nothing
	 * (tests stub their own). Reading one event by id finds it, live, with an etag: the
	 * read that comes before every patch.
	 */
	void stubNoEvents() {
		stub(get(eventsUrl()).atPriority(10).willReturn(eventList()));
		stub(get(anyEventUrl()).atPriority(10).willReturn(eventJson("event")));
	}

	/**
	 * Inserts and every call on one event are answered by {@code store}, which must be
	 * among the constructor's extensions; lists keep their stubs.
	 */
	void serveEventsFrom(GoogleEventStore store) {
		stub(post(eventsUrl()).atPriority(5).willReturn(aResponse().withTransformers(store.getName())));
		stub(any(anyEventUrl()).atPriority(5).willReturn(aResponse().withTransformers(store.getName())));
	}

	/**
	 * Lists too are answered by {@code store} (with sync tokens), on top of
	 * {@link #serveEventsFrom}.
	 */
	void serveListsFrom(GoogleEventStore store) {
		stub(get(eventsUrl()).atPriority(5).willReturn(aResponse().withTransformers(store.getName())));
	}

	/**
	 * Google's {@code events.list} answer. Each event is
	 * {@code "<id> <start> <end> [transparent] [booking]"}: {@code transparent} shows it
	 * as free, {@code booking} marks it as made by this service (bookingId property).
	 */
	static ResponseDefinitionBuilder eventList(String... events) {
		StringBuilder items = new StringBuilder();
		for (String event : events) {
			String[] parts = event.split(" ");
			items.append(items.isEmpty() ? "" : ",")
				.append("{\"kind\": \"calendar#event\", \"id\": \"")
				.append(parts[0])
				.append("\", \"status\": \"confirmed\", \"start\": {\"dateTime\": \"")
				.append(parts[1])
				.append("\"}, \"end\": {\"dateTime\": \"")
				.append(parts[2])
				.append("\"}")
				.append(event.contains(" transparent") ? ", \"transparency\": \"transparent\"" : "")
				.append(event.contains(" booking") ? ", \"extendedProperties\": {\"private\": {\"bookingId\": \"b\"}}"
						: "")
				.append('}');
		}
		return okJson("{\"kind\": \"calendar#events\", \"items\": [" + items + "]}");
	}

	void stubToken() {
		server.stubFor(post("/token").withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withRequestBody(containing("grant_type=" + URLEncoder.encode(JWT_BEARER, StandardCharsets.UTF_8)))
			.withRequestBody(containing("assertion="))
			.willReturn(okJson(
					"{\"access_token\": \"" + ACCESS_TOKEN + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
	}

	public void stub(MappingBuilder mapping) {
		server.stubFor(mapping.withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
	}

	static String calendarPath() {
		return "/calendar/v3/calendars/" + CALENDAR_ID;
	}

	public static UrlPattern eventsUrl() {
		return WireMock.urlPathEqualTo(calendarPath() + "/events");
	}

	public static UrlPattern eventUrl(String eventId) {
		return WireMock.urlPathEqualTo(calendarPath() + "/events/" + eventId);
	}

	static UrlPattern anyEventUrl() {
		return WireMock.urlPathMatching(Pattern.quote(calendarPath() + "/events/") + "[a-v0-9]+");
	}

	/**
	 * Google's error body: {@code {"error": {"code", "message", "errors": [{"domain",
	 * "reason", "message"}]}}}.
	 */
	public static ResponseDefinitionBuilder googleError(int code, String domain, String reason, String message) {
		return aResponse().withStatus(code).withHeader("Content-Type", "application/json; charset=UTF-8").withBody("""
				{
				  "error": {
				    "errors": [{"domain": "%s", "reason": "%s", "message": "%s"}],
				    "code": %d,
				    "message": "%s"
				  }
				}""".formatted(domain, reason, message, code, message));
	}

	static ResponseDefinitionBuilder duplicate() {
		return googleError(409, "global", "duplicate", "The requested identifier already exists.");
	}

	static ResponseDefinitionBuilder deleted() {
		return googleError(410, "global", "deleted", "Resource has been deleted");
	}

	static ResponseDefinitionBuilder notFound() {
		return googleError(404, "global", "notFound", "Not Found");
	}

	static ResponseDefinitionBuilder backendError() {
		return googleError(500, "global", "backendError", "Backend Error");
	}

	static ResponseDefinitionBuilder rateLimited(int code, String reason) {
		return googleError(code, "usageLimits", reason, "Rate Limit Exceeded");
	}

	public static ResponseDefinitionBuilder eventJson(String eventId) {
		return okJson("""
				{"kind": "calendar#event", "id": "%s", "status": "confirmed", "etag": "\\"3412\\"",
				 "htmlLink": "https://www.google.com/calendar/event?eid=x", "summary": "Booking"}"""
			.formatted(eventId));
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
	 * A real service-account key file (fresh RSA key) whose {@code token_uri} points at
	 * this server.
	 */
	static Path writeKeyFile(String tokenUri) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			String pem = "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(pair.getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n";
			String json = """
					{
					  "type": "service_account",
					  "project_id": "acme-booking",
					  "private_key_id": "0123456789abcdef",
					  "private_key": "%s",
					  "client_email": "%s",
					  "client_id": "100000000000000000001",
					  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
					  "token_uri": "%s",
					  "universe_domain": "googleapis.com"
					}""".formatted(pem.replace("\n", "\\n"), CLIENT_EMAIL, tokenUri);
			Path file = Files.createTempFile("service-account", ".json");
			file.toFile().deleteOnExit();
			Files.writeString(file, json);
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
