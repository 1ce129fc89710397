package com.acme.booking.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads what the GreenMail SMTP server received, the way a mail client would. */
final class Mailbox {

	/** One received email, taken apart; {@code ics} null when it has no calendar file. */
	record Received(String to, String from, String subject, String text, String html, String icsContentType,
			ICalendar ics, String messageId) {
	}

	private final GreenMailOperations server;

	Mailbox(GreenMailOperations server) {
		this.server = server;
	}

	/** Every email received for {@code address}, oldest first. */
	List<Received> to(String address) {
		return Arrays.stream(server.getReceivedMessages())
			.filter(m -> addressedTo(m, address))
			.map(Mailbox::read)
			.toList();
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Received read(MimeMessage message) {
		try {
			List<Part> parts = new ArrayList<>();
			collect(message, parts);
			Part ics = parts.stream().filter(p -> type(p).startsWith("text/calendar")).findFirst().orElse(null);
			return new Received(message.getRecipients(Message.RecipientType.TO)[0].toString(),
					message.getFrom()[0].toString(), message.getSubject(), content(parts, "text/plain"),
					content(parts, "text/html"), ics == null ? null : type(ics),
					ics == null ? null : Biweekly.parse(body(ics)).first(), message.getMessageID());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(Part part, List<Part> leaves) throws MessagingException, IOException {
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, leaves);
			}
		}
		else {
			leaves.add(part);
		}
	}

	private static String content(List<Part> parts, String type) throws MessagingException, IOException {
		for (Part part : parts) {
			if (type(part).startsWith(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return body(part);
			}
		}
		throw new AssertionError("no " + type + " part");
	}

	private static String body(Part part) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof String text) {
			return text;
		}
		try (InputStream in = (InputStream) content) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String type(Part part) {
		try {
			return part.getContentType().toLowerCase(Locale.ROOT);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
