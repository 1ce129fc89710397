package com.acme.booking.system;

import java.util.ArrayList;
import java.util.List;

import com.acme.booking.calendar.CalendarMirrorProperties;
import com.acme.booking.calendar.CalendarProperties;
import com.acme.booking.core.BookingRulesProperties;
import com.acme.booking.crm.CrmProperties;
import com.acme.booking.laptop.temporal.TemporalServerProperties;
import com.acme.booking.ratelimit.RateLimitProperties;
import com.acme.booking.sync.SyncProperties;
import com.acme.booking.token.PublicUrlProperties;
import com.acme.booking.web.WebProperties;
import com.acme.booking.webhook.WebhookProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every {@code booking.*} property is checked when the service starts, and a wrong value
 * stops it with a message that names the property, as the operator reads it in the
 * start-up report.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationValidationTest {

	@Test
	void startsWithTheDefaults() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBean(BookingRulesProperties.class).buffer()).hasMinutes(15);
		}
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					booking.rules.buffer                       | 1d            | booking.rules.buffer
					booking.rules.buffer                       | -5m           | booking.rules.buffer
					booking.rules.slot-step                    | 0s            | booking.rules.slot-step
					booking.rules.default-duration             | -30m          | booking.rules.default-duration
					booking.rules.max-advance                  | 0d            | booking.rules.max-advance
					booking.rules.frequency.window             | 0s            | booking.rules.frequency.window
					booking.rules.min-duration                 | 5h            | booking.rules.min-duration
					booking.rules.default-duration             | 5h            | booking.rules.default-duration
					booking.rules.business-hours.MONDAY        | 17:00-09:00   | booking.rules.business-hours.MONDAY
					booking.rules.business-hours.MONDAY        | 9-17          | booking.rules.business-hours.MONDAY
					booking.rules.business-hours.FUNDAY        | 09:00-17:00   | booking.rules.business-hours.FUNDAY
					booking.rules.business-hours.TUESDAY       | 09:00-13:00,12:00-17:00 | booking.rules.business-hours.TUESDAY
					booking.rules.max-range-days               | 0             | booking.rules.max-range-days
					booking.sync.retry.initial-interval        | 0s            | booking.sync.retry.initial-interval
					booking.sync.retry.initial-interval        | 20m           | booking.sync.retry.initial-interval
					booking.sync.retry.maximum-attempts        | 0             | booking.sync.retry.maximum-attempts
					booking.sync.attempt-timeout               | -1s           | booking.sync.attempt-timeout
					booking.sync.reconcile-interval            | 0s            | booking.sync.reconcile-interval
					booking.calendar.root-url                  | googleapis    | booking.calendar.root-url
					booking.calendar.read-timeout              | 0s            | booking.calendar.read-timeout
					booking.calendar.circuit-breaker.failure-rate-threshold | 150 | booking.calendar.circuit-breaker.failure-rate-threshold
					booking.calendar.mirror.poll-interval      | 0s            | booking.calendar.mirror.poll-interval
					booking.calendar.mirror.max-staleness      | 5s            | booking.calendar.mirror.max-staleness
					booking.crm.hubspot.base-url               | api.hubapi.com | booking.crm.hubspot.base-url
					booking.crm.contact-cache-ttl              | -1m           | booking.crm.contact-cache-ttl
					booking.crm.hubspot.access-token           | nope          | booking.crm.hubspot.access-token
					booking.rate-limit.requests-per-minute     | 0             | booking.rate-limit.requests-per-minute
					booking.web.max-body-size                  | 20MB          | booking.web.max-body-size
					booking.web.max-body-size                  | lots          | booking.web.max-body-size
					booking.public-url                         | book.example.com | booking.public-url
					booking.temporal.dev-server.sqlite-pragmas | synchronous;off | booking.temporal.dev-server.sqlite-pragmas
					booking.temporal.dev-server.niceness       | 20            | booking.temporal.dev-server.niceness
					booking.webhooks.endpoints[0].secret       | nope          | booking.webhooks.endpoints[].secret
					booking.webhooks.endpoints[0].secret       | whsec_c2hvcnQ= | booking.webhooks.endpoints[].secret
					booking.webhooks.endpoints[0].url          | ftp://hooks.example.com/b | booking.webhooks.endpoints[].url
					booking.webhooks.endpoints[0].events       | booking.deleted | booking.webhooks.endpoints[].events
					booking.webhooks.retry.initial-interval    | 2h            | booking.webhooks.retry.initial-interval
					booking.webhooks.retry.maximum-attempts    | 0             | booking.webhooks.retry.maximum-attempts
					""")
	void refusesToStartNamingTheProperty(String property, String value, String named, CapturedOutput output) {
		List<String> args = new ArrayList<>(List.of("--" + property + "=" + value));
		if (property.startsWith("booking.crm.hubspot.access-token")) {
			args.add("--booking.crm.enabled=true");
		}
		if (property.startsWith("booking.webhooks.endpoints[0]")) {
			// The endpoint's other required part, valid: only the one under test is
			// wrong.
			if (!property.endsWith(".url")) {
				args.add("--booking.webhooks.endpoints[0].url=https://hooks.example.com/bookings");
			}
			if (!property.endsWith(".secret")) {
				args.add("--booking.webhooks.endpoints[0].secret=whsec_" + "A".repeat(44));
			}
		}

		assertThatThrownBy(() -> start(args.toArray(String[]::new)).close()).isNotNull();

		// Spring names a property of a nested record in its Java form
		// (retry.initialInterval), others in kebab case.
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START");
		assertThat(output.getAll().replace("-", "").toLowerCase()).contains(named.replace("-", "").toLowerCase());
	}

	/**
	 * Starts what binds and validates the booking properties, the way the service does at
	 * start-up.
	 */
	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(AllBookingProperties.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	// SlotRules parses the business hours (package-private, so found by name).
	@ComponentScan(basePackages = "com.acme.booking.availability", useDefaultFilters = false,
			includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.SlotRules"))
	@ImportAutoConfiguration({ ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class })
	@EnableConfigurationProperties({ BookingRulesProperties.class, SyncProperties.class, CalendarProperties.class,
			CalendarMirrorProperties.class, CrmProperties.class, RateLimitProperties.class, WebProperties.class,
			PublicUrlProperties.class, TemporalServerProperties.class, WebhookProperties.class })
	static class AllBookingProperties {

	}

}
