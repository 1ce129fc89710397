package com.acme.booking.tools;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.booking.config.LocalPorts;

/**
 * A port nothing listens on right now, for a server a test starts in another process (a
 * child service, PostgreSQL, Temporal), which binds it seconds later.
 * <p>
 * Not a port the kernel picks for {@code bind(0)}: until the other process binds it, any
 * server started with port 0 meanwhile (a WireMock, an SMTP server, an embedded Tomcat in
 * a test JVM beside this one) may be given the same port, and the test then talks to the
 * wrong server. The ports come from below the kernel's ephemeral range, which
 * {@code bind(0)} never hands out, and below {@link LocalPorts#FIRST}, where the service
 * draws its own children's ports; each test JVM of the build from a block of its own (the
 * module's {@code booking.test.port-block} plus surefire's fork number), one after
 * another, so two test JVMs of one build never pick the same port either (two builds at
 * once on one machine may, rarely: they start at random offsets in the blocks).
 */
public final class FreePorts {

	private static final int FIRST = 12_000;

	private static final int BLOCK = 1_000;

	/** Blocks the build uses: the API's test JVMs 0-3, the worker's 10. */
	private static final int BLOCKS_USED = 11;

	private static final AtomicInteger next = new AtomicInteger(-1);

	private FreePorts() {
	}

	public static int any() {
		int end = Math.min(LocalPorts.FIRST, LocalPorts.ephemeralStart());
		int blocks = (end - FIRST) / BLOCK;
		if (blocks < BLOCKS_USED) {
			// A kernel whose ephemeral range starts low: no room for a block per JVM.
			return LocalPorts.free();
		}
		int block = Math.floorMod(
				Integer.getInteger("booking.test.port-block", 0) + Integer.getInteger("booking.test.fork", 1) - 1,
				BLOCKS_USED);
		int start = FIRST + block * BLOCK;
		next.compareAndSet(-1, ThreadLocalRandom.current().nextInt(BLOCK));
		for (int tries = 0; tries < BLOCK; tries++) {
			int port = start + Math.floorMod(next.getAndIncrement(), BLOCK);
			if (LocalPorts.free(port)) {
				return port;
			}
		}
		return LocalPorts.free();
	}

}
