package com.acme.booking.crm;

import java.util.Arrays;
import java.util.Set;

/**
 * A customer's single name field split into HubSpot's {@code firstname} and
 * {@code lastname}. Surname particles ("van der", "de la", "von"...) start the last name,
 * middle names stay with the first name, and stray spaces are ignored. A single word is a
 * first name only: the last name is then left as HubSpot has it.
 *
 * @param first the given name(s)
 * @param last the family name, null when the name is a single word
 */
record PersonName(String first, String last) {

	private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da",
			"dos", "das", "do", "du", "la", "le", "ter", "ten", "zu", "af", "av", "bin", "ibn", "al", "el", "st",
			"st.");

	static PersonName parse(String name) {
		String[] words = name == null ? new String[0] : name.strip().split("\\s+");
		if (words.length == 0 || words[0].isEmpty()) {
			return new PersonName("", null);
		}
		if (words.length == 1) {
			return new PersonName(words[0], null);
		}
		int lastStart = words.length - 1;
		// The first particle after the first word starts the surname: "Maria de la Cruz",
		// "Ludwig van Beethoven".
		for (int i = 1; i < words.length - 1; i++) {
			if (PARTICLES.contains(words[i].toLowerCase())) {
				lastStart = i;
				break;
			}
		}
		return new PersonName(String.join(" ", Arrays.copyOfRange(words, 0, lastStart)),
				String.join(" ", Arrays.copyOfRange(words, lastStart, words.length)));
	}

}
