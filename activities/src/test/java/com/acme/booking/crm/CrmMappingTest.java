package com.acme.booking.crm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** How a booking becomes HubSpot contact and meeting properties. */
class CrmMappingTest {

	private static final UUID ID = UUID.fromString("3f0c8a1e-0000-4000-8000-000000000001");

	@ParameterizedTest(name = "\"{0}\" -> \"{1}\" / \"{2}\"")
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "Ada Lovelace|Ada|Lovelace", "  Ada    Lovelace  |Ada|Lovelace", "Cher|Cher|NULL",
					"Ludwig van Beethoven|Ludwig|van Beethoven", "Mary Ann van der Berg|Mary Ann|van der Berg",
					"Maria de la Cruz|Maria|de la Cruz", "Jean-Claude Van Damme|Jean-Claude|Van Damme",
					"Ursula Le Guin|Ursula|Le Guin", "Charles Lutwidge Dodgson|Charles Lutwidge|Dodgson",
					"Da Silva|Da|Silva" })
	void splitsNamesIntoFirstAndLast(String name, String first, String last) {
		assertThat(PersonName.parse(name)).isEqualTo(new PersonName(first, last));
	}

	@Test
	void blankNameGivesNothingToWrite() {
		assertThat(PersonName.parse("   ")).isEqualTo(new PersonName("", null));
	}

	@Test
	void contactCarriesStandardAndBookingProperties() {
		Booking maria = booking("Maria de la Cruz", "Acme", "+44 20 7946 0000", "Demo please", BookingStatus.CONFIRMED);
		var properties = CrmMapping.contactForCreate(maria, maria, MeetingOutcome.SCHEDULED);

		assertThat(properties).containsExactly(entry("email", "maria@example.com"), entry("firstname", "Maria"),
				entry("lastname", "de la Cruz"), entry("company", "Acme"), entry("phone", "+44 20 7946 0000"),
				entry("booking_id", ID.toString()), entry("booking_start_time", "2026-12-01T09:00:00Z"),
				entry("booking_status", "confirmed"), entry("booking_inquiry", "Demo please"));
	}

	@Test
	void updateLeavesEmailAndAbsentValuesAlone() {
		Booking cher = booking("Cher", null, " ", null, BookingStatus.CONFIRMED);
		var properties = CrmMapping.contact(cher, cher, MeetingOutcome.RESCHEDULED);

		assertThat(properties).doesNotContainKeys("email", "lastname", "company", "phone", "booking_inquiry")
			.containsEntry("firstname", "Cher")
			.containsEntry("booking_status", "rescheduled");
	}

	@Test
	void meetingShowsTheAppointmentAndItsOutcome() {
		var properties = CrmMapping.meeting(
				booking("Ada Lovelace", "Analytical Engines", null, "Demo please", BookingStatus.CANCELLED),
				MeetingOutcome.CANCELED);

		assertThat(properties).containsEntry("hs_timestamp", "2026-12-01T09:00:00Z")
			.containsEntry("hs_meeting_start_time", "2026-12-01T09:00:00Z")
			.containsEntry("hs_meeting_end_time", "2026-12-01T09:30:00Z")
			.containsEntry("hs_meeting_outcome", "CANCELED")
			.containsEntry("hs_meeting_title", "Booked appointment: Ada Lovelace (Analytical Engines)")
			.containsEntry("hs_meeting_body", "Demo please")
			.doesNotContainKey("booking_id");
	}

	@Test
	void textThatAnExportWouldTakeForAFormulaIsWrittenAsText() {
		Booking formula = booking("=HYPERLINK(\"http://evil.example\") -Smith", "+SUM(A1)", "+44 666 0000",
				"@cmd|' /C calc'!A0", BookingStatus.CONFIRMED);

		var contact = CrmMapping.contact(formula, formula, MeetingOutcome.SCHEDULED);
		var meeting = CrmMapping.meeting(formula, MeetingOutcome.SCHEDULED);

		assertThat(contact).containsEntry("firstname", "'=HYPERLINK(\"http://evil.example\")")
			.containsEntry("lastname", "'-Smith")
			.containsEntry("company", "'+SUM(A1)")
			.containsEntry("booking_inquiry", "'@cmd|' /C calc'!A0")
			// Only digits and + ( ) . / - : no function to call, and HubSpot keeps it a
			// number.
			.containsEntry("phone", "+44 666 0000");
		assertThat(meeting).containsEntry("hs_meeting_body", "'@cmd|' /C calc'!A0");
		assertThat(meeting.get("hs_meeting_title")).startsWith("Booked appointment: ");
	}

	@Test
	void neutralizesFormulaStartsOnly() {
		assertThat(CrmMapping.text("=1+1")).isEqualTo("'=1+1");
		assertThat(CrmMapping.text("  =1+1")).isEqualTo("'  =1+1");
		assertThat(CrmMapping.text("\t@SUM(A1)")).isEqualTo("'\t@SUM(A1)");
		assertThat(CrmMapping.text("-2")).isEqualTo("'-2");
		assertThat(CrmMapping.text("Ada")).isEqualTo("Ada");
		assertThat(CrmMapping.text("a=b")).isEqualTo("a=b");
		assertThat(CrmMapping.text("'quoted")).isEqualTo("'quoted");
		assertThat(CrmMapping.text("")).isEmpty();
	}

	@Test
	void phoneWithOtherCharactersIsNeutralizedLikeAnyText() {
		Booking odd = booking("Ada Lovelace", null, "+1 HYPERLINK", null, BookingStatus.CONFIRMED);

		assertThat(CrmMapping.contact(odd, odd, MeetingOutcome.SCHEDULED)).containsEntry("phone", "'+1 HYPERLINK");
	}

	@Test
	void fillingAnExistingContactWritesOnlyTheIdentityItLacks() {
		Booking mallory = booking("Mallory Attacker", "Evil Corp", "+44 666 0000", "Demo", BookingStatus.CONFIRMED);
		Map<String, String> existing = new HashMap<>();
		existing.put("firstname", "Victoria");
		existing.put("lastname", "Real");
		existing.put("company", " ");
		existing.put("phone", null);

		var properties = CrmMapping.contactFillingIdentity(mallory, mallory, MeetingOutcome.SCHEDULED, existing);

		assertThat(properties).doesNotContainKeys("firstname", "lastname", "email")
			.containsEntry("company", "Evil Corp")
			.containsEntry("phone", "+44 666 0000")
			.containsEntry("booking_id", ID.toString())
			.containsEntry("booking_inquiry", "Demo");
	}

	@Test
	void outcomesMapToTheContactStatusOptions() {
		assertThat(MeetingOutcome.SCHEDULED.contactStatus()).isEqualTo("confirmed");
		assertThat(MeetingOutcome.RESCHEDULED.contactStatus()).isEqualTo("rescheduled");
		assertThat(MeetingOutcome.CANCELED.contactStatus()).isEqualTo("cancelled");
	}

	private static Booking booking(String name, String company, String phone, String inquiry, BookingStatus status) {
		Instant start = Instant.parse("2026-12-01T09:00:00Z");
		return new Booking(ID, status, name, name.startsWith("Maria") ? "maria@example.com" : "ada@example.com",
				company, phone, inquiry, start, start.plusSeconds(1800), "Europe/London", 1, null, start, start,
				Map.of());
	}

}
