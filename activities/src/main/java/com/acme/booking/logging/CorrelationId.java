package com.acme.booking.logging;

/**
 * The MDC key and header that tie a request's log lines to its workflow's and
 * activities'.
 */
public final class CorrelationId {

	/**
	 * MDC key; structured logs show it as a top-level field, plain logs in brackets after
	 * the thread.
	 */
	public static final String MDC_KEY = "correlationId";

	/**
	 * Request header a caller may set (a proxy's request id) and response header that
	 * always carries it.
	 */
	public static final String HEADER = "X-Correlation-Id";

	private CorrelationId() {
	}

}
