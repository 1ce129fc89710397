package com.acme.booking.crm;

import java.util.Locale;
import java.util.Map;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.crm.HubSpotModel.CrmObject;
import com.acme.booking.sync.StaleAttempt;
import com.github.benmanes.caffeine.cache.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HubSpot contact per customer, found by email. A known id (the booking's, or one
 * cached for the address) is updated; otherwise the contact is created, and HubSpot's 409
 * {@code Existing ID: N} (the address exists, perhaps made by an attempt whose answer was
 * lost) means "it is N": update N. HubSpot's search is never asked, because its index
 * lags writes by seconds and would report a contact just created as missing.
 * <p>
 * Anyone can book with anyone's address, so a booking whose email is not verified
 * ({@link Booking#emailVerified()}) never changes who an existing contact is: of the
 * contact's name, company and phone it fills only what is empty. Its own facts go to the
 * contact's booking properties and to its meeting.
 */
class ContactSync {

	private static final Logger log = LoggerFactory.getLogger(ContactSync.class);

	private final HubSpotClient client;

	private final BookingRepository bookings;

	private final Cache<String, String> contactIds;

	ContactSync(HubSpotClient client, BookingRepository bookings, Cache<String, String> contactIds) {
		this.client = client;
		this.bookings = bookings;
		this.contactIds = contactIds;
	}

	/**
	 * Makes the customer's contact match: personal details from {@code booking} (as far
	 * as it may change them), booking properties from {@code shown}. Returns the contact
	 * id, already stored with the booking.
	 */
	String sync(Booking booking, Booking shown, MeetingOutcome outcome) {
		String key = booking.email().toLowerCase(Locale.ROOT);
		String known = booking.crmContactId() != null ? booking.crmContactId() : contactIds.getIfPresent(key);
		String contactId = known != null ? update(known, booking, shown, outcome, key) : null;
		if (contactId == null) {
			contactId = create(booking, shown, outcome);
		}
		contactIds.put(key, contactId);
		if (!contactId.equals(booking.crmContactId())) {
			bookings.saveCrmContactId(booking.id(), contactId);
		}
		return contactId;
	}

	/**
	 * Updates a known contact; null when HubSpot no longer has it (deleted or merged
	 * away).
	 */
	private String update(String contactId, Booking booking, Booking shown, MeetingOutcome outcome, String key) {
		try {
			write(contactId, booking, shown, outcome);
			return contactId;
		}
		catch (HubSpotCallFailed ex) {
			if (ex.status() != 404) {
				throw ex;
			}
			log.info("HubSpot contact {} of booking {} is gone; finding the contact by email again", contactId,
					booking.id());
			contactIds.invalidate(key);
			return null;
		}
	}

	private String create(Booking booking, Booking shown, MeetingOutcome outcome) {
		try {
			requireUnchanged(booking);
			return client.createContact(CrmMapping.contactForCreate(booking, shown, outcome)).id();
		}
		catch (HubSpotCallFailed ex) {
			String existing = ex.existingId().orElseThrow(() -> ex);
			write(existing, booking, shown, outcome);
			return existing;
		}
	}

	/**
	 * Writes to an existing contact what the booking may change of it. A create may have
	 * waited long for its 409, and a read for its answer: the booking is checked after
	 * each.
	 */
	private void write(String contactId, Booking booking, Booking shown, MeetingOutcome outcome) {
		requireUnchanged(booking);
		if (booking.emailVerified()) {
			client.updateContact(contactId, CrmMapping.contact(booking, shown, outcome));
			return;
		}
		Map<String, String> existing = identity(contactId);
		requireUnchanged(booking);
		client.updateContact(contactId, CrmMapping.contactFillingIdentity(booking, shown, outcome, existing));
	}

	private Map<String, String> identity(String contactId) {
		CrmObject contact = client.readContact(contactId, CrmMapping.IDENTITY);
		return contact == null || contact.properties() == null ? Map.of() : contact.properties();
	}

	/**
	 * Before every write: a late attempt must not put back a state a later one replaced
	 * ({@link StaleAttempt}).
	 */
	private void requireUnchanged(Booking booking) {
		StaleAttempt.requireUnchanged(booking, bookings.findById(booking.id()));
	}

}
