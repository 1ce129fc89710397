package com.acme.booking.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.acme.booking.business.BusinessProperties;
import com.acme.booking.core.Booking;
import com.acme.booking.message.MessageKind;

/**
 * What the email templates show, already formatted; the templates escape every value.
 *
 * @param customerTime the appointment in the customer's zone (the booking's
 * {@code timeZone})
 * @param businessTime the same in the business's zone ({@code booking.rules.time-zone}),
 * null when it is the same zone
 * @param calendarLink the Google event's link when the calendar sync has succeeded
 * @param calendarFailed the calendar sync has not succeeded: the text says so and points
 * to the attachment
 * @param verifyUrl the link that confirms a hold, only in the verification email (which
 * has no manage link)
 * @param holdMinutes how long the hold waits for the confirmation
 */
record MessageView(MessageKind kind, String customerName, String customerTime, String businessTime, String businessName,
		String businessEmail, String businessPhone, String manageUrl, String calendarLink, boolean calendarFailed,
		String verifyUrl, long holdMinutes) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

	static MessageView of(MessageKind kind, Booking booking, ZoneId businessZone, BusinessProperties business,
			String manageUrl, String calendarLink, boolean calendarFailed, String verifyUrl) {
		ZoneId customerZone = ZoneId.of(booking.timeZone());
		long holdMinutes = booking.holdExpiresAt() == null ? 0
				: Duration.between(booking.createdAt(), booking.holdExpiresAt()).toMinutes();
		return new MessageView(kind, booking.name(), when(booking, customerZone),
				customerZone.equals(businessZone) ? null : when(booking, businessZone), business.name(),
				business.email(), business.phone(), manageUrl, calendarLink, calendarFailed, verifyUrl, holdMinutes);
	}

	/**
	 * "Tuesday 1 December 2026, 09:00–09:30 GMT (Europe/London)": DST-aware, from the
	 * zone's rules.
	 */
	static String when(Booking booking, ZoneId zone) {
		var start = booking.startTime().atZone(zone);
		var end = booking.endTime().atZone(zone);
		String endText = end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end)
				: DAY.format(end) + ", " + TIME.format(end);
		return DAY.format(start) + ", " + TIME.format(start) + "–" + endText + " " + ZONE_NAME.format(start) + " ("
				+ zone.getId() + ")";
	}

	/** The subject: what happened and when, in the customer's zone. */
	String subject(Instant start, ZoneId customerZone) {
		String at = SHORT.format(start.atZone(customerZone));
		return switch (kind) {
			case CONFIRMATION -> "Booking confirmed: " + at + " with " + businessName;
			case UPDATE -> "Booking changed: " + at + " with " + businessName;
			case CANCELLATION -> "Booking cancelled: " + at + " with " + businessName;
			case REMINDER -> "Reminder: " + at + " with " + businessName;
			case VERIFICATION -> "Please confirm your booking: " + at + " with " + businessName;
			case NEW_LINK -> "Your new link for your booking: " + at + " with " + businessName;
		};
	}

}
