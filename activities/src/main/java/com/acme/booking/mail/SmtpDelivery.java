package com.acme.booking.mail;

import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
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
 * server could not be reached, or refused) from one whose outcome is unknown (the
 * connection broke while the message was being handed over).
 */
class SmtpDelivery {

	/** An email ready to go; {@code ics} null for one without a calendar file. */
	record Outgoing(String to, String toName, String subject, String text, String html, String ics, String icsMethod) {
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

	SmtpDelivery(JavaMailSender sender, String from, String replyTo) {
		this.sender = sender;
		this.from = from;
		this.replyTo = replyTo;
	}

	void send(Outgoing mail) {
		MimeMessage message = sender.createMimeMessage();
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
			throw classify(ex);
		}
	}

	static Failed classify(MailException ex) {
		if (ex instanceof MailAuthenticationException) {
			return new Failed("The SMTP server refused the credentials (spring.mail.username / password)", true, true,
					ex);
		}
		if (ex instanceof MailPreparationException) {
			return new Failed("The email could not be built: " + ex.getMessage(), true, true, ex);
		}
		if (causedBy(ex, ConnectException.class) || causedBy(ex, UnknownHostException.class)) {
			return new Failed("The SMTP server cannot be reached", true, false, ex);
		}
		if (causedBy(ex, SendFailedException.class)) {
			return new Failed("The SMTP server refused the email", true, false, ex);
		}
		return new Failed("The SMTP server's answer was lost; the email may have been sent", false, false, ex);
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

}
