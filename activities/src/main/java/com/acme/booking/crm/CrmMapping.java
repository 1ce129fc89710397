package com.acme.booking.crm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.acme.booking.core.Booking;

/**
 * What the service writes into HubSpot for a booking: the contact's identity (name,
 * company, phone) and booking properties, and the meeting on the contact's timeline.
 * Absent optional values are left out rather than cleared, so details the sales team
 * entered in HubSpot survive a sync. Every text is written through {@link #text}, so none
 * becomes a formula when HubSpot's data is exported to a spreadsheet.
 */
final class CrmMapping {

	/** The contact properties that say who the customer is. */
	static final List<String> IDENTITY = List.of("firstname", "lastname", "company", "phone");

	/**
	 * What the booking page accepts as a phone number: no letters, so no function call;
	 * such a number is written as given, since a quote would spoil it as a phone number.
	 */
	private static final Pattern PHONE = Pattern.compile("[0-9 +().\\-/]*");

	private CrmMapping() {
	}

	/**
	 * Contact properties for a contact the booking may describe fully (one it creates, or
	 * one whose address the customer has verified); {@link #contactForCreate} adds the
	 * email that identifies the contact.
	 * @param booking the booking being synced: the customer's details as they gave them
	 * last
	 * @param shown the booking the contact's booking properties describe (see
	 * {@code CrmSync})
	 * @param outcome where {@code shown} stands
	 */
	static Map<String, String> contact(Booking booking, Booking shown, MeetingOutcome outcome) {
		Map<String, String> properties = identity(booking);
		properties.putAll(bookingProperties(shown, outcome));
		return properties;
	}

	/**
	 * Contact properties for an existing contact the booking may not rename: its booking
	 * properties, and of its identity only what the contact lacks.
	 * @param existing the contact's {@link #IDENTITY} as HubSpot holds it
	 */
	static Map<String, String> contactFillingIdentity(Booking booking, Booking shown, MeetingOutcome outcome,
			Map<String, String> existing) {
		Map<String, String> properties = identity(booking);
		properties.keySet().removeIf(name -> !blank(existing.get(name)));
		properties.putAll(bookingProperties(shown, outcome));
		return properties;
	}

	static Map<String, String> contactForCreate(Booking booking, Booking shown, MeetingOutcome outcome) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("email", booking.email());
		properties.putAll(contact(booking, shown, outcome));
		return properties;
	}

	/** Meeting properties; the booking id is the upsert key and is not repeated here. */
	static Map<String, String> meeting(Booking booking, MeetingOutcome outcome) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("hs_timestamp", booking.startTime().toString());
		properties.put("hs_meeting_title", "Booked appointment: " + booking.name()
				+ (blank(booking.company()) ? "" : " (" + booking.company() + ")"));
		properties.put("hs_meeting_body", blank(booking.inquiry()) ? "" : text(booking.inquiry()));
		properties.put("hs_meeting_start_time", booking.startTime().toString());
		properties.put("hs_meeting_end_time", booking.endTime().toString());
		properties.put("hs_meeting_outcome", outcome.name());
		return properties;
	}

	/**
	 * Text as it may stand in a spreadsheet cell: one starting with {@code =}, {@code +},
	 * {@code -} or {@code @} (after any leading blanks) is a formula to Excel,
	 * LibreOffice and Google Sheets when HubSpot's data is exported, so it gets a leading
	 * {@code '}, which those show as text.
	 */
	static String text(String value) {
		String start = value.stripLeading();
		return !start.isEmpty() && "=+-@".indexOf(start.charAt(0)) >= 0 ? "'" + value : value;
	}

	private static Map<String, String> identity(Booking booking) {
		Map<String, String> properties = new LinkedHashMap<>();
		PersonName name = PersonName.parse(booking.name());
		put(properties, "firstname", name.first());
		put(properties, "lastname", name.last());
		put(properties, "company", booking.company());
		if (!blank(booking.phone())) {
			String phone = booking.phone().strip();
			properties.put("phone", PHONE.matcher(phone).matches() ? phone : text(phone));
		}
		return properties;
	}

	private static Map<String, String> bookingProperties(Booking shown, MeetingOutcome outcome) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(HubSpotSchema.BOOKING_ID, shown.id().toString());
		properties.put(HubSpotSchema.BOOKING_START_TIME, shown.startTime().toString());
		properties.put(HubSpotSchema.BOOKING_STATUS, outcome.contactStatus());
		put(properties, HubSpotSchema.BOOKING_INQUIRY, shown.inquiry());
		return properties;
	}

	private static void put(Map<String, String> properties, String name, String value) {
		if (!blank(value)) {
			properties.put(name, text(value.strip()));
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
