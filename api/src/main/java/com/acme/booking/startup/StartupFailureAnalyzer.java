package com.acme.booking.startup;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the start-up refusals an operator can fix into Spring Boot's short "APPLICATION
 * FAILED TO START" report instead of a stack trace: the prod profile's list of problems,
 * and a {@code booking.*} value refused by the component that reads it (such as malformed
 * business hours), whose message starts with the property's name.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ProdConfigurationRefused refused) {
				return new FailureAnalysis(refused.getMessage(),
						"Set the properties above (see docs/configuration.md and docs/deployment.md), or start without the "
								+ "prod profile to use the embedded defaults.",
						refused);
			}
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if ((t instanceof IllegalArgumentException || t instanceof IllegalStateException) && t.getMessage() != null
					&& t.getMessage().startsWith("booking.")) {
				return new FailureAnalysis(t.getMessage(),
						"Correct the property named above (every property is described in docs/api.md).", t);
			}
		}
		return null;
	}

}
