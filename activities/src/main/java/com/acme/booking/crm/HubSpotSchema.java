package com.acme.booking.crm;

import java.util.List;

import com.acme.booking.crm.HubSpotModel.Option;
import com.acme.booking.crm.HubSpotModel.PropertyCreate;
import com.acme.booking.crm.HubSpotModel.PropertyGroupCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom properties the service writes, created in HubSpot on first use. HubSpot
 * refuses values for properties that do not exist, so they are made before the first
 * write; a 409 means an earlier run (or another worker) made them already. Once all exist
 * this process does not ask again.
 */
class HubSpotSchema {

	static final String GROUP = "booking_service";

	static final String BOOKING_ID = "booking_id";

	static final String BOOKING_START_TIME = "booking_start_time";

	static final String BOOKING_STATUS = "booking_status";

	static final String BOOKING_INQUIRY = "booking_inquiry";

	/**
	 * The meeting's key: unique per meeting, so an upsert by it finds a meeting whose
	 * create answer was lost.
	 */
	static final String MEETING_BOOKING_ID = "booking_id";

	private static final Logger log = LoggerFactory.getLogger(HubSpotSchema.class);

	private static final PropertyGroupCreate BOOKING_GROUP = new PropertyGroupCreate(GROUP, "Booking service", 99);

	private static final List<PropertyCreate> CONTACT_PROPERTIES = List.of(
			text(BOOKING_ID, "Booking ID", "Id of the customer's latest booking in the booking service", "text", null),
			new PropertyCreate(BOOKING_START_TIME, "Booking start time", "Start of the latest booked appointment",
					GROUP, "datetime", "date", null, null),
			new PropertyCreate(BOOKING_STATUS, "Booking status", "State of the latest booked appointment", GROUP,
					"enumeration", "select", null,
					List.of(new Option("Confirmed", MeetingOutcome.SCHEDULED.contactStatus(), 0),
							new Option("Rescheduled", MeetingOutcome.RESCHEDULED.contactStatus(), 1),
							new Option("Cancelled", MeetingOutcome.CANCELED.contactStatus(), 2))),
			text(BOOKING_INQUIRY, "Booking inquiry", "What the customer wrote when booking", "textarea", null));

	private static final List<PropertyCreate> MEETING_PROPERTIES = List.of(text(MEETING_BOOKING_ID, "Booking ID",
			"Id of the booking this meeting shows; unique, the booking service's key for the meeting", "text", true));

	private final HubSpotClient client;

	private volatile boolean ensured;

	HubSpotSchema(HubSpotClient client) {
		this.client = client;
	}

	/**
	 * Makes sure the property groups and properties exist; cheap after the first success.
	 */
	void ensure() {
		if (ensured) {
			return;
		}
		ensure("contacts", CONTACT_PROPERTIES);
		ensure("meetings", MEETING_PROPERTIES);
		ensured = true;
		log.info("HubSpot properties of the booking service are in place");
	}

	/** Someone deleted a property in HubSpot: check again on the next sync. */
	void forget() {
		ensured = false;
	}

	private void ensure(String objectType, List<PropertyCreate> properties) {
		existsAfter(() -> client.createPropertyGroup(objectType, BOOKING_GROUP));
		for (PropertyCreate property : properties) {
			existsAfter(() -> client.createProperty(objectType, property));
		}
	}

	private static void existsAfter(Runnable create) {
		try {
			create.run();
		}
		catch (HubSpotCallFailed ex) {
			if (ex.status() != 409) {
				throw ex;
			}
		}
	}

	private static PropertyCreate text(String name, String label, String description, String fieldType,
			Boolean unique) {
		return new PropertyCreate(name, label, description, GROUP, "string", fieldType, unique, null);
	}

}
