package com.acme.booking.support;

import java.util.List;

import com.acme.booking.tools.RequiredTools;

/** The service on the Temporal CLI's dev server, as the system tests start it. */
public final class DevServerMode {

	private DevServerMode() {
	}

	/**
	 * The dev server on free ports, never a download at test time; fails with one line
	 * when no CLI can be had.
	 */
	public static List<String> properties() {
		RequiredTools.temporalCli();
		return List.of("booking.temporal.mode=dev-server", "booking.temporal.dev-server.port=0",
				"booking.temporal.dev-server.ui-port=0", "booking.temporal.dev-server.download-enabled=false");
	}

}
