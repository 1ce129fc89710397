package com.acme.booking.chaos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.acme.booking.chaos.SmtpStandIn.Delivered;

/**
 * Compares the emails the SMTP server took with what PostgreSQL says: the email of every
 * booking's current state (its cancellation; an update when its confirmation went out at
 * an earlier revision; else its confirmation) was delivered to the customer's address
 * under its {@code Message-ID}, which names the booking, the revision and the kind, or
 * the booking is flagged for its emails with a reason. An email neither delivered nor
 * flagged is lost. A copy of a message already delivered is allowed only where the client
 * never had the server's answer, dropped by the relay or too late for the client (the
 * service cannot know the message left and sends it again with the same
 * {@code Message-ID}), so no message has more copies than answers its client missed. No
 * email belongs to no booking.
 */
final class MailCheck {

	/** The domain of {@code booking.mail.from} in the chaos runs. */
	static final String DOMAIN = "chaos.example";

	private static final Pattern MESSAGE_ID = Pattern
		.compile("<booking-([0-9a-f-]{36})\\.(\\d+)\\.([a-z]+)@" + Pattern.quote(DOMAIN) + ">");

	/**
	 * What the comparison found; {@code kinds} counts the distinct messages delivered by
	 * kind, {@code duplicates} copies beyond the first of a {@code Message-ID},
	 * {@code flagged} bookings flagged for their emails.
	 */
	record Outcome(List<String> mismatches, int delivered, Map<String, Long> kinds, int duplicates, int flagged) {
	}

	/** A delivered {@code Message-ID} taken apart. */
	private record Key(UUID booking, long revision, String kind) {
	}

	private MailCheck() {
	}

	static Outcome compare(Collection<WorldCheck.Row> rows, List<Delivered> delivered,
			Collection<String> answersMissed) {
		List<String> mismatches = new ArrayList<>();
		Map<String, List<Delivered>> byMessageId = delivered.stream()
			.collect(Collectors.groupingBy(d -> String.valueOf(d.messageId())));
		Set<UUID> ids = rows.stream().map(WorldCheck.Row::id).collect(Collectors.toSet());
		Map<UUID, List<Key>> byBooking = new HashMap<>();
		byMessageId.keySet().forEach(messageId -> {
			Matcher m = MESSAGE_ID.matcher(messageId);
			if (!m.matches() || !ids.contains(UUID.fromString(m.group(1)))) {
				mismatches.add("email of no booking: " + messageId);
				return;
			}
			Key key = new Key(UUID.fromString(m.group(1)), Long.parseLong(m.group(2)), m.group(3));
			byBooking.computeIfAbsent(key.booking(), b -> new ArrayList<>()).add(key);
		});
		int duplicates = byMessageId.values().stream().mapToInt(copies -> copies.size() - 1).sum();
		Map<String, Long> missedById = answersMissed.stream()
			.collect(Collectors.groupingBy(String::valueOf, Collectors.counting()));
		List<String> unexplained = byMessageId.entrySet()
			.stream()
			.filter(e -> e.getValue().size() - 1 > missedById.getOrDefault(e.getKey(), 0L))
			.map(e -> e.getKey() + " x" + e.getValue().size() + " (answers missed: "
					+ missedById.getOrDefault(e.getKey(), 0L) + ")")
			.toList();
		if (!unexplained.isEmpty()) {
			mismatches.add("copies of emails already delivered beyond the answers their client missed: " + unexplained);
		}
		int flagged = 0;
		for (WorldCheck.Row row : rows) {
			if (row.mailFlag() != null) {
				flagged++;
				continue;
			}
			if (!row.mailSynced()) {
				mismatches.add(row.id() + " emails are not at revision " + row.revision() + " and not flagged");
			}
			List<Key> ofBooking = byBooking.getOrDefault(row.id(), List.of());
			String kind = expectedKind(row, ofBooking);
			String messageId = messageId(row.id(), row.revision(), kind);
			List<Delivered> copies = byMessageId.get(messageId);
			if (copies == null) {
				mismatches.add(row.id() + " email lost: " + messageId + " neither delivered nor flagged; delivered for"
						+ " the booking: " + ofBooking);
				continue;
			}
			copies.stream()
				.filter(c -> c.to() == null
						|| !c.to().toLowerCase(Locale.ROOT).contains(row.email().toLowerCase(Locale.ROOT)))
				.forEach(c -> mismatches
					.add(row.id() + " email " + messageId + " went to " + c.to() + ", not " + row.email()));
		}
		Map<String, Long> kinds = byBooking.values()
			.stream()
			.flatMap(List::stream)
			.collect(Collectors.groupingBy(Key::kind, TreeMap::new, Collectors.counting()));
		return new Outcome(mismatches, delivered.size(), kinds, duplicates, flagged);
	}

	/**
	 * The kind of email the current state gets: a cancellation; an update once a
	 * confirmation went out at an earlier revision; else the confirmation.
	 */
	private static String expectedKind(WorldCheck.Row row, List<Key> ofBooking) {
		if (row.cancelled()) {
			return "cancellation";
		}
		boolean confirmed = ofBooking.stream()
			.anyMatch(k -> k.kind().equals("confirmation") && k.revision() < row.revision());
		return confirmed ? "update" : "confirmation";
	}

	/**
	 * The {@code Message-ID} the service gives the message of (booking, revision, kind).
	 */
	static String messageId(UUID booking, long revision, String kind) {
		return "<booking-" + booking + "." + revision + "." + kind + "@" + DOMAIN + ">";
	}

}
