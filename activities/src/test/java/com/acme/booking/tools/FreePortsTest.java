package com.acme.booking.tools;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.acme.booking.config.LocalPorts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A port handed to another process is one no {@code bind(0)} of a server beside it can be
 * given meanwhile.
 */
class FreePortsTest {

	@Test
	void handsOutFreePortsBelowTheKernelsEphemeralRangeNeverTheSameTwice() throws Exception {
		Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
		assumeTrue(Files.isReadable(range), "a Linux kernel's ephemeral port range");
		int ephemeralStart = Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]);
		assumeTrue(ephemeralStart > LocalPorts.FIRST, "an ephemeral range above the test JVMs' blocks");
		Set<Integer> ports = new HashSet<>();

		for (int i = 0; i < 50; i++) {
			int port = FreePorts.any();
			assertThat(port).isBetween(1024, Math.min(ephemeralStart, LocalPorts.FIRST) - 1);
			try (ServerSocket bound = new ServerSocket(port)) {
				assertThat(bound.getLocalPort()).isEqualTo(port);
			}
			ports.add(port);
		}

		assertThat(ports).hasSize(50);
	}

}
