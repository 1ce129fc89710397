package com.acme.booking.security;

import com.acme.booking.admin.AdminProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a configured key nobody is an operator, whatever they send. */
class AdminKeyTest {

	@Test
	void withoutAKeyNothingMatches() {
		for (String configured : new String[] { null, "", "   " }) {
			AdminKey key = new AdminKey(new AdminProperties(configured));

			assertThat(key.configured()).isFalse();
			assertThat(key.matches(null)).isFalse();
			assertThat(key.matches("")).isFalse();
			assertThat(key.matches("   ")).isFalse();
			assertThat(key.matches("null")).isFalse();
		}
	}

	@Test
	void matchesOnlyTheConfiguredKey() {
		AdminKey key = new AdminKey(new AdminProperties("operators-key"));

		assertThat(key.matches("operators-key")).isTrue();
		assertThat(key.matches("operators-key ")).isFalse();
		assertThat(key.matches("OPERATORS-KEY")).isFalse();
		assertThat(key.matches(null)).isFalse();
	}

}
