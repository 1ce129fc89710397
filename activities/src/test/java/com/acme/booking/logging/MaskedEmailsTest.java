package com.acme.booking.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedEmailsTest {

	@Test
	void keepsTheFirstLetterAndTheDomain() {
		assertThat(MaskedEmails.mask("contact ada.lovelace+demo@example.co.uk and bob@ex-ample.com"))
			.isEqualTo("contact a***@example.co.uk and b***@ex-ample.com");
	}

	@Test
	void leavesObjectIdentitiesAndPlainTextAlone() {
		assertThat(MaskedEmails.mask("com.acme.booking.Foo@1a2b3c")).isEqualTo("com.acme.booking.Foo@1a2b3c");
		assertThat(MaskedEmails.mask("no address here")).isEqualTo("no address here");
		assertThat(MaskedEmails.mask(null)).isNull();
	}

}
