package com.acme.booking.logging;

import java.util.regex.Pattern;

import ch.qos.logback.classic.spi.ILoggingEvent;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks email addresses in every string of a structured (JSON) log line:
 * {@code ada@example.com} becomes {@code a***@example.com}, enough to tell customers
 * apart in an incident, not enough to contact them. Named by
 * {@code logging.structured.json.customizer}; plain-text logs get the same mask from the
 * console pattern.
 */
public class MaskedEmails implements StructuredLoggingJsonMembersCustomizer<ILoggingEvent> {

	private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+\\.)");

	@Override
	public void customize(JsonWriter.Members<ILoggingEvent> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, MaskedEmails::mask));
	}

	/** Keeps the first character of the local part and the domain. */
	public static String mask(String text) {
		return text == null || text.indexOf('@') < 0 ? text : EMAIL.matcher(text).replaceAll("$1***@$2");
	}

}
