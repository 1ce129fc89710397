package com.acme.booking.mail;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an SMTP failure is told apart: certainly not sent (a retry cannot make a second
 * copy) or outcome unknown. The exceptions are shaped as Spring's sender and JavaMail
 * throw them.
 */
class SmtpDeliveryTest {

	@Test
	void aConnectTimeoutCertainlySentNothing() {
		assertNotSent(connecting(new SocketTimeoutException("Connect timed out")));
	}

	@Test
	void aServerThatNeverGreetsCertainlySentNothing() {
		assertNotSent(connecting(new SocketTimeoutException("Read timed out")));
	}

	@Test
	void noRouteToTheServerCertainlySentNothing() {
		assertNotSent(connecting(new NoRouteToHostException("No route to host")));
	}

	@Test
	void aRefusedConnectionCertainlySentNothing() {
		assertNotSent(connecting(new ConnectException("Connection refused")));
	}

	@Test
	void aResetDuringTheGreetingOrLoginCertainlySentNothing() {
		assertNotSent(connecting(new SocketException("Connection reset")));
	}

	@Test
	void aResetOrTimeoutBeforeTheContentWasHandedOverCertainlySentNothing() {
		assertThat(SmtpDelivery.classify(sending(new SocketException("Connection reset")), false).certainlyNotSent)
			.isTrue();
		assertThat(SmtpDelivery.classify(sending(new SocketTimeoutException("Read timed out")), false).certainlyNotSent)
			.isTrue();
	}

	@Test
	void aResetOrTimeoutOnceTheContentWasHandedOverHasAnUnknownOutcome() {
		SmtpDelivery.Failed reset = SmtpDelivery.classify(sending(new SocketException("Connection reset")), true);
		assertThat(reset.certainlyNotSent).isFalse();
		assertThat(reset.permanent).isFalse();
		assertThat(reset.getMessage()).contains("may have been sent");
		assertThat(SmtpDelivery.classify(sending(new SocketTimeoutException("Read timed out")), true).certainlyNotSent)
			.isFalse();
	}

	@Test
	void aRefusedMessageCertainlySentNothingEvenAfterItsContent() {
		SmtpDelivery.Failed refused = SmtpDelivery
			.classify(new MailSendException("Failed messages", new Replied("554 rejected", 554)), true);
		assertThat(refused.certainlyNotSent).isTrue();
		assertThat(refused.permanent).isFalse();
	}

	/**
	 * The connection closed after the content, before the server's answer: JavaMail
	 * reports a send failure with reply code -1, and the server may have taken the
	 * message.
	 */
	@Test
	void aSendFailureWithoutAReplyOnceTheContentWentOverHasAnUnknownOutcome() {
		SmtpDelivery.Failed noAnswer = SmtpDelivery
			.classify(new MailSendException("Failed messages", new Replied("[EOF]", -1)), true);
		assertThat(noAnswer.certainlyNotSent).isFalse();
		assertThat(noAnswer.getMessage()).contains("may have been sent");
		assertThat(SmtpDelivery.classify(new MailSendException("Failed messages", new Replied("[EOF]", -1)),
				false).certainlyNotSent)
			.as("before the content, nothing can have been taken")
			.isTrue();
	}

	/**
	 * A send failure carrying the SMTP reply code, as JavaMail's SMTP transport makes.
	 */
	static final class Replied extends SendFailedException {

		private final int returnCode;

		Replied(String message, int returnCode) {
			super(message);
			this.returnCode = returnCode;
		}

		public int getReturnCode() {
			return returnCode;
		}

	}

	@Test
	void refusedCredentialsArePermanent() {
		SmtpDelivery.Failed auth = SmtpDelivery.classify(new MailAuthenticationException("535"), false);
		assertThat(auth.certainlyNotSent).isTrue();
		assertThat(auth.permanent).isTrue();
	}

	@Test
	void theMessageIdIsTheKeyInTheSendersDomain() {
		SmtpDelivery smtp = new SmtpDelivery(null, "Acme Consulting <bookings@acme.example>", null);
		assertThat(smtp.messageId("booking-1.2.confirmation")).isEqualTo("<booking-1.2.confirmation@acme.example>");
	}

	private static void assertNotSent(MailSendException ex) {
		SmtpDelivery.Failed failed = SmtpDelivery.classify(ex, false);
		assertThat(failed.certainlyNotSent).as(ex.getMostSpecificCause().toString()).isTrue();
		assertThat(failed.permanent).isFalse();
	}

	/** As Spring's sender reports a failure to connect, greet or log in. */
	private static MailSendException connecting(Exception cause) {
		MessagingException connect = new MessagingException("Couldn't connect to host, port: relay, 25", cause);
		return new MailSendException("Mail server connection failed", connect, Map.of(new Object(), connect));
	}

	/**
	 * As Spring's sender reports a failure while sending (MAIL, RCPT, DATA, content): no
	 * cause of its own, the message's failure in its map.
	 */
	private static MailSendException sending(Exception cause) {
		return new MailSendException(
				Map.of(new Object(), new MessagingException("IOException while sending message", cause)));
	}

}
