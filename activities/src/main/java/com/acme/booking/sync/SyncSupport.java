package com.acme.booking.sync;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;

/** Small helpers shared by the activities. */
public final class SyncSupport {

	/** One daemon thread beats for every attempt under way; a beat is a short call. */
	private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "sync-heartbeats");
		thread.setDaemon(true);
		return thread;
	});

	private SyncSupport() {
	}

	/**
	 * Runs an attempt's work while telling Temporal every half heartbeat timeout that
	 * this worker is alive, so that an attempt on a worker that died is retried after the
	 * heartbeat timeout, while a slow attempt (a Google token fetch, a read timeout) is
	 * not mistaken for a dead one. The first beat waits half the timeout: an attempt that
	 * fails faster keeps {@link #reportCancellationIfRequested} as its first heartbeat,
	 * which Temporal then answers at once rather than throttled.
	 */
	public static <T> T whileHeartbeating(Callable<T> work) throws Exception {
		ActivityExecutionContext context = Activity.getExecutionContext();
		Duration timeout = context.getInfo().getHeartbeatTimeout();
		if (timeout == null || timeout.isZero()) {
			return work.call();
		}
		long period = Math.max(1, timeout.toMillis() / 2);
		ScheduledFuture<?> beats = HEARTBEATS.scheduleAtFixedRate(() -> beat(context), period, period,
				TimeUnit.MILLISECONDS);
		try {
			return work.call();
		}
		finally {
			beats.cancel(false);
		}
	}

	private static void beat(ActivityExecutionContext context) {
		try {
			context.heartbeat(null);
		}
		catch (ActivityCompletionException cancelledOrGone) {
			// The attempt's own thread learns it from its next heartbeat; nothing to do
			// on this one.
		}
	}

	/** Loads the booking as it is now; a missing booking is a permanent failure. */
	public static Booking load(BookingRepository bookings, String bookingId) {
		return bookings.findById(UUID.fromString(bookingId))
			.orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("Booking " + bookingId + " does not exist",
					"BookingNotFound"));
	}

	/**
	 * Call before throwing a retryable failure. A change to the booking cancels the
	 * attempt under way; if it arrived while the outside system was answering, this
	 * reports the cancellation instead (the heartbeat throws
	 * {@code ActivityCanceledException}), so no retry of stale work is scheduled and the
	 * workflow's next pass pushes the new state. The first heartbeat of an attempt is
	 * sent at once. It also keeps the in-process Temporal server, which cannot retry an
	 * activity whose cancellation was requested, from hanging the workflow.
	 */
	public static void reportCancellationIfRequested() {
		Activity.getExecutionContext().heartbeat(null);
	}

}
