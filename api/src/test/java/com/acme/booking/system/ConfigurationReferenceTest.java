package com.acme.booking.system;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.acme.booking.system.ConfigurationReference.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md is the one configuration reference, so it must be what the
 * records' Javadoc says, and the records must keep the contract's names and defaults.
 */
class ConfigurationReferenceTest {

	/**
	 * The contract's properties (API.md, "Configuration contract") and their defaults;
	 * null where the contract names none.
	 */
	private static final Map<String, String> CONTRACT = contract();

	@Test
	void docsConfigurationMdIsWhatTheGeneratorRenders() throws IOException {
		String rendered = ConfigurationReference.render();
		if (Boolean.getBoolean(ConfigurationReference.WRITE_PROPERTY)) {
			Files.writeString(ConfigurationReference.FILE, rendered);
		}
		assertThat(Files.readString(ConfigurationReference.FILE))
			.withFailMessage("docs/configuration.md is out of date; regenerate it: %s",
					ConfigurationReference.REGENERATE)
			.isEqualTo(rendered);
	}

	@Test
	void everyBookingPropertyIsDescribed() throws IOException {
		List<Property> properties = ConfigurationReference.bookingProperties();

		assertThat(properties).hasSizeGreaterThan(50);
		assertThat(properties)
			.filteredOn(property -> ConfigurationReference.description(property.description()).isBlank())
			.extracting(Property::name)
			.as("booking.* properties without Javadoc")
			.isEmpty();
	}

	@Test
	void theContractsPropertiesKeepTheirNamesAndDefaults() throws IOException {
		Map<String, Property> byName = ConfigurationReference.bookingProperties()
			.stream()
			.collect(Collectors.toMap(Property::name, Function.identity()));

		assertThat(byName).containsKeys(CONTRACT.keySet().toArray(String[]::new));
		CONTRACT.entrySet()
			.stream()
			.filter(entry -> entry.getValue() != null)
			.forEach(entry -> assertThat(ConfigurationReference.shownDefault(byName.get(entry.getKey())))
				.as(entry.getKey())
				.isEqualTo(entry.getValue()));
	}

	private static Map<String, String> contract() {
		Map<String, String> contract = new LinkedHashMap<>();
		contract.put("booking.rules.time-zone", "Europe/London");
		contract.put("booking.rules.default-duration", "30m");
		contract.put("booking.rules.min-duration", "15m");
		contract.put("booking.rules.max-duration", "4h");
		contract.put("booking.rules.slot-step", "30m");
		contract.put("booking.rules.buffer", "15m");
		contract.put("booking.rules.min-notice", "2h");
		contract.put("booking.rules.max-advance", "90d");
		contract.put("booking.rules.max-range-days", "30");
		contract.put("booking.rules.frequency.max-bookings", "3");
		contract.put("booking.rules.frequency.window", "7d");
		contract.put("booking.calendar.enabled", "false");
		contract.put("booking.calendar.calendar-id", "");
		contract.put("booking.calendar.service-account-file", "");
		contract.put("booking.calendar.root-url", "https://www.googleapis.com/");
		contract.put("booking.crm.enabled", "false");
		contract.put("booking.crm.hubspot.access-token", "");
		contract.put("booking.crm.hubspot.base-url", "https://api.hubapi.com");
		contract.put("booking.sync.retry.initial-interval", "2s");
		contract.put("booking.sync.retry.maximum-interval", "10m");
		contract.put("booking.sync.retry.backoff-coefficient", "2.0");
		contract.put("booking.sync.retry.maximum-attempts", "12");
		contract.put("booking.sync.retry.background-interval", "15m");
		contract.put("booking.rate-limit.enabled", "true");
		contract.put("booking.rate-limit.requests-per-minute", "60");
		contract.put("booking.admin.api-key", "");
		contract.put("booking.mail.enabled", "false");
		contract.put("booking.mail.from", "");
		contract.put("booking.mail.reminder-before", "24h");
		contract.put("booking.business.name", null);
		contract.put("booking.business.email", null);
		contract.put("booking.business.phone", null);
		contract.put("booking.public-url", "http://localhost:8080");
		contract.put("booking.health.probe-interval", "1m");
		contract.put("booking.temporal.mode", "auto");
		contract.put("booking.temporal.dev-server.path", "");
		contract.put("booking.temporal.dev-server.port", "7233");
		contract.put("booking.temporal.dev-server.ui-port", "8233");
		contract.put("booking.embedded.data-dir", "./data");
		return contract;
	}

}
