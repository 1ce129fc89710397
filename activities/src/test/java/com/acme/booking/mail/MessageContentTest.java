package com.acme.booking.mail;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.business.BusinessProperties;
import com.acme.booking.config.EmbeddedProperties;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingStatus;
import com.acme.booking.core.IntegrationSync;
import com.acme.booking.ics.BookingIcs;
import com.acme.booking.message.MessageKind;
import com.acme.booking.token.ManageLinks;
import com.acme.booking.token.ManageTokens;
import com.acme.booking.token.PublicUrlProperties;
import com.acme.booking.token.TokenProperties;
import com.acme.booking.workflow.Integration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an email says, rendered from the real templates: times across DST, the calendar's
 * state, escaping.
 */
class MessageContentTest {

	private static final UUID ID = UUID.fromString("3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9");

	private static final String CALENDAR_ID = "bookings@acme.example";

	private static final String EVENT_ID = "abcdefghijklmnopqrstuv0123";

	private final PublicUrlProperties publicUrl = new PublicUrlProperties(URI.create("https://book.acme.example"));

	private final BusinessProperties business = new BusinessProperties("Acme Consulting", "hello@acme.example",
			"+44 20 7946 0000");

	private final TokenProperties tokenProperties = new TokenProperties("0123456789abcdef0123456789abcdef");

	private final ManageLinks links = new ManageLinks(publicUrl,
			new ManageTokens(tokenProperties, new EmbeddedProperties(false, Path.of("unused"), false, "off", "off")),
			tokenProperties);

	@Test
	void onNewYorksSpringForwardDayTheTimesFollowEachZonesRules() {
		// 14 March 2027: New York is on EDT (UTC-4) from 02:00, London still on GMT.
		Booking booking = booking(Instant.parse("2027-03-14T14:00:00Z"), false, null);

		MessageComposer.Composed mail = composer(false).compose(booking, MessageKind.CONFIRMATION);

		assertThat(mail.text()).contains("When: Sunday 14 March 2027, 10:00–10:30 EDT (America/New_York)")
			.contains("Our time: Sunday 14 March 2027, 14:00–14:30 GMT (Europe/London)");
		assertThat(mail.html()).contains("Sunday 14 March 2027, 10:00–10:30 EDT (America/New_York)")
			.contains("Sunday 14 March 2027, 14:00–14:30 GMT (Europe/London)");
		assertThat(mail.subject()).isEqualTo("Booking confirmed: Sun 14 Mar 2027, 10:00 with Acme Consulting");
		// The day before, New York was still on EST (UTC-5).
		assertThat(composer(false)
			.compose(booking(Instant.parse("2027-03-13T14:00:00Z"), false, null), MessageKind.CONFIRMATION)
			.text()).contains("When: Saturday 13 March 2027, 09:00–09:30 EST");
	}

	@Test
	void aSyncedCalendarEventIsLinkedAndAFailedOneIsSaidWithThePointerToTheAttachment() {
		Instant start = Instant.parse("2027-02-01T10:00:00Z");

		MessageComposer.Composed synced = composer(true).compose(booking(start, true, EVENT_ID), MessageKind.UPDATE);
		MessageComposer.Composed failed = composer(true).compose(booking(start, false, null), MessageKind.UPDATE);

		String eid = Base64.getUrlEncoder().withoutPadding().encodeToString((EVENT_ID + " " + CALENDAR_ID).getBytes());
		assertThat(synced.text()).contains("It is in our calendar: https://www.google.com/calendar/event?eid=" + eid)
			.doesNotContain("could not add");
		assertThat(synced.html()).contains("href=\"https://www.google.com/calendar/event?eid=" + eid + "\"");
		assertThat(failed.text()).contains("We could not add it to our calendar yet", "attached booking.ics")
			.doesNotContain("google.com");
		assertThat(failed.html()).contains("We could not add it to our calendar yet");
	}

	@Test
	void theHtmlPartEscapesWhatTheCustomerTyped() {
		Booking booking = new Booking(ID, BookingStatus.CONFIRMED, "<script>alert(1)</script> \"Ada\" & Co",
				"ada@example.com", null, null, null, Instant.parse("2027-02-01T10:00:00Z"),
				Instant.parse("2027-02-01T10:30:00Z"), "Europe/London", 1, null, Instant.EPOCH, Instant.EPOCH,
				Map.of());

		MessageComposer.Composed mail = composer(false).compose(booking, MessageKind.CONFIRMATION);

		assertThat(mail.html()).doesNotContain("<script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Ada&quot; &amp; Co");
		assertThat(mail.text()).contains("Hello <script>alert(1)</script> \"Ada\" & Co,");
		// The business's zone is the customer's: one time line.
		assertThat(mail.text()).doesNotContain("Our time");
	}

