package com.acme.booking.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.acme.booking.workflow.BookingTemporal;

/**
 * The Temporal CLI's dev server ({@code temporal server start-dev}) on a free port with its SQLite file in a test
 * folder: a real server, which keeps its state while the service is killed and restarted. The CLI comes from
 * {@code -Dtemporal.cli=} or the PATH.
 */
final class TemporalDevServer implements AutoCloseable {

	private final Process process;

	private final int port;

	private TemporalDevServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static TemporalDevServer start(Path dir) {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(System.getProperty("temporal.cli", "temporal"), "server",
				"start-dev", "--headless", "--ip", "127.0.0.1", "--port", String.valueOf(port), "--db-filename",
				dir.resolve("temporal.db").toString(), "--log-level", "error"));
		for (var key : BookingTemporal.SEARCH_ATTRIBUTES) {
			command.addAll(List.of("--search-attribute", key.getName() + "=Keyword"));
		}
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(dir.resolve("temporal.log").toFile())
				.start();
			TemporalDevServer server = new TemporalDevServer(process, port);
			server.awaitListening(Duration.ofSeconds(30));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the Temporal CLI (" + command.get(0) + ")", ex);
		}
	}

	String target() {
		return "127.0.0.1:" + port;
	}

	private void awaitListening(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The Temporal dev server exited with " + process.exitValue());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException notYet) {
				sleep(200);
			}
		}
		close();
		throw new IllegalStateException("The Temporal dev server did not listen on " + port + " within " + timeout);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
