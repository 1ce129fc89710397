package com.acme.booking.ics;

import java.util.Date;
import java.util.UUID;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationLevel;
import biweekly.parameter.ParticipationStatus;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import com.acme.booking.business.BusinessProperties;
import com.acme.booking.core.Booking;
import com.acme.booking.token.PublicUrlProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The booking's calendar file (RFC 5545 / iTIP), one builder for the emails and the
 * booking page's download, so a calendar sees one event whichever way it arrived:
 * <ul>
 * <li>{@code UID} is the booking id ({@link #uid}), the same for the booking's whole life
 * (RFC 7986 recommends a UUID);</li>
 * <li>{@code SEQUENCE} is {@code revision - 1} ({@link #sequence}): 0 when booked, one
 * more for every change, cancellation included;</li>
 * <li>{@code DTSTART}/{@code DTEND} are UTC instants, so no {@code VTIMEZONE} is needed
 * and DST cannot shift them;</li>
 * <li>the organizer is the business ({@code booking.business.*}), the customer the one
 * attendee.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties({ BusinessProperties.class, PublicUrlProperties.class })
public class BookingIcs {

	/** The iTIP method of the file. */
	public enum IcsMethod {

		/** A plain "add to calendar" file (downloads). */
		PUBLISH,
		/** An invitation, and its updates (emails). */
		REQUEST,
		/** The event is cancelled (the cancellation email). */
		CANCEL

	}

	private final BusinessProperties business;

	private final String organizerEmail;

	public BookingIcs(BusinessProperties business, PublicUrlProperties publicUrl,
			@Value("${booking.mail.from:}") String mailFrom) {
		this.business = business;
		this.organizerEmail = StringUtils.hasText(business.email()) ? business.email()
				: StringUtils.hasText(mailFrom) ? mailFrom : "no-reply@" + publicUrl.publicUrl().getHost();
	}

	/** The {@code UID} of every calendar file of the booking: its id. */
	public static String uid(UUID bookingId) {
		return bookingId.toString();
	}

	/**
	 * The {@code SEQUENCE} of the booking as it is now: 0 when booked, one more for every
	 * change.
	 */
	public static int sequence(Booking booking) {
		return (int) Math.max(0, booking.revision() - 1);
	}

	/**
	 * The file for the booking as it is now: {@code CANCEL} when cancelled, else
	 * {@code method}.
	 */
	public String forBooking(Booking booking, IcsMethod method) {
		return build(booking, sequence(booking), booking.isCancelled() ? IcsMethod.CANCEL : method);
	}

	/** The file for the booking with an explicit sequence and method. */
	public String build(Booking booking, int sequence, IcsMethod method) {
		ICalendar ical = new ICalendar();
		ical.setProductId("-//Acme//Booking//EN");
		ical.setMethod(switch (method) {
			case PUBLISH -> Method.publish();
			case REQUEST -> Method.request();
			case CANCEL -> Method.cancel();
		});
		VEvent event = new VEvent();
		event.setUid(uid(booking.id()));
		event.setSequence(sequence);
		event.setDateStart(Date.from(booking.startTime()));
		event.setDateEnd(Date.from(booking.endTime()));
		event.setSummary("Appointment with " + business.name());
		event.setStatus(method == IcsMethod.CANCEL ? Status.cancelled() : Status.confirmed());
		event.setOrganizer(new Organizer(business.name(), organizerEmail));
		Attendee attendee = new Attendee(booking.name(), booking.email());
		attendee.setParticipationLevel(ParticipationLevel.REQUIRED);
		// The customer chose the slot: the appointment is theirs already, no RSVP needed.
		attendee.setParticipationStatus(ParticipationStatus.ACCEPTED);
		attendee.setRsvp(false);
		event.addAttendee(attendee);
		ical.addEvent(event);
		// RFC 6868 caret encoding: a name with a double quote ("Ada" & Co) is valid in a
		// CN parameter only so.
		return Biweekly.write(ical).caretEncoding(true).go();
	}

}
