package com.acme.booking.crm;

import com.acme.booking.sync.HealthReport;
import com.acme.booking.sync.IntegrationHealth;

/**
 * {@code GET /api/health/crm}: one real, cheap HubSpot read (a single contact) outside the circuit breaker, with the
 * breaker's state beside it.
 */
class CrmHealth implements IntegrationHealth {

	static final String PROBE = "/crm/v3/objects/contacts?limit=1";

	private final CrmProperties properties;

	private final HubSpotClient client;

	CrmHealth(CrmProperties properties, HubSpotClient client) {
		this.properties = properties;
		this.client = client;
	}

	@Override
	public String name() {
		return "crm";
	}

	@Override
	public HealthReport check() {
		if (!properties.enabled()) {
			return HealthReport.disabled();
		}
		return HealthReport.probe(() -> client.probe("read one contact", PROBE),
				ex -> ex instanceof HubSpotCallFailed call ? summary(call) : HealthReport.plain(ex),
				client.breaker().getState().name());
	}

	static String summary(HubSpotCallFailed ex) {
		String status = ex.status() == 0 ? "no answer" : "HTTP " + ex.status();
		String category = ex.body().category() == null ? "" : " " + ex.body().category();
		String message = ex.body().message() == null ? "" : ": " + ex.body().message();
		return status + category + message;
	}

}
