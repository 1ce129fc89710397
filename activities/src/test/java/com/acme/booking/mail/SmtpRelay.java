package com.acme.booking.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay in front of the test's SMTP server that fails the way relays do: each
 * connection takes the next scripted fault, and once the script is done it forwards to
 * the real server byte for byte.
 */
final class SmtpRelay implements AutoCloseable {

	/** What one connection meets. */
	enum Fault {

		/**
		 * Accepts the connection and never greets (a stuck relay, a firewall), until the
		 * client gives up.
		 */
		NEVER_GREETS,
		/**
		 * Speaks SMTP, takes the whole message after {@code DATA}, then drops the
		 * connection without an answer and delivers nothing.
		 */
		LOSES_THE_ANSWER

	}

	private final ServerSocket server;

	private final int target;

	private final Queue<Fault> script = new ConcurrentLinkedQueue<>();

	final AtomicInteger connections = new AtomicInteger();

	SmtpRelay(int target) {
		this.target = target;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("smtp-relay", this::accept);
	}

	int port() {
		return server.getLocalPort();
	}

	/** The next connections meet these faults, in order. */
	SmtpRelay then(Fault... faults) {
		script.addAll(List.of(faults));
		return this;
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				connections.incrementAndGet();
				Fault fault = script.poll();
				daemon("smtp-relay-connection", () -> serve(client, fault));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void serve(Socket client, Fault fault) {
		try (client) {
			if (fault == Fault.NEVER_GREETS) {
				client.getInputStream().transferTo(OutputStream.nullOutputStream());
			}
			else if (fault == Fault.LOSES_THE_ANSWER) {
				loseTheAnswer(client);
			}
			else {
				forward(client);
			}
		}
		catch (IOException gone) {
			// The client gave up or the test ended.
		}
	}

	private static void loseTheAnswer(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
		OutputStream out = client.getOutputStream();
		reply(out, "220 relay ESMTP");
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("DATA")) {
				reply(out, "354 go ahead");
				for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
					// Swallowed: nothing is delivered.
				}
				return;
			}
			reply(out, command.startsWith("QUIT") ? "221 bye" : "250 ok");
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private void forward(Socket client) throws IOException {
		try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
			Thread back = daemon("smtp-relay-back", () -> pipe(upstream, client));
			pipe(client, upstream);
			try {
				back.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static Thread daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static void pipe(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			in.transferTo(to.getOutputStream());
			to.shutdownOutput();
		}
		catch (IOException closed) {
			// One side closed.
		}
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
