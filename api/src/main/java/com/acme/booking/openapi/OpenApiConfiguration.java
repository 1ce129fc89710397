package com.acme.booking.openapi;

import java.util.List;

import com.acme.booking.core.BookingRulesProperties;
import com.acme.booking.security.AdminKey;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description (served at /v3/api-docs, browsable at /swagger-ui.html): every
 * endpoint, every problem with its type and an example, and the two security schemes, so
 * Swagger UI has an Authorize button.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String TOKEN_SCHEME = "X-Booking-Token";

	static final String ADMIN_SCHEME = AdminKey.HEADER;

	private static final String DESCRIPTION = """
			Booking backend: free slots, bookings, and their sync to Google Calendar and HubSpot.
			The whole contract, in prose, is docs/api.md in the repository.

			Errors are RFC 9457 problems (`application/problem+json`); `type` is
			`https://booking.example.com/problems/<slug>`. The slugs: validation-failed (400), unauthorized (401),
			not-found (404), method-not-allowed (405), slot-unavailable and booking-cancelled (409),
			payload-too-large (413), unsupported-media-type (415), slot-not-offered (422), frequency-limit-exceeded
			and rate-limited (429, with Retry-After), internal-error (500), sync-unavailable and service-unavailable
			(503, the latter with Retry-After). Each appears under `components.examples`.

			Authorisation: `X-Booking-Token` (the manage token, returned once by POST) or `X-Api-Key` (operators)
			for a booking; `X-Api-Key` for `/api/admin/**`. Use the Authorize button to set them.

			Choices where the contract is silent:
			- A wrong or missing token is 404, so a booking's existence is not revealed. A malformed booking id is
			  also 404.
			- Changing a cancelled booking is 409 with type `booking-cancelled`; cancelling it again is 200.
			- A PATCH with no field is 400. `durationMinutes` alone moves the end time and obeys the slot rules.
			- `timeZone` in a POST is the customer's IANA zone, kept for display; the business zone when absent.
			- Bookings carry `calendarSyncError` / `crmSyncError` when they need manual sync, for the operator.
			- `GET /api/health` is `DOWN` (503) when PostgreSQL or Temporal is down, `DEGRADED` (200) when only Google
			  or HubSpot is down (bookings are still taken and synced later), else `UP`.
			- The rate limit is per client address as the server sees it (behind a proxy set
			  `server.forward-headers-strategy=native` and `server.tomcat.remoteip.internal-proxies`); callers with a
			  valid `X-Api-Key` are not limited.
			- Request bodies over 64 KB are refused with 413 whatever the framing (chunked included).
			- `POST /api/admin/bookings/sync` (bulk retry) takes `{"integration": "CALENDAR" | "CRM" | "MAIL" | null}`, `null` or no
			  body (all), clears that flag of every flagged booking and signals its workflow, and answers 202
			  `{"count": n}`; 503 `sync-unavailable` when Temporal took none of them (their flags are kept).
			- Request bodies are JSON: unknown fields are 400, a field that may be null is taken as absent, a whole
			  number may be written `30` or `30.0`, and a time is any RFC 3339 date-time (an offset beyond ±18:00 is
			  read as the same instant). Another media type, multipart included, is 415.
			- `GET /api/admin/bookings/{id}/messages` lists the booking's emails, oldest first: `kind` (`CONFIRMATION`,
			  `UPDATE`, `CANCELLATION`, `REMINDER`), `revision`, `delivery` (`SENT`, `RECORDED` with mail disabled,
			  `SENDING`, `FAILED`), `subject`, `recipients`, `recordedAt`, `sentAt`, `text`, `icsSequence`.
			- Bookings carry `requiresManualMailSync` / `mailSyncError` when their email could not be sent within the
			  retry policy; `needsManualSync=true` and the admin sync cover the email too.
			- With `booking.rules.verify-email=true` a new booking is `PENDING_VERIFICATION` until the customer opens the
			  link of the verification email (`GET /api/bookings/{id}/verify?code=`, anonymous with the code); a hold not
			  confirmed within `booking.rules.verification-window` becomes `CANCELLED` with
			  `cancellationReason: "VERIFICATION_EXPIRED"` (a field present only then) and frees its slot. The frequency
			  limit counts holds, expired or withdrawn ones too.
			- A manage token stops working `booking.security.manage-link-ttl` (30 days) after the appointment's end, and
			  when an operator revokes it (`POST /api/admin/bookings/{id}/manage-link`, which answers 200 with the new
			  `manageToken` and `manageUrl` and mails the new link); either is then 404 like a wrong token.
			- Message kinds also include `VERIFICATION` and `NEW_LINK`; recorded texts show links with their token or
			  code masked (`***`).
			""";

	@Bean
	OpenAPI bookingOpenApi() {
		return new OpenAPI().info(new Info().title("Booking API").version("0.1.0").description(DESCRIPTION))
			.components(new Components()
				.addSecuritySchemes(TOKEN_SCHEME,
						header(TOKEN_SCHEME, "The booking's manage token, returned once by POST /api/bookings"))
				.addSecuritySchemes(ADMIN_SCHEME, header(ADMIN_SCHEME, "The operators' key (booking.admin.api-key)")));
	}

	@Bean
	OpenApiCustomizer bookingSecurityAndErrors(BookingRulesProperties rules) {
		return api -> {
			api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> secure(path, operation)));
			OpenApiErrors.describe(api);
			OpenApiRequests.describe(api, rules);
			OpenApiLinks.describe(api);
		};
	}

	@Bean
	PropertyCustomizer plainTextPatterns() {
		return new PlainTextSchema();
	}

	/**
	 * The headers become security schemes (the Authorize button) rather than parameters
	 * of each operation.
	 */
	private static void secure(String path, Operation operation) {
		if (operation.getParameters() != null) {
			operation.getParameters()
				.removeIf(parameter -> "header".equals(parameter.getIn())
						&& List.of(TOKEN_SCHEME, ADMIN_SCHEME).contains(parameter.getName()));
		}
		if (path.startsWith("/api/admin/")) {
			operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_SCHEME));
		}
		else if (path.startsWith("/api/bookings/{id}") && !path.equals("/api/bookings/{id}/verify")) {
			operation.addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME))
				.addSecurityItem(new SecurityRequirement().addList(ADMIN_SCHEME));
		}
	}

	private static SecurityScheme header(String name, String description) {
		return new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.HEADER)
			.name(name)
			.description(description);
	}

}
