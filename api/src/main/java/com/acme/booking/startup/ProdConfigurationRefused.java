package com.acme.booking.startup;

import java.util.List;

/**
 * The {@code prod} profile found configuration meant for a laptop; every problem is
 * listed.
 */
class ProdConfigurationRefused extends IllegalStateException {

	private final List<String> problems;

	ProdConfigurationRefused(List<String> problems) {
		super("The prod profile refuses to start:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return problems;
	}

}
