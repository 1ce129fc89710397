package com.acme.booking.chaos;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.booking.chaos.SmtpStandIn.Delivered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chaos run's email comparison finds what it is there to find. */
class MailCheckTest {

	static final UUID BOOKED = UUID.fromString("00000000-0000-0000-0000-000000000001");

	static final UUID MOVED = UUID.fromString("00000000-0000-0000-0000-000000000002");

	static final UUID CANCELLED = UUID.fromString("00000000-0000-0000-0000-000000000003");

	static final List<WorldCheck.Row> ROWS = List.of(row(BOOKED, 1, false, null), row(MOVED, 3, false, null),
			row(CANCELLED, 2, true, null));

	static final List<Delivered> ALL = List.of(mail(BOOKED, 1, "confirmation"), mail(MOVED, 1, "confirmation"),
			mail(MOVED, 3, "update"), mail(CANCELLED, 2, "cancellation"));

	@Test
	void theEmailOfEveryCurrentStateDeliveredOnceMatches() {
		MailCheck.Outcome outcome = MailCheck.compare(ROWS, ALL, List.of());

		assertThat(outcome.mismatches()).isEmpty();
		assertThat(outcome.delivered()).isEqualTo(4);
		assertThat(outcome.duplicates()).isZero();
	}

	@Test
	void anEmailNeitherDeliveredNorFlaggedIsLost() {
		List<Delivered> withoutUpdate = List.of(ALL.get(0), ALL.get(1), ALL.get(3));

		assertThat(MailCheck.compare(ROWS, withoutUpdate, List.of()).mismatches()).singleElement()
			.asString()
			.contains(MOVED + " email lost: " + MailCheck.messageId(MOVED, 3, "update"));
		List<WorldCheck.Row> flagged = List.of(ROWS.get(0), row(MOVED, 3, false, "MailUnavailable: refused"),
				ROWS.get(2));
		MailCheck.Outcome outcome = MailCheck.compare(flagged, withoutUpdate, List.of());
		assertThat(outcome.mismatches()).isEmpty();
		assertThat(outcome.flagged()).isEqualTo(1);
	}

	@Test
	void aConfirmationAfterAnEarlierOneOrAnUpdateWithoutOneIsTheWrongEmail() {
		List<Delivered> twoConfirmations = List.of(ALL.get(0), ALL.get(1), mail(MOVED, 3, "confirmation"), ALL.get(3));
		List<Delivered> updateOnly = List.of(ALL.get(0), ALL.get(2), ALL.get(3));

		assertThat(MailCheck.compare(ROWS, twoConfirmations, List.of()).mismatches()).singleElement()
			.asString()
			.contains("email lost");
		assertThat(MailCheck.compare(ROWS, updateOnly, List.of()).mismatches()).singleElement()
			.asString()
			.contains("email lost");
	}

	@Test
	void copiesAreAllowedOnlyUpToTheMessagesMissedAnswersAndEveryEmailBelongsToABookingAndItsAddress() {
		List<Delivered> copy = List.of(ALL.get(0), ALL.get(0), ALL.get(1), ALL.get(2), ALL.get(3));

		String copied = ALL.get(0).messageId();

		assertThat(MailCheck.compare(ROWS, copy, List.of(copied)).mismatches()).isEmpty();
		assertThat(MailCheck.compare(ROWS, copy, List.of()).mismatches()).singleElement()
			.asString()
			.contains(copied + " x2");
		assertThat(MailCheck.compare(ROWS, copy, List.of(ALL.get(1).messageId())).mismatches())
			.as("another message's missed answer excuses no copy")
			.singleElement()
			.asString()
			.contains(copied + " x2");
		List<Delivered> stray = List.of(ALL.get(0), ALL.get(1), ALL.get(2), ALL.get(3),
				mail(UUID.randomUUID(), 1, "confirmation"),
				new Delivered(MailCheck.messageId(BOOKED, 1, "confirmation"), "someone@example.com"));
		assertThat(MailCheck.compare(ROWS, stray, List.of(ALL.get(0).messageId())).mismatches()).hasSize(2)
			.anySatisfy(m -> assertThat(m).startsWith("email of no booking"))
			.anySatisfy(m -> assertThat(m).contains("went to someone@example.com"));
	}

	static WorldCheck.Row row(UUID id, long revision, boolean cancelled, String mailFlag) {
		Instant start = Instant.parse("2030-01-01T10:00:00Z");
		return new WorldCheck.Row(id, revision, cancelled, "Chaos " + id, email(id), start, start.plusSeconds(1800),
				null, true, null, null, true, null, mailFlag == null, mailFlag, false);
	}

	static Delivered mail(UUID booking, long revision, String kind) {
		return new Delivered(MailCheck.messageId(booking, revision, kind), "Chaos <" + email(booking) + ">");
	}

	static String email(UUID id) {
		return "chaos-" + id + "@example.com";
	}

}
