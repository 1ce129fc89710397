package com.acme.booking.crm;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code booking.crm.*} is checked at startup when enabled, and not at all when disabled.
 */
class CrmConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void enabledWithoutTokenRefusesToStartAndSaysWhatToSet() {
		runner.withPropertyValues("booking.crm.enabled=true").run(context -> {
			assertThat(context).hasFailed();
			assertThat(chain(context.getStartupFailure())).contains("booking.crm.hubspot.access-token is not set",
					"private app");
		});
	}

	@Test
	void enabledWithSomethingElseThanAPrivateAppTokenRefusesToStartWithoutRepeatingIt() {
		String apiKey = "1a2b3c4d-aaaa-bbbb-cccc-123456789abc";
		runner.withPropertyValues("booking.crm.enabled=true", "booking.crm.hubspot.access-token=" + apiKey)
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(chain(context.getStartupFailure())).contains("pat-<region>-<uuid>", "pat-eu1-")
					.doesNotContain(apiKey);
			});
	}

	@Test
	void enabledWithPrivateAppTokensOfAnyRegionStarts() {
		for (String token : new String[] { HubSpotStubs.TOKEN, "pat-eu1-2f1c8a3e-4b5d-4c6e-8f90-123456789abc",
				"pat-ap1-2F1C8A3E-4B5D-4C6E-8F90-123456789ABC" }) {
			runner.withPropertyValues("booking.crm.enabled=true", "booking.crm.hubspot.access-token=" + token)
				.run(context -> assertThat(context).hasNotFailed()
					.getBean(CrmProperties.class)
					.satisfies(p -> assertThat(p.hubspot().toString()).doesNotContain(token)));
		}
	}

	@Test
	void disabledChecksNothing() {
		runner.withPropertyValues("booking.crm.hubspot.access-token=not-a-token")
			.run(context -> assertThat(context).hasNotFailed()
				.getBean(CrmProperties.class)
				.satisfies(p -> assertThat(p.enabled()).isFalse()));
	}

	@Test
	void defaultsMatchTheContract() {
		runner.run(context -> {
			CrmProperties properties = context.getBean(CrmProperties.class);
			assertThat(properties.hubspot().baseUrl()).isEqualTo("https://api.hubapi.com");
			assertThat(properties.contactCacheTtl()).hasMinutes(30);
		});
	}

	private static String chain(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			text.append(t).append('\n');
		}
		return text.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CrmProperties.class)
	static class PropertiesOnly {

	}

}
