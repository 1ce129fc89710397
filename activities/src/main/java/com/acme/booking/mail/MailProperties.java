package com.acme.booking.mail;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The customer's emails ({@code booking.mail.*}); the SMTP server is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param enabled whether emails are sent over SMTP (the server is
 * {@code spring.mail.host}); when false they are rendered and kept for {@code GET
 * /api/admin/bookings/{id}/messages} only
 * @param from the sender, for example {@code Acme Consulting <bookings@acme.example>};
 * required when enabled
 * @param reminderBefore how long before the appointment the reminder goes out; an
 * appointment booked closer than that gets none; {@code 0} turns reminders off
 */
@Validated
@ConfigurationProperties("booking.mail")
public record MailProperties(@DefaultValue("false") boolean enabled, String from,
		@NotNull @DefaultValue("24h") Duration reminderBefore) {

	public MailProperties {
		if (enabled && !StringUtils.hasText(from)) {
			throw new IllegalArgumentException("booking.mail.from must be set when booking.mail.enabled=true");
		}
		if (reminderBefore != null && reminderBefore.isNegative()) {
			throw new IllegalArgumentException("booking.mail.reminder-before must not be negative");
		}
	}

	/** Whether reminders are sent (or recorded) at all. */
	boolean reminders() {
		return !reminderBefore.isZero();
	}

}
