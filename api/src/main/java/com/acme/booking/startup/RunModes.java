package com.acme.booking.startup;

import org.springframework.boot.SpringApplication;

/** Run modes chosen on the command line before the context starts. */
public final class RunModes {

	private RunModes() {
	}

	/** Prepares the {@code --check-integrations} mode when asked for; true if it was. */
	public static boolean checkIntegrations(SpringApplication app, String[] args) {
		if (!CheckIntegrations.requested(args)) {
			return false;
		}
		app.setDefaultProperties(CheckIntegrations.MODE_DEFAULTS);
		return true;
	}

}
