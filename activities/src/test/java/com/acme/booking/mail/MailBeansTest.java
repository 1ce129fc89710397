package com.acme.booking.mail;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** One SMTP conversation is bounded by JavaMail's own timeouts, which must be set. */
class MailBeansTest {

	@Test
	void anSmtpAttemptIsBoundedByTheConnectTimeoutAndTwelveExchanges() {
		assertThat(MailBeans.worstAttempt(Map.of("mail.smtp.connectiontimeout", "10000", "mail.smtp.timeout", "10000",
				"mail.smtp.writetimeout", "5000")))
			.isEqualTo(Duration.ofSeconds(130));
	}

	@Test
	void javaMailWithoutATimeoutIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MailBeans
				.worstAttempt(Map.of("mail.smtp.connectiontimeout", "10000", "mail.smtp.writetimeout", "10000")))
			.withMessageContaining("spring.mail.properties[mail.smtp.timeout]");
	}

}
