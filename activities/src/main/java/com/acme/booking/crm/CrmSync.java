package com.acme.booking.crm;

import java.time.Clock;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.sync.StaleAttempt;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One convergence pass for a booking: properties in place, then the meeting's state read,
 * the contact written, and the meeting written and attached to the contact. The contact's
 * booking properties describe the customer's next upcoming confirmed booking (else their
 * latest), whichever booking is being synced: a customer with two bookings keeps one
 * contact, and cancelling the older one does not mark the contact cancelled while the
 * newer stands.
 * <p>
 * The syncs of two bookings of one address write the same contact, each with the choice
 * it made, and HubSpot keeps whichever write lands last. So after its write each sync
 * asks PostgreSQL again which booking the contact shows, and writes again if the choice
 * moved: the write that lands last is always followed by a check that it was current.
 */
class CrmSync {

	private static final Logger log = LoggerFactory.getLogger(CrmSync.class);

	/**
	 * Contact writes in one attempt; a choice still moving after them fails the attempt,
	 * and Temporal's retry starts over.
	 */
	private static final int CONTACT_WRITES = 3;

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
		String contactId = writeContact(booking, outcome);
		meetings.sync(booking, outcome, contactId);
		return contactId;
	}

	/**
	 * Writes the contact until the booking it shows is still the one to show once the
	 * write has landed. Another booking's sync may have written in between with a choice
	 * made earlier (the cancelled old booking's, made before the new booking existed);
	 * this check undoes such a write, or that sync's own check does.
	 */
	private String writeContact(Booking booking, MeetingOutcome outcome) {
		Booking shown = shownOnContact(booking);
		for (int write = 1;; write++) {
			MeetingOutcome shownOutcome = shown.id().equals(booking.id()) ? outcome : meetings.outcome(shown);
			String contactId = contacts.sync(booking, shown, shownOutcome);
			Booking current = shownOnContact(booking);
			if (current.id().equals(shown.id()) && current.revision() == shown.revision()) {
				return contactId;
			}
			if (write == CONTACT_WRITES) {
				throw ApplicationFailure.newBuilder()
					.setMessage("the booking the contact should show kept changing during the attempt (" + write
							+ " writes); retrying")
					.setType("CrmContactChoiceMoving")
					.setNonRetryable(false)
					.build();
			}
			log.info(
					"Contact {} of booking {} showed booking {} (revision {}); it should show {} (revision {}) now, "
							+ "writing it again",
					contactId, booking.id(), shown.id(), shown.revision(), current.id(), current.revision());
			shown = current;
		}
	}

	/** The booking the customer's contact shows, as PostgreSQL has it now. */
	private Booking shownOnContact(Booking booking) {
		return bookings.shownOnContact(booking.email(), clock.instant()).orElse(booking);
	}

}
