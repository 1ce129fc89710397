package com.acme.booking.startup;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@code prod} profile asks of a secret someone could otherwise guess (the admin
 * key, the manage-token secret): not a placeholder, at least 32 characters, and at least
 * ten distinct characters from more than one class (lower case, upper case, digits,
 * others). A random value ({@code openssl rand -base64 48}, or {@code -hex 32}) passes.
 */
final class SecretStrength {

	static final int MIN_LENGTH = 32;

	static final int MIN_DISTINCT = 10;

	/**
	 * What placeholders say, those of {@code .env.example} ({@code change-me-to-...})
	 * among them.
	 */
	private static final Set<String> PLACEHOLDER_WORDS = Set.of("change-me", "changeme", "change_me", "replace-me",
			"replaceme", "placeholder");

	private SecretStrength() {
	}

	/**
	 * Why {@code value} of {@code property} is too weak for production, or empty when it
	 * will do. The value itself is never part of the answer.
	 */
	static Optional<String> weakness(String property, String value) {
		String lower = value.strip().toLowerCase(Locale.ROOT);
		if (PLACEHOLDER_WORDS.stream().anyMatch(lower::contains)) {
			return refused(property, "looks like a placeholder (as in .env.example)");
		}
		if (value.length() < MIN_LENGTH) {
			return refused(property, "is shorter than " + MIN_LENGTH + " characters");
		}
		if (value.chars().distinct().count() < MIN_DISTINCT) {
			return refused(property, "has fewer than " + MIN_DISTINCT + " distinct characters");
		}
		if (classes(value) < 2) {
			return refused(property, "uses a single class of characters");
		}
		return Optional.empty();
	}

	private static long classes(String value) {
		return value.chars().map(SecretStrength::classOf).distinct().count();
	}

	private static int classOf(int c) {
		if (Character.isLowerCase(c)) {
			return 0;
		}
		if (Character.isUpperCase(c)) {
			return 1;
		}
		return Character.isDigit(c) ? 2 : 3;
	}

	private static Optional<String> refused(String property, String why) {
		return Optional.of(property + " " + why + ": use a long random value, e.g. `openssl rand -base64 48`");
	}

}
