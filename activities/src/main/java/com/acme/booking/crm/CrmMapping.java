package com.acme.booking.crm;

import java.util.LinkedHashMap;
import java.util.Map;

import com.acme.booking.core.Booking;

/**
 * What the service writes into HubSpot for a booking: the contact's standard and booking
 * properties, and the meeting on the contact's timeline. Absent optional values are left
 * out rather than cleared, so details the sales team entered in HubSpot survive a sync.
 */
final class CrmMapping {

	private CrmMapping() {
	}

	/**
	 * Contact properties for an update; {@link #contactForCreate} adds the email that
	 * identifies the contact.
	 * @param booking the booking being synced: the customer's details as they gave them
	 * last
	 * @param shown the booking the contact's booking properties describe (see
	 * {@code CrmSync})
	 * @param outcome where {@code shown} stands
	 */
	static Map<String, String> contact(Booking booking, Booking shown, MeetingOutcome outcome) {
		Map<String, String> properties = new LinkedHashMap<>();
		PersonName name = PersonName.parse(booking.name());
		put(properties, "firstname", name.first());
		put(properties, "lastname", name.last());
		put(properties, "company", booking.company());
		put(properties, "phone", booking.phone());
		properties.put(HubSpotSchema.BOOKING_ID, shown.id().toString());
		properties.put(HubSpotSchema.BOOKING_START_TIME, shown.startTime().toString());
		properties.put(HubSpotSchema.BOOKING_STATUS, outcome.contactStatus());
		put(properties, HubSpotSchema.BOOKING_INQUIRY, shown.inquiry());
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
		properties.put("hs_meeting_body", blank(booking.inquiry()) ? "" : booking.inquiry());
		properties.put("hs_meeting_start_time", booking.startTime().toString());
		properties.put("hs_meeting_end_time", booking.endTime().toString());
		properties.put("hs_meeting_outcome", outcome.name());
		return properties;
	}

	private static void put(Map<String, String> properties, String name, String value) {
		if (!blank(value)) {
			properties.put(name, value.strip());
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
