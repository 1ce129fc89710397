package com.acme.booking.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A port nothing listens on right now, for a server a test starts itself (a child
 * service, PostgreSQL, Temporal).
 */
public final class FreePorts {

	private FreePorts() {
	}

	public static int any() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