	@Test
	void theCancellationCarriesACancelWithoutTheManageLink() {
		Booking cancelled = new Booking(ID, BookingStatus.CANCELLED, "Ada", "ada@example.com", null, null, null,
				Instant.parse("2027-02-01T10:00:00Z"), Instant.parse("2027-02-01T10:30:00Z"), "Europe/London", 2, null,
				Instant.EPOCH, Instant.EPOCH, Map.of());

		MessageComposer.Composed mail = composer(true).compose(cancelled, MessageKind.CANCELLATION);

		assertThat(mail.icsMethod()).isEqualTo("CANCEL");
		assertThat(mail.sequence()).isEqualTo(1);
		assertThat(mail.text()).contains("is cancelled", "removes it from your calendar")
			.doesNotContain("manage.html", "could not add");
	}

	@Test
	void theVerificationEmailCarriesOnlyTheConfirmationLinkAndNoCalendarFile() {
		Instant created = Instant.parse("2027-02-01T08:00:00Z");
		Booking hold = new Booking(ID, BookingStatus.PENDING_VERIFICATION, "Ada", "ada@example.com", null, null, null,
				Instant.parse("2027-02-01T10:00:00Z"), Instant.parse("2027-02-01T10:30:00Z"), "Europe/London", 1, null,
				null, null, created, created, null, Map.of(), created.plusSeconds(15 * 60), null, null, 1);

		MessageComposer.Composed mail = composer(true).compose(hold, MessageKind.VERIFICATION);

		String verifyUrl = links.verifyUrl(ID);
		assertThat(mail.subject()).isEqualTo("Please confirm your booking: Mon 1 Feb 2027, 10:00 with Acme Consulting");
		assertThat(mail.text()).contains(verifyUrl, "within 15 minutes", "When: Monday 1 February 2027, 10:00–10:30")
			.doesNotContain("manage.html", "booking.ics", "calendar");
		assertThat(mail.html()).contains("href=\"" + verifyUrl + "\"").doesNotContain("manage.html");
		assertThat(mail.ics()).isNull();
		assertThat(mail.outgoing(hold, null).ics()).isNull();
		String code = verifyUrl.substring(verifyUrl.indexOf("#code=") + "#code=".length());
		assertThat(mail.keptText()).contains("/verify.html?id=" + ID + "#code=***").doesNotContain(code);
		assertThat(mail.keptHtml()).contains("#code=***").doesNotContain(code);
	}

	@Test
	void whatIsKeptOfAnEmailHasTheManageTokenMasked() {
		Booking booking = booking(Instant.parse("2027-02-01T10:00:00Z"), false, null);
		String token = links.tokenFor(booking);

		MessageComposer.Composed mail = composer(false).compose(booking, MessageKind.CONFIRMATION);

		assertThat(mail.text()).contains("#token=" + token);
		assertThat(mail.keptText()).contains("/manage.html?id=" + ID + "#token=***").doesNotContain(token);
		assertThat(mail.keptHtml()).contains("/manage.html?id=" + ID + "#token=***").doesNotContain(token);
		assertThat(mail.keptText()).isEqualTo(mail.text().replace(token, "***"));
	}

	@Test
	void theNewLinkEmailCarriesTheCurrentLinkAndNoCalendarFile() {
		Booking reissued = new Booking(ID, BookingStatus.CONFIRMED, "Ada", "ada@example.com", null, null, null,
				Instant.parse("2027-02-01T10:00:00Z"), Instant.parse("2027-02-01T10:30:00Z"), "Europe/London", 1, null,
				null, null, Instant.EPOCH, Instant.EPOCH, null, Map.of(), null, null, null, 2);

		MessageComposer.Composed mail = composer(true).compose(reissued, MessageKind.NEW_LINK);

		assertThat(mail.subject()).startsWith("Your new link for your booking: ");
		assertThat(mail.text()).contains(links.manageUrl(reissued), "no longer works");
		assertThat(links.manageUrl(reissued)).endsWith(links.tokenFor(reissued));
		assertThat(mail.ics()).isNull();
		assertThat(mail.keptText()).doesNotContain(links.tokenFor(reissued));
	}

	private MessageComposer composer(boolean calendarEnabled) {
		return new MessageComposer(new MailTemplates(), new BookingIcs(business, publicUrl, ""), links, business,
				calendarEnabled, CALENDAR_ID, ZoneId.of("Europe/London"));
	}

	private static Booking booking(Instant start, boolean calendarSynced, String eventId) {
		return new Booking(ID, BookingStatus.CONFIRMED, "Ada Lovelace", "ada@example.com", null, null, null, start,
				start.plusSeconds(1800), "America/New_York", 1, eventId, Instant.EPOCH, Instant.EPOCH,
				Map.of(Integration.CALENDAR, new IntegrationSync(calendarSynced, 1, false, null)));
	}

}
