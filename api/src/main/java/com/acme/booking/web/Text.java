package com.acme.booking.web;

/** Small text helpers for request values. */
public final class Text {

	private Text() {
	}

	/** Trimmed, or null when absent or blank. */
	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
