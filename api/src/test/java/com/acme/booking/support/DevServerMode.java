package com.acme.booking.support;

import java.util.List;

import com.acme.booking.laptop.ToolCache;
import com.acme.booking.tools.FreePorts;
import com.acme.booking.tools.RequiredTools;

/** The service on the Temporal CLI's dev server, as the system tests start it. */
public final class DevServerMode {

	private DevServerMode() {
	}

	/**
	 * The dev server on free ports ({@link FreePorts}: the dev server binds them seconds
	 * later), from the CLI the build obtained (found by the service as a user's start
	 * finds it), else from the SDK's download; fails with one line when no CLI can be
	 * had.
	 */
	public static List<String> properties() {
		return List.of("booking.temporal.mode=dev-server", "booking.temporal.dev-server.port=" + FreePorts.any(),
				"booking.temporal.dev-server.ui-port=" + FreePorts.any(), cli());
	}

	/**
	 * The dev server at the test JVM's own priority, not niced below it (the default): in
	 * a test run what competes for the cores is the other test JVMs, not the service's
	 * requests, and a niced dev server starves behind them, its workflow tasks timing out
	 * in their queues for minutes. For the tests that wait on many syncs.
	 */
	public static final String NOT_NICED = "booking.temporal.dev-server.niceness=0";

	/** Where the service gets the CLI in tests: never a download of its own. */
	public static String cli() {
		if (ToolCache.temporalCli(System.getenv()).isPresent()) {
			return "booking.temporal.dev-server.download-enabled=false";
		}
		return "booking.temporal.dev-server.path=" + RequiredTools.temporalCli();
	}

}
