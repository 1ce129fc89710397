package com.acme.booking.mail;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import com.acme.booking.business.BusinessProperties;
import com.acme.booking.calendar.GoogleEventLinks;
import com.acme.booking.core.Booking;
import com.acme.booking.ics.BookingIcs;
import com.acme.booking.message.MessageKind;
import com.acme.booking.token.ManageLinks;
import com.acme.booking.workflow.Integration;

/**
 * Builds one email from the booking as it is now: subject, both parts, and the calendar
 * file of the messages about the appointment. The manage and verification links are
 * derived here from the booking (never carried through Temporal), and what is kept of the
 * email has their secrets masked.
 */
class MessageComposer {

	/**
	 * The messages that carry the appointment as a calendar file; the verification email
	 * and the new link carry none (no invitation before the customer confirmed).
	 */
	private static final Set<MessageKind> INVITATIONS = EnumSet.of(MessageKind.CONFIRMATION, MessageKind.UPDATE,
			MessageKind.CANCELLATION, MessageKind.REMINDER);

	/**
	 * An email's content and its calendar file ({@code ics} null for none);
	 * {@code keptText} and {@code keptHtml} are what is recorded: the same with the
	 * link's secret masked.
	 */
	record Composed(String subject, String text, String html, String keptText, String keptHtml, String ics,
			int sequence, String icsMethod) {

		/**
		 * @param messageKey names the message for its {@code Message-ID}; null for a
		 * fresh one
		 */
		SmtpDelivery.Outgoing outgoing(Booking booking, String messageKey) {
			return new SmtpDelivery.Outgoing(booking.email(), booking.name(), subject, text, html, ics, icsMethod,
					messageKey);
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
		boolean inCalendar = calendarEnabled && booking.sync(Integration.CALENDAR).synced()
				&& booking.calendarEventId() != null;
		boolean verification = kind == MessageKind.VERIFICATION;
		// The verification email goes to an address nobody has confirmed: it opens
		// nothing but the confirmation.
		MessageView view = MessageView.of(kind, booking, businessZone, business,
				verification ? null : links.manageUrl(booking),
				inCalendar ? GoogleEventLinks.of(booking.calendarEventId(), calendarId) : null,
				calendarEnabled && !inCalendar, verification ? links.verifyUrl(booking.id()) : null);
		MailTemplates.Parts parts = templates.render(view);
		String subject = view.subject(booking.startTime(), ZoneId.of(booking.timeZone()));
		String keptText = links.masked(parts.text(), booking);
		String keptHtml = links.masked(parts.html(), booking);
		if (!INVITATIONS.contains(kind)) {
			return new Composed(subject, parts.text(), parts.html(), keptText, keptHtml, null, 0, null);
		}
		BookingIcs.IcsMethod method = kind == MessageKind.CANCELLATION ? BookingIcs.IcsMethod.CANCEL
				: BookingIcs.IcsMethod.REQUEST;
		int sequence = BookingIcs.sequence(booking);
		return new Composed(subject, parts.text(), parts.html(), keptText, keptHtml,
				ics.build(booking, sequence, method), sequence, method.name());
	}

}
