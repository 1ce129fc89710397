package com.acme.booking.system;

import com.acme.booking.embedded.DataDirLocked;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the start-up refusals an operator can fix into Spring Boot's short "APPLICATION FAILED TO START" report
 * instead of a stack trace: the prod profile's list of problems, and a data folder another instance holds.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ProdConfigurationRefused refused) {
				return new FailureAnalysis(refused.getMessage(),
						"Set the properties above (see .env.example and docs/deployment.md), or start without the "
								+ "prod profile to use the embedded defaults.",
						refused);
			}
			if (t instanceof DataDirLocked locked) {
				return new FailureAnalysis(locked.getMessage(),
						"Stop the other instance, or give this one its own booking.embedded.data-dir.", locked);
			}
		}
		return null;
	}

}
