package com.acme.booking.logging;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.logging.logback.ColorConverter;
import org.springframework.boot.logging.logback.WhitespaceThrowableProxyConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-text console pattern of {@code booking-logging.yml}: correlation id shown,
 * emails masked.
 */
class PlainLogPatternTest {

	@Test
	void showsTheCorrelationIdAndMasksEmailAddressesButNotObjectIdentities() throws IOException {
		PatternLayout layout = layout(consolePattern());
		LoggerContext context = (LoggerContext) layout.getContext();
		LoggingEvent event = new LoggingEvent("test", context.getLogger("com.acme.Test"), Level.INFO,
				"Support ticket from {} via {}", null,
				new Object[] { "ada.lovelace@example.com", "org.postgresql.PgConnection@39f4a7c4" });
		event.setMDCPropertyMap(Map.of(CorrelationId.MDC_KEY, "incident-7"));

		String line = layout.doLayout(event);

		assertThat(line).contains("[incident-7]")
			.contains("Support ticket from a***@example.com via org.postgresql.PgConnection@39f4a7c4")
			.doesNotContain("ada.lovelace");
	}

	/**
	 * Outside systems quote what they were sent: an exception's message and causes are
	 * masked too, and printed once.
	 */
	@Test
	void masksEmailAddressesInTheStackTraceOfALoggedException() throws IOException {
		PatternLayout layout = layout(consolePattern());
		LoggerContext context = (LoggerContext) layout.getContext();
		RuntimeException failure = new RuntimeException("HubSpot: HTTP 400 Email ada.lovelace@example.com is invalid",
				new IllegalStateException("contact grace.hopper@example.org"));
		LoggingEvent event = new LoggingEvent("test", context.getLogger("com.acme.Test"), Level.WARN, "CRM sync failed",
				failure, null);
		event.setMDCPropertyMap(Map.of());

		String line = layout.doLayout(event);

		assertThat(line).contains("HTTP 400 Email a***@example.com is invalid")
			.contains("contact g***@example.org")
			.doesNotContain("ada.lovelace")
			.doesNotContain("grace.hopper");
		assertThat(line.split("HTTP 400", -1)).as("the stack trace is printed once").hasSize(2);
	}

	@SuppressWarnings("unchecked")
	private static String consolePattern() throws IOException {
		try (InputStream yaml = PlainLogPatternTest.class.getResourceAsStream("/booking-logging.yml")) {
			Map<String, Object> logging = (Map<String, Object>) new Yaml().<Map<String, Object>>load(yaml)
				.get("logging");
			return (String) ((Map<String, Object>) logging.get("pattern")).get("console");
		}
	}

	private static PatternLayout layout(String pattern) {
		LoggerContext context = new LoggerContext();
		PatternLayout layout = new PatternLayout();
		layout.setContext(context);
		layout.getInstanceConverterMap().put("clr", ColorConverter::new);
		layout.getInstanceConverterMap().put("wEx", WhitespaceThrowableProxyConverter::new);
		layout.setPattern(pattern);
		layout.start();
		return layout;
	}

}
