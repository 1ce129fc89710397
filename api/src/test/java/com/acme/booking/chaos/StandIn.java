package com.acme.booking.chaos;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.acme.booking.chaos.ChaosPlan.Fault;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER;

/**
 * A stateful WireMock stand-in for an outside API: a catch-all stub whose answers a
 * subclass computes from the state it keeps, with the {@link ChaosPlan}'s faults laid on
 * top. A lost answer is lost after the write was done, as when the network drops the
 * response.
 */
abstract class StandIn implements ResponseDefinitionTransformerV2, AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CUSTOMER = Pattern.compile("(?i)chaos[- ][a-z-]*\\d+");

	private final ChaosPlan plan;

	private final Duration readTimeout;

	private final Duration latency;

	private final WireMockServer server;

	/**
	 * @param latency how long every answer takes at least (the token endpoint's aside)
	 */
	StandIn(ChaosPlan plan, Duration readTimeout, Duration latency) {
		this.plan = plan;
		this.readTimeout = readTimeout;
		this.latency = latency;
		this.server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64).extensions(this));
		server.start();
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
	}

	String baseUrl() {
		return server.baseUrl();
	}

	/**
	 * The key a call's fault is drawn for; null for a call that never fails (the token
	 * endpoint).
	 */
	abstract String faultKey(Request request, String path);

	/** The stand-in's answer, computed and applied under one lock. */
	abstract ResponseDefinitionBuilder answer(Request request, String path);

	/**
	 * The method meant: Google's Java client sends PATCH as POST with
	 * {@code X-HTTP-Method-Override}.
	 */
	static String method(Request request) {
		String override = request.getHeader("X-HTTP-Method-Override");
		return override != null ? override : request.getMethod().getName();
	}

	abstract ResponseDefinitionBuilder serverError();

	abstract ResponseDefinitionBuilder rateLimited();

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		Request request = event.getRequest();
		String path = request.getUrl().split("\\?", 2)[0];
		String key = faultKey(request, path);
		Fault fault = key == null ? Fault.NONE : plan.next(getName(), method(request) + " " + key);
		switch (fault) {
			case SERVER_ERROR:
				return serverError().build();
			case RATE_LIMITED:
				return rateLimited().withHeader("Retry-After", "1").build();
			default:
				break;
		}
		ResponseDefinitionBuilder answer;
		synchronized (this) {
			answer = answer(request, path);
		}
		return switch (fault) {
			case SLOW -> answer.withFixedDelay((int) (readTimeout.toMillis() / 3)).build();
			case LOST_RESET -> answer.withFault(CONNECTION_RESET_BY_PEER).build();
			case LOST_TIMEOUT -> answer.withFixedDelay((int) (readTimeout.toMillis() * 3 / 2)).build();
			default -> key == null || latency.isZero() ? answer.build()
					: answer.withFixedDelay((int) latency.toMillis()).build();
		};
	}

	@Override
	public String getName() {
		return getClass().getSimpleName();
	}

	static JsonNode body(Request request) {
		String text = request.getBodyAsString();
		return JSON.readTree(text == null || text.isBlank() ? "{}" : text);
	}

	static ResponseDefinitionBuilder json(int status, Object body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=UTF-8")
			.withBody(body instanceof String text ? text : JSON.writeValueAsString(body));
	}

	/**
	 * The test customer a text is about ("Chaos 17", "chaos-17@…"), so that a fault key
	 * survives a replay.
	 */
	static String customer(String text, String fallback) {
		Matcher matcher = CUSTOMER.matcher(text == null ? "" : text);
		return matcher.find() ? matcher.group().toLowerCase(Locale.ROOT).replace(' ', '-') : fallback;
	}

	@Override
	public void close() {
		server.stop();
	}

}
