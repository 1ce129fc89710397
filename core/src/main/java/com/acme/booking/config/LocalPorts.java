package com.acme.booking.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free port on this machine for a server the service starts as a child process (the
 * embedded PostgreSQL, the Temporal dev server), which binds it a moment later.
 * <p>
 * Not a port the kernel picks for {@code bind(0)}: until the child binds it, any server
 * started with port 0 meanwhile may be given the same port, and the child then fails to
 * start ("Address already in use"). The port is drawn at random from just below the
 * kernel's ephemeral range, which {@code bind(0)} never hands out, and checked free.
 */
public final class LocalPorts {

	/**
	 * The lowest port drawn; the test JVMs of this build hand out theirs below it, from
	 * blocks of their own.
	 */
	public static final int FIRST = 28_000;

	private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	private static final int TRIES = 200;

	private LocalPorts() {
	}

	public static int free() {
		int end = ephemeralStart();
		if (end - FIRST >= TRIES) {
			for (int i = 0; i < TRIES; i++) {
				int port = ThreadLocalRandom.current().nextInt(FIRST, end);
				if (free(port)) {
					return port;
				}
			}
		}
		return kernelPicked();
	}

	/**
	 * The first port of the kernel's ephemeral range; 0 where it cannot be read. Read by
	 * lines: {@code Files.readString} gets only the first byte of a sysctl file.
	 */
	public static int ephemeralStart() {
		try {
			return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException unknown) {
			return 0;
		}
	}

	/** Whether nothing listens on the port, on any address. */
	public static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

	private static int kernelPicked() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
