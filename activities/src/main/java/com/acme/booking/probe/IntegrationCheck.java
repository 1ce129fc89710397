package com.acme.booking.probe;

import java.util.List;

/**
 * Verifies an integration's credentials against the real API, for the
 * {@code --check-integrations} run mode. Each enabled integration contributes one; a
 * disabled one reports that it is disabled and passes.
 */
public interface IntegrationCheck {

	/** {@code calendar} or {@code crm}. */
	String name();

	/** Makes real calls; never throws. */
	CheckReport verify();

	/**
	 * @param ok whether the integration works as configured (or is disabled)
	 * @param lines readable findings, one per line, no secrets
	 */
	record CheckReport(boolean ok, List<String> lines) {
	}

}
