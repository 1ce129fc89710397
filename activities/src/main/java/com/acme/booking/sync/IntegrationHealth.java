package com.acme.booking.sync;

/** A cheap, real call to an outside system, for {@code /api/health/calendar} and {@code /api/health/crm}. */
public interface IntegrationHealth {

	/** {@code calendar} or {@code crm}. */
	String name();

	HealthReport check();

}
