package com.acme.booking.crm;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.sync.StaleAttempt;

/**
 * One convergence pass for a booking: properties in place, then the meeting's state read, the contact written with
 * it, and the meeting written and attached to the contact.
 */
class CrmSync {

	private final HubSpotSchema schema;

	private final ContactSync contacts;

	private final MeetingSync meetings;

	private final BookingRepository bookings;

	CrmSync(HubSpotSchema schema, ContactSync contacts, MeetingSync meetings, BookingRepository bookings) {
		this.schema = schema;
		this.contacts = contacts;
		this.meetings = meetings;
		this.bookings = bookings;
	}

	HubSpotSchema schema() {
		return schema;
	}

	/**
	 * Returns the contact id. Before each write the booking is re-read: an attempt slowed past its timeout must not
	 * put back a state a later attempt (say, the cancellation's) already replaced ({@link StaleAttempt}).
	 */
	String push(Booking booking) {
		schema.ensure();
		MeetingOutcome outcome = meetings.outcome(booking);
		StaleAttempt.requireUnchanged(booking, bookings.findById(booking.id()));
		String contactId = contacts.sync(booking, outcome);
		StaleAttempt.requireUnchanged(booking, bookings.findById(booking.id()));
		meetings.sync(booking, outcome, contactId);
		return contactId;
	}

}
