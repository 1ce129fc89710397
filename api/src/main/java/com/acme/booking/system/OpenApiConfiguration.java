package com.acme.booking.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description, including the choices API.md leaves open (served at /v3/api-docs). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String DESCRIPTION = """
			Booking backend: free slots, bookings, and their sync to Google Calendar and HubSpot.

			Errors are RFC 9457 problems; `type` is `https://booking.example.com/problems/<slug>`.

			Choices where the contract is silent:
			- `X-Booking-Token` (manage token, returned once by POST) or `X-Api-Key` (admin) authorise reading and
			  changing a booking; a wrong or missing one is 404, so a booking's existence is not revealed. A malformed
			  booking id is also 404.
			- Changing a cancelled booking is 409 with type `booking-cancelled`; cancelling it again is 200.
			- A PATCH with no field is 400. `durationMinutes` alone moves the end time and obeys the slot rules.
			- `timeZone` in a POST is the customer's IANA zone, kept for display; the business zone when absent.
			- Bookings carry `calendarSyncError` / `crmSyncError` when they need manual sync, for the operator.
			- `GET /api/health` is `DOWN` (503) when PostgreSQL or Temporal is down, `DEGRADED` (200) when only Google
			  or HubSpot is down (bookings are still taken and synced later), else `UP`; it also shows cache statistics.
			- The rate limit is per client address as the server sees it; behind a proxy set
			  `server.forward-headers-strategy=framework`.
			- `GET /api/admin/bookings/{id}/messages` lists the booking's emails, oldest first: `kind` (`CONFIRMATION`,
			  `UPDATE`, `CANCELLATION`, `REMINDER`), `revision`, `delivery` (`SENT`, `RECORDED` with mail disabled,
			  `SENDING`, `FAILED`), `subject`, `recipients`, `recordedAt`, `sentAt`, `text`, `icsSequence`.
			- Bookings carry `requiresManualMailSync` / `mailSyncError` when their email could not be sent within the
			  retry policy; `needsManualSync=true` and the admin sync cover the email too.
			""";

	@Bean
	OpenAPI bookingOpenApi() {
		return new OpenAPI().info(new Info().title("Booking API").version("0.1.0").description(DESCRIPTION));
	}

}
