package com.acme.booking.laptop.postgres;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a data folder another instance holds into Spring Boot's short "APPLICATION FAILED
 * TO START" report instead of a stack trace.
 */
public class DataDirLockedAnalyzer extends AbstractFailureAnalyzer<DataDirLocked> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirLocked locked) {
		return new FailureAnalysis(locked.getMessage(),
				"Stop the other instance, or give this one its own booking.embedded.data-dir.", locked);
	}

}
