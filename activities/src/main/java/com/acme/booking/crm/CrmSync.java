package com.acme.booking.crm;

import com.acme.booking.core.Booking;
import com.acme.booking.sync.StaleAttempt;

/**
 * One convergence pass for a booking: properties in place, then the meeting's state read, the contact written with
 * it, and the meeting written and attached to the contact.
 */
class CrmSync {

	private final HubSpotSchema schema;

	private final ContactSync contacts;

	private final MeetingSync meetings;

	CrmSync(HubSpotSchema schema, ContactSync contacts, MeetingSync meetings) {
		this.schema = schema;
		this.contacts = contacts;
		this.meetings = meetings;
	}

	HubSpotSchema schema() {
		return schema;
	}

	/**
	 * Returns the contact id. Before each write of the booking's contact or meeting the booking is re-read (in
	 * {@link ContactSync} and {@link MeetingSync}): an attempt slowed past its timeout must not put back a state a
	 * later attempt (say, the cancellation's) already replaced ({@link StaleAttempt}).
	 */
	String push(Booking booking) {
		schema.ensure();
		MeetingOutcome outcome = meetings.outcome(booking);
		String contactId = contacts.sync(booking, outcome);
		meetings.sync(booking, outcome, contactId);
		return contactId;
	}

}
