package com.acme.booking.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port nothing listens on right now, for a server a test starts in another process (a
 * child service, PostgreSQL, Temporal), which binds it seconds later.
 * <p>
 * Not a port the kernel picks for {@code bind(0)}: until the other process binds it, any
 * server started with port 0 meanwhile (a WireMock, an SMTP server, an embedded Tomcat in
 * a test JVM beside this one) may be given the same port, and the test then talks to the
 * wrong server. The ports come from below the kernel's ephemeral range, which
 * {@code bind(0)} never hands out, each test JVM of the build from a block of its own
 * (the module's {@code booking.test.port-block} plus surefire's fork number), one after
 * another, so two test JVMs never pick the same port either.
 */
public final class FreePorts {

	private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	private static final int FIRST = 12_000;

	private static final int BLOCK = 1_000;

	private static final AtomicInteger next = new AtomicInteger(-1);

	private FreePorts() {
	}

	public static int any() {
		int belowEphemeral = ephemeralStart();
		int blocks = (belowEphemeral - FIRST) / BLOCK;
		if (blocks < 1) {
			return kernelPicked();
		}
		int block = Math.floorMod(
				Integer.getInteger("booking.test.port-block", 0) + Integer.getInteger("booking.test.fork", 1) - 1,
				blocks);
		int start = FIRST + block * BLOCK;
		next.compareAndSet(-1, ThreadLocalRandom.current().nextInt(BLOCK));
		for (int tries = 0; tries < BLOCK; tries++) {
			int port = start + Math.floorMod(next.getAndIncrement(), BLOCK);
			if (free(port)) {
				return port;
			}
		}
		return kernelPicked();
	}

	/**
	 * Read by lines: {@code Files.readString} gets only the first byte of a sysctl file.
	 */
	private static int ephemeralStart() {
		try {
			return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException unknown) {
			return 0;
		}
	}

	private static boolean free(int port) {
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
