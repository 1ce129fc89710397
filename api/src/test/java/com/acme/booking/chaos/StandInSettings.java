package com.acme.booking.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's settings for a run against the stand-ins: both integrations on and
 * pointed at them, short timeouts and fast retries (so that hundreds of faults play out
 * in a minute or two), and business hours all day, every day, in UTC (so that every whole
 * hour is a slot).
 */
final class StandInSettings {

	private StandInSettings() {
	}

	static List<String> of(GoogleCalendarStandIn google, HubSpotStandIn hubspot, Path keyFile, Duration readTimeout) {
		String read = readTimeout.toMillis() + "ms";
		List<String> settings = new ArrayList<>(List.of("booking.calendar.enabled=true",
				"booking.calendar.calendar-id=" + GoogleCalendarStandIn.CALENDAR_ID,
				"booking.calendar.root-url=" + google.baseUrl() + "/",
				"booking.calendar.service-account-file=" + keyFile, "booking.calendar.connect-timeout=1s",
				"booking.calendar.read-timeout=" + read, "booking.calendar.circuit-breaker.wait-in-open-state=2s",
				"booking.crm.enabled=true",
				"booking.crm.hubspot.access-token=pat-na1-2f1c8a3e-4b5d-4c6e-8f90-123456789abc",
				"booking.crm.hubspot.base-url=" + hubspot.baseUrl(), "booking.crm.hubspot.connect-timeout=1s",
				"booking.crm.hubspot.read-timeout=" + read, "booking.crm.hubspot.default-rate-limit-delay=1s",
				"booking.crm.circuit-breaker.wait-in-open-state=2s", "booking.sync.retry.initial-interval=100ms",
				"booking.sync.retry.maximum-interval=1s", "booking.sync.retry.maximum-attempts=40",
				"booking.rules.time-zone=UTC",
				// Failed attempts are the point here: their warnings would drown what
				// matters (lost signals, stuck work).
				"logging.level.com.acme.booking.calendar=ERROR", "logging.level.com.acme.booking.crm=ERROR",
				"logging.level.io.temporal=ERROR"));
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			settings.add("booking.rules.business-hours." + day + "=00:00-24:00");
		}
		return settings;
	}

	/**
	 * The customer's emails on, sent through {@code smtp}'s relay with JavaMail timeouts
	 * as short as the APIs' (the default attempt timeout covers them many times over).
	 */
	static List<String> mail(SmtpStandIn smtp, Duration readTimeout) {
		String millis = String.valueOf(readTimeout.toMillis());
		return List.of("booking.mail.enabled=true",
				"booking.mail.from=Chaos Consulting <bookings@" + MailCheck.DOMAIN + ">", "spring.mail.host=127.0.0.1",
				"spring.mail.port=" + smtp.port(), "spring.mail.properties[mail.smtp.connectiontimeout]=" + millis,
				"spring.mail.properties[mail.smtp.timeout]=" + millis,
				"spring.mail.properties[mail.smtp.writetimeout]=" + millis,
				"spring.mail.properties[mail.smtp.quitwait]=false",
				// Slots start a day or two ahead: a run that passes midnight would meet
				// reminders, which the check does not expect.
				"booking.mail.reminder-before=0", "logging.level.com.acme.booking.mail=ERROR",
				// GreenMail announces every new mailbox.
				"logging.level.com.icegreen.greenmail=WARN");
	}

}
