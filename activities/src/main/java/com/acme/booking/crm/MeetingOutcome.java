package com.acme.booking.crm;

/**
 * Where the appointment stands, as HubSpot's {@code hs_meeting_outcome} and as the
 * contact's {@code booking_status}.
 */
enum MeetingOutcome {

	SCHEDULED("confirmed"), RESCHEDULED("rescheduled"), CANCELED("cancelled");

	private final String contactStatus;

	MeetingOutcome(String contactStatus) {
		this.contactStatus = contactStatus;
	}

	/** The value of the contact's {@code booking_status} enumeration. */
	String contactStatus() {
		return contactStatus;
	}

}
