package com.acme.booking.mail;

import java.time.ZoneId;

import com.acme.booking.business.BusinessProperties;
import com.acme.booking.calendar.GoogleEventLinks;
import com.acme.booking.core.Booking;
import com.acme.booking.ics.BookingIcs;
import com.acme.booking.message.MessageKind;
import com.acme.booking.token.ManageLinks;

/**
 * Builds one email from the booking as it is now: subject, both parts, and the calendar
 * file. The manage link is derived here from the booking id (never carried through
 * Temporal).
 */
class MessageComposer {

	/** An email's content and its calendar file. */
	record Composed(String subject, String text, String html, String ics, int sequence, String icsMethod) {

		SmtpDelivery.Outgoing outgoing(Booking booking) {
			return new SmtpDelivery.Outgoing(booking.email(), booking.name(), subject, text, html, ics, icsMethod);
		}

	}

	private final MailTemplates templates;

	private final BookingIcs ics;

	private final ManageLinks links;

	private final BusinessProperties business;

	private final boolean calendarEnabled;

	private final String calendarId;

	private final ZoneId businessZone;

	MessageComposer(MailTemplates templates, BookingIcs ics, ManageLinks links, BusinessProperties business,
			boolean calendarEnabled, String calendarId, ZoneId businessZone) {
		this.templates = templates;
		this.ics = ics;
		this.links = links;
		this.business = business;
		this.calendarEnabled = calendarEnabled;
		this.calendarId = calendarId;
		this.businessZone = businessZone;
	}

	Composed compose(Booking booking, MessageKind kind) {
		boolean inCalendar = calendarEnabled && booking.calendarSynced() && booking.calendarEventId() != null;
		MessageView view = MessageView.of(kind, booking, businessZone, business, links.manageUrl(booking.id()),
				inCalendar ? GoogleEventLinks.of(booking.calendarEventId(), calendarId) : null,
				calendarEnabled && !inCalendar);
		MailTemplates.Parts parts = templates.render(view);
		BookingIcs.IcsMethod method = kind == MessageKind.CANCELLATION ? BookingIcs.IcsMethod.CANCEL
				: BookingIcs.IcsMethod.REQUEST;
		int sequence = BookingIcs.sequence(booking);
		return new Composed(view.subject(booking.startTime(), ZoneId.of(booking.timeZone())), parts.text(),
				parts.html(), ics.build(booking, sequence, method), sequence, method.name());
	}

}
