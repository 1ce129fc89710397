package com.acme.booking.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.StringUtils;

/**
 * Hands one email to the SMTP server: a plain-text and an HTML alternative, and the
 * calendar file as {@code booking.ics}. Tells a failure that certainly sent nothing (the
 * message's content never went over the wire: the server could not be reached, did not
 * greet or log in in time, broke the connection before {@code DATA}, or refused the
 * message) from one whose outcome is unknown (the connection broke, or an answer timed
 * out, once the content was being handed over).
 */
class SmtpDelivery {

	/**
	 * An email ready to go; {@code ics} null for one without a calendar file;
	 * {@code messageKey} names the message for its {@code Message-ID} (the same for every
	 * attempt, so that a mail client shows a copy sent twice once), null for a fresh one.
	 */
	record Outgoing(String to, String toName, String subject, String text, String html, String ics, String icsMethod,
			String messageKey) {
	}

	/**
	 * The SMTP call failed; {@code certainlyNotSent} when a retry cannot make a second
	 * copy.
	 */
	static final class Failed extends RuntimeException {

		final boolean certainlyNotSent;

		final boolean permanent;

		Failed(String message, boolean certainlyNotSent, boolean permanent, Throwable cause) {
			super(message, cause);
			this.certainlyNotSent = certainlyNotSent;
			this.permanent = permanent;
		}

	}

	private final JavaMailSender sender;

	private final String from;

	private final String replyTo;

	private final String fromAddress;

	SmtpDelivery(JavaMailSender sender, String from, String replyTo) {
		this.sender = sender;
		this.from = from;
		this.replyTo = replyTo;
		this.fromAddress = address(from);
	}

	private static String address(String from) {
		try {
			return new InternetAddress(from).getAddress();
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("booking.mail.from is not an email address", ex);
		}
	}

	/**
	 * The {@code Message-ID} of a message named {@code key}, in the sender's domain: the
	 * same for every attempt.
	 */
	String messageId(String key) {
		int at = fromAddress.lastIndexOf('@');
		return "<" + key + "@" + (at < 0 ? "localhost" : fromAddress.substring(at + 1)) + ">";
	}

	void send(Outgoing mail) {
		Tracked message = new Tracked(sender.createMimeMessage(),
				mail.messageKey() == null ? null : messageId(mail.messageKey()));
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			if (StringUtils.hasText(replyTo)) {
				helper.setReplyTo(replyTo);
			}
			helper.setTo(new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			if (mail.ics() != null) {
				helper.addAttachment("booking.ics", new ByteArrayResource(mail.ics().getBytes(StandardCharsets.UTF_8)),
						"text/calendar; charset=UTF-8; method=" + mail.icsMethod());
			}
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new Failed("The email could not be built: " + ex.getMessage(), true, true, ex);
		}
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			throw classify(ex, message.contentStarted);
		}
	}

	/**
	 * @param contentStarted whether the message's content was being written to the server
	 * (after its {@code 354} answer to {@code DATA}): before that the server cannot have
	 * taken the message, whatever broke
	 */
	static Failed classify(MailException ex, boolean contentStarted) {
		if (ex instanceof MailAuthenticationException) {
			return new Failed("The SMTP server refused the credentials (spring.mail.username / password)", true, true,
					ex);
		}
		if (ex instanceof MailPreparationException) {
			return new Failed("The email could not be built: " + ex.getMessage(), true, true, ex);
		}
		// Once the content went over, only a reply code says "refused": a send failure
		// without one (the connection closed after the content, JavaMail's -1) may
		// follow a message the server took.
		if (causedBy(ex, SendFailedException.class) && (!contentStarted || replyCode(ex) >= 400)) {
			return new Failed("The SMTP server refused the email", true, false, ex);
		}
		if (causedBy(ex, ConnectException.class) || causedBy(ex, UnknownHostException.class)
				|| causedBy(ex, NoRouteToHostException.class)) {
			return new Failed("The SMTP server cannot be reached", true, false, ex);
		}
		if (!contentStarted) {
			return new Failed(
					"The SMTP server did not answer or broke the connection before the email was handed " + "over",
					true, false, ex);
		}
		return new Failed("The SMTP server's answer was lost; the email may have been sent", false, false, ex);
	}

	/**
	 * The SMTP reply code of the first send failure in the chain (JavaMail's
	 * {@code SMTPSendFailedException#getReturnCode}, read reflectively: the SMTP
	 * transport is a runtime dependency), -1 when the server gave none.
	 */
	static int replyCode(Throwable ex) {
		for (Throwable t = ex; t != null; t = next(t)) {
			if (t instanceof SendFailedException) {
				try {
					if (t.getClass().getMethod("getReturnCode").invoke(t) instanceof Integer code) {
						return code;
					}
				}
				catch (ReflectiveOperationException | RuntimeException noCode) {
					// A plain SendFailedException: no reply code.
				}
			}
		}
		return -1;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = next(t)) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static Throwable next(Throwable t) {
		if (t instanceof MessagingException messaging && messaging.getNextException() != null
				&& messaging.getNextException() != t.getCause()) {
			return messaging.getNextException();
		}
		if (t instanceof MailSendException send && t.getCause() == null && !send.getFailedMessages().isEmpty()) {
			return send.getFailedMessages().values().iterator().next();
		}
		return t.getCause() == t ? null : t.getCause();
	}

	/**
	 * The message as Spring's sender sends it, with its own {@code Message-ID} (JavaMail
	 * would make a new one for every attempt), and knowing whether its content was being
	 * written to the server: the SMTP transport writes it only after the server's
	 * {@code 354} answer to {@code DATA}.
	 */
	private static final class Tracked extends MimeMessage {

		private final String messageId;

		volatile boolean contentStarted;

		Tracked(MimeMessage base, String messageId) {
			super(base.getSession());
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			if (messageId == null) {
				super.updateMessageID();
			}
			else {
				setHeader("Message-ID", messageId);
			}
		}

		@Override
		public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
			contentStarted = true;
			super.writeTo(out, ignoreList);
		}

	}

}
