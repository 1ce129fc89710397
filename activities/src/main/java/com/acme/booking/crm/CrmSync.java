package com.acme.booking.crm;

import java.time.Clock;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.sync.StaleAttempt;

/**
 * One convergence pass for a booking: properties in place, then the meeting's state read,
 * the contact written, and the meeting written and attached to the contact. The contact's
 * booking properties describe the customer's next upcoming confirmed booking (else their
 * latest), whichever booking is being synced: a customer with two bookings keeps one
 * contact, and cancelling the older one does not mark the contact cancelled while the
 * newer stands.
 */
class CrmSync {

	private final HubSpotSchema schema;

	private final ContactSync contacts;

	private final MeetingSync meetings;

	private final BookingRepository bookings;

	private final Clock clock;

	CrmSync(HubSpotSchema schema, ContactSync contacts, MeetingSync meetings, BookingRepository bookings, Clock clock) {
		this.schema = schema;
		this.contacts = contacts;
		this.meetings = meetings;
		this.bookings = bookings;
		this.clock = clock;
	}

	HubSpotSchema schema() {
		return schema;
	}

	/**
	 * Returns the contact id. Before each write of the booking's contact or meeting the
	 * booking is re-read (in {@link ContactSync} and {@link MeetingSync}): an attempt
	 * slowed past its timeout must not put back a state a later attempt (say, the
	 * cancellation's) already replaced ({@link StaleAttempt}).
	 */
	String push(Booking booking) {
		schema.ensure();
		MeetingOutcome outcome = meetings.outcome(booking);
		Booking shown = bookings.shownOnContact(booking.email(), clock.instant()).orElse(booking);
		MeetingOutcome shownOutcome = shown.id().equals(booking.id()) ? outcome : meetings.outcome(shown);
		String contactId = contacts.sync(booking, shown, shownOutcome);
		meetings.sync(booking, outcome, contactId);
		return contactId;
	}

}
