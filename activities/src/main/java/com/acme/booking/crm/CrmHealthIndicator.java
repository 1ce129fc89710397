package com.acme.booking.crm;

import java.time.Clock;

import com.acme.booking.probe.ProbedHealthIndicator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * {@code /api/health/crm}: the last probe's reading of one HubSpot contact (a real, cheap
 * read outside the circuit breaker), with the breaker's state beside it.
 */
class CrmHealthIndicator extends ProbedHealthIndicator {

	static final String PROBE = "/crm/v3/objects/contacts?limit=1";

	private final CrmProperties properties;

	private final HubSpotClient client;

	CrmHealthIndicator(CrmProperties properties, HubSpotClient client, Clock clock) {
		super(clock);
		this.properties = properties;
		this.client = client;
	}

	@Override
	protected boolean enabled() {
		return properties.enabled();
	}

	@Override
	protected void call() {
		client.probe("read one contact", PROBE);
	}

	@Override
	protected String describe(Exception error) {
		return error instanceof HubSpotCallFailed call ? summary(call)
				: error.getClass().getSimpleName() + ": " + error.getMessage();
	}

	@Override
	protected CircuitBreaker circuitBreaker() {
		return client.breaker();
	}

	static String summary(HubSpotCallFailed ex) {
		String status = ex.status() == 0 ? "no answer" : "HTTP " + ex.status();
		String category = ex.body().category() == null ? "" : " " + ex.body().category();
		String message = ex.body().message() == null ? "" : ": " + ex.body().message();
		return status + category + message;
	}

}
