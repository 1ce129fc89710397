package com.acme.booking.chaos;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.acme.booking.chaos.ChaosPlan.SmtpFault;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server (GreenMail) behind a relay that fails the way relays do: each connection
 * draws its fault from the {@link ChaosPlan}. The relay refuses (closes at once), hangs
 * (never greets until the client gives up), answers slowly (within the client's read
 * timeout), or drops the answer to a message the server took (so the client does not know
 * it was sent). Connections draw in the order they arrive: a replay meets the same
 * sequence of faults, though which email meets which depends on timing. Otherwise it
 * passes the conversation on line by line (the client speaks SMTP in lock step: one
 * command, one answer).
 */
final class SmtpStandIn implements AutoCloseable {

	static final String NAME = "SmtpStandIn";

	/** One email the server took: its {@code Message-ID} and recipient. */
	record Delivered(String messageId, String to) {
	}

	private static final byte[] QUIT = "QUIT\r\n".getBytes(StandardCharsets.US_ASCII);

	private final ChaosPlan plan;

	private final Duration readTimeout;

	private final GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private final ServerSocket relay;

	private final AtomicLong answersDropped = new AtomicLong();

	private final AtomicLong answersUnheard = new AtomicLong();

	private final List<String> missed = new CopyOnWriteArrayList<>();

	/**
	 * @param readTimeout the client's read timeout: a slow answer stays well within it, a
	 * hanging relay outlasts it
	 */
	SmtpStandIn(ChaosPlan plan, Duration readTimeout) {
		this.plan = plan;
		this.readTimeout = readTimeout;
		server.start();
		try {
			this.relay = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			server.stop();
			throw new UncheckedIOException(ex);
		}
		daemon("smtp-relay", this::accept);
	}

	/** The relay's port, where the service sends its emails. */
	int port() {
		return relay.getLocalPort();
	}

	/**
	 * Answers to a message the server took that the relay dropped: each may make one
	 * duplicate, when the client sends the message again.
	 */
	long answersDropped() {
		return answersDropped.get();
	}

	/**
	 * Answers to a message the server took that reached the client only after it gave up
	 * waiting (on a busy machine): each may make one duplicate, as a dropped one.
	 */
	long answersUnheard() {
		return answersUnheard.get();
	}

	/**
	 * The {@code Message-ID} of each message the server took whose answer the client
	 * never had (dropped or heard too late), once per such answer.
	 */
	List<String> answersMissed() {
		return List.copyOf(missed);
	}

	/** Every email the server took, copies included. */
	List<Delivered> delivered() {
		return Arrays.stream(server.getReceivedMessages()).map(SmtpStandIn::delivered).toList();
	}

