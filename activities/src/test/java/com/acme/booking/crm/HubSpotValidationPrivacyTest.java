package com.acme.booking.crm;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HubSpot's validation messages quote the values they refuse. The failure message becomes
 * Temporal history and the booking's crm_sync_error, shown to operators, so it must keep
 * only HubSpot's codes and property names.
 */
class HubSpotValidationPrivacyTest {

	private static final String QUOTING_MESSAGE = "Property values were not valid: [{\"isValid\":false,"
			+ "\"message\":\"Email address ada@@example.com is invalid\",\"error\":\"INVALID_EMAIL\",\"name\":\"email\"},"
			+ "{\"isValid\":false,\"message\":\"+44 7700 900123 is not a valid phone for Ada Lovelace\","
			+ "\"error\":\"INVALID_PHONE_NUMBER\",\"name\":\"phone\"}]";

	@Test
	void embeddedValidationListKeepsCodesAndPropertiesButNoQuotedValues() {
		ApplicationFailure failure = classify(
				new HubSpotCallFailed.Body("error", QUOTING_MESSAGE, "c-1", "VALIDATION_ERROR", null, null));

		assertThat(failure.getOriginalMessage()).contains("VALIDATION_ERROR", "INVALID_EMAIL", "INVALID_PHONE_NUMBER",
				"email", "phone", "c-1");
		assertNoPersonalData(failure);
	}

	@Test
	void structuredErrorsKeepCodesAndPropertiesButNoQuotedValues() {
		List<HubSpotCallFailed.Detail> errors = List.of(
				new HubSpotCallFailed.Detail("Email address ada@@example.com is invalid", "INVALID_EMAIL",
						Map.of("propertyName", List.of("email"))),
				new HubSpotCallFailed.Detail("Ada Lovelace has +44 7700 900123", "INVALID_PHONE_NUMBER",
						Map.of("propertyName", List.of("phone"), "value", List.of("+44 7700 900123"))));
		ApplicationFailure failure = classify(new HubSpotCallFailed.Body("error",
				"Ada Lovelace: ada@@example.com, +44 7700 900123", "c-2", "VALIDATION_ERROR", null, errors));

		assertThat(failure.getOriginalMessage()).contains("VALIDATION_ERROR", "INVALID_EMAIL", "INVALID_PHONE_NUMBER",
				"property email, phone", "c-2");
		assertNoPersonalData(failure);
	}

	private static ApplicationFailure classify(HubSpotCallFailed.Body body) {
		return CrmFailures.classify(new HubSpotCallFailed("create contact", 400, body, null, null),
				Duration.ofSeconds(10), Duration.ofSeconds(30));
	}

	private static void assertNoPersonalData(ApplicationFailure failure) {
		assertThat(failure.getOriginalMessage()).doesNotContain("ada@", "example.com", "7700", "900123", "Ada",
				"Lovelace");
		assertThat(failure.getCause()).isNull();
	}

}
