package com.acme.booking.crm;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.crm.HubSpotModel.CrmObject;
import com.acme.booking.sync.StaleAttempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HubSpot meeting per booking, on the contact's timeline. Its id is stored with the
 * booking the moment HubSpot returns it. Without a stored id the meeting is upserted by
 * its unique {@code booking_id} property, so a retry after a lost answer updates the
 * meeting the lost call made instead of making a second one (HubSpot enforces the
 * uniqueness; search is not involved).
 */
class MeetingSync {

	private static final Logger log = LoggerFactory.getLogger(MeetingSync.class);

	private static final List<String> READ = List.of("hs_meeting_start_time", "hs_meeting_outcome");

	private final HubSpotClient client;

	private final BookingRepository bookings;

	MeetingSync(HubSpotClient client, BookingRepository bookings) {
		this.client = client;
		this.bookings = bookings;
	}

	/**
	 * Where the appointment stands: cancelled, moved since HubSpot first saw it, or as
	 * booked.
	 */
	MeetingOutcome outcome(Booking booking) {
		if (booking.isCancelled()) {
			return MeetingOutcome.CANCELED;
		}
		Optional<CrmObject> meeting = booking.crmMeetingId() == null ? Optional.empty()
				: client.findMeeting(booking.crmMeetingId(), READ);
		if (meeting.isEmpty() || meeting.get().properties() == null) {
			return MeetingOutcome.SCHEDULED;
		}
		String previous = meeting.get().properties().get("hs_meeting_outcome");
		Instant shown = instant(meeting.get().properties().get("hs_meeting_start_time"));
		// Once moved it stays "rescheduled": after the move HubSpot shows the new time,
		// which matches the booking.
		boolean moved = MeetingOutcome.RESCHEDULED.name().equals(previous)
				|| (shown != null && !shown.equals(booking.startTime()));
		return moved ? MeetingOutcome.RESCHEDULED : MeetingOutcome.SCHEDULED;
	}

	/**
	 * Makes the booking's meeting match it and associates it with the contact; returns
	 * the meeting id.
	 */
	String sync(Booking booking, MeetingOutcome outcome, String contactId) {
		String meetingId = booking.crmMeetingId();
		if (meetingId != null && !update(meetingId, booking, outcome)) {
			meetingId = null;
		}
		if (meetingId == null) {
			requireUnchanged(booking);
			meetingId = client
				.upsertMeeting(HubSpotSchema.MEETING_BOOKING_ID, booking.id().toString(),
						CrmMapping.meeting(booking, outcome))
				.id();
			bookings.saveCrmMeetingId(booking.id(), meetingId);
		}
		// Every pass: an attempt that stored the id may have failed before associating.
		requireUnchanged(booking);
		client.associateMeetingWithContact(meetingId, contactId);
		return meetingId;
	}

	private boolean update(String meetingId, Booking booking, MeetingOutcome outcome) {
		try {
			requireUnchanged(booking);
			client.updateMeeting(meetingId, CrmMapping.meeting(booking, outcome));
			return true;
		}
		catch (HubSpotCallFailed ex) {
			if (ex.status() != 404) {
				throw ex;
			}
			// Deleted in HubSpot: the booking is the truth, so the upsert puts it back.
			log.warn("HubSpot meeting {} of booking {} was deleted in HubSpot; recreating it", meetingId, booking.id());
			return false;
		}
	}

	/**
	 * Before every write: a late attempt must not put back a state a later one replaced
	 * ({@link StaleAttempt}).
	 */
	private void requireUnchanged(Booking booking) {
		StaleAttempt.requireUnchanged(booking, bookings.findById(booking.id()));
	}

	private static Instant instant(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException notIso) {
			try {
				return Instant.ofEpochMilli(Long.parseLong(value));
			}
			catch (NumberFormatException unknown) {
				return null;
			}
		}
	}

}