	private static Delivered delivered(MimeMessage message) {
		try {
			Address[] to = message.getAllRecipients();
			return new Delivered(message.getMessageID(), to == null || to.length == 0 ? null : to[0].toString());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void accept() {
		while (!relay.isClosed()) {
			try {
				Socket client = relay.accept();
				SmtpFault fault = plan.nextSmtp(NAME, "connection");
				daemon("smtp-relay-connection", () -> serve(client, fault));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void serve(Socket client, SmtpFault fault) {
		try (client) {
			switch (fault) {
				case REFUSED -> {
					// Closed at once by the try.
				}
				case HANGS -> hang(client);
				default -> converse(client, fault);
			}
		}
		catch (IOException | UncheckedIOException gone) {
			// The client gave up, or the run ended.
		}
	}

	/** Reads and ignores whatever the client sends until it gives up, or long after. */
	private void hang(Socket client) throws IOException {
		client.setSoTimeout((int) readTimeout.toMillis() * 5);
		try {
			client.getInputStream().transferTo(OutputStream.nullOutputStream());
		}
		catch (SocketTimeoutException late) {
			// The client still waits: closed now.
		}
	}

	private void converse(Socket client, SmtpFault fault) throws IOException {
		Duration delay = fault == SmtpFault.SLOW ? readTimeout.dividedBy(4) : Duration.ZERO;
		try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), server.getSmtp().getPort())) {
			upstream.setSoTimeout(30_000);
			client.setSoTimeout(30_000);
			InputStream fromServer = new BufferedInputStream(upstream.getInputStream());
			OutputStream toServer = upstream.getOutputStream();
			InputStream fromClient = new BufferedInputStream(client.getInputStream());
			OutputStream toClient = client.getOutputStream();
			pass(answer(fromServer), toClient, delay);
			byte[] command = line(fromClient);
			while (command != null) {
				write(toServer, command);
				byte[] answer = answer(fromServer);
				String verb = new String(command, StandardCharsets.US_ASCII).trim().toUpperCase(Locale.ROOT);
				if (verb.equals("DATA") && answer.length > 0 && answer[0] == '3') {
					pass(answer, toClient, delay);
					String messageId = content(fromClient, toServer);
					answer = answer(fromServer);
					if (answer.length > 0 && answer[0] == '2') {
						if (fault == SmtpFault.ANSWER_DROPPED) {
							answersDropped.incrementAndGet();
							missed.add(messageId);
							write(toServer, QUIT);
							return;
						}
						command = heard(answer, toClient, fromClient, delay);
						if (command == null) {
							answersUnheard.incrementAndGet();
							missed.add(messageId);
							write(toServer, QUIT);
							return;
						}
						continue;
					}
				}
				pass(answer, toClient, delay);
				if (verb.equals("QUIT") || answer.length == 0) {
					return;
				}
				command = line(fromClient);
			}
		}
	}

	/**
	 * Passes on the server's answer to a message it took and reads the client's next
	 * command; null when the client went away instead: it gave up waiting for the answer
	 * (the machine was too busy to answer within its read timeout), so it cannot know the
	 * message left. A client that heard the answer goes on, or says {@code QUIT}.
	 */
	private static byte[] heard(byte[] answer, OutputStream toClient, InputStream fromClient, Duration delay) {
		try {
			pass(answer, toClient, delay);
			return line(fromClient);
		}
		catch (IOException | UncheckedIOException gone) {
			return null;
		}
	}

	/**
	 * Passes on the message, up to and including the lone dot that ends it; returns its
	 * {@code Message-ID} (null without one).
	 */
	private static String content(InputStream fromClient, OutputStream toServer) throws IOException {
		String messageId = null;
		boolean inMessageId = false;
		for (byte[] line = line(fromClient); line != null; line = line(fromClient)) {
			toServer.write(line);
			String text = new String(line, StandardCharsets.US_ASCII);
			if (text.equals(".\r\n")) {
				toServer.flush();
				return messageId;
			}
			if (inMessageId && (text.startsWith(" ") || text.startsWith("\t"))) {
				// A folded header goes on.
				messageId += text.trim();
				continue;
			}
			inMessageId = messageId == null && text.regionMatches(true, 0, "Message-ID:", 0, 11);
			if (inMessageId) {
				messageId = text.substring(11).trim();
			}
		}
		throw new IOException("the client closed the connection within the message");
	}

	/**
	 * One answer of the server, every line of it ({@code 250-...} lines go on, a
	 * {@code 250 ...} line ends it); empty when the server closed the connection.
	 */
	private static byte[] answer(InputStream fromServer) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		for (byte[] line = line(fromServer); line != null; line = line(fromServer)) {
			answer.write(line);
			if (line.length < 4 || line[3] != '-') {
				break;
			}
		}
		return answer.toByteArray();
	}

	/** The next line, with its line break; null at the end of the stream. */
	private static byte[] line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b >= 0; b = in.read()) {
			line.write(b);
			if (b == '\n') {
				return line.toByteArray();
			}
		}
		return line.size() == 0 ? null : line.toByteArray();
	}

	/** Passes an answer on to the client, {@code delay} late. */
	private static void pass(byte[] answer, OutputStream toClient, Duration delay) throws IOException {
		if (delay.isZero()) {
			write(toClient, answer);
			return;
		}
		try {
			CompletableFuture
				.runAsync(() -> write(toClient, answer),
						CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
				.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			throw ex;
		}
	}

	private static void write(OutputStream out, byte[] bytes) {
		try {
			out.write(bytes);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		try {
			relay.close();
		}
		finally {
			server.stop();
		}
	}

}
