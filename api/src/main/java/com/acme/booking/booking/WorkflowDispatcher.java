package com.acme.booking.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Tells Temporal about committed bookings off the request thread: a start or a signal is
 * a blocking gRPC call (and, while Temporal is unreachable, the SDK retries it for up to
 * a minute), so a request only queues it and answers. Nothing is lost when a call fails
 * or the queue is full: the booking is committed, and the reconciler starts or signals
 * every booking whose synced revision is behind.
 * <p>
 * One single-threaded lane per thread, chosen by the booking id: a booking's start and
 * its later changes keep their order. The reconciler calls Temporal beside the lanes; a
 * start that waited while it started the workflow (and a cancel finished it) is refused
 * by the server ({@link BookingWorkflows#start}), so it never begins a second run.
 */
@Component
class WorkflowDispatcher implements DisposableBean {

	static final String DROPPED = "booking.workflow.dispatch.dropped";

	private static final Logger log = LoggerFactory.getLogger(WorkflowDispatcher.class);

	private final BookingWorkflows workflows;

	private final List<ThreadPoolExecutor> lanes = new ArrayList<>();

	private final Counter dropped;

	WorkflowDispatcher(BookingWorkflows workflows, WorkflowDispatchProperties properties, MeterRegistry meters) {
		this.workflows = workflows;
		int perLane = Math.max(1, properties.queueSize() / properties.threads());
		CustomizableThreadFactory threads = new CustomizableThreadFactory("workflow-dispatch-");
		threads.setDaemon(true);
		for (int i = 0; i < properties.threads(); i++) {
			lanes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(perLane), threads,
					new ThreadPoolExecutor.AbortPolicy()));
		}
		this.dropped = Counter.builder(DROPPED)
			.description("Workflow starts and signals not queued (queue full); the reconciler sends them")
			.register(meters);
		Gauge
			.builder("booking.workflow.dispatch.queued", lanes,
					all -> all.stream().mapToInt(lane -> lane.getQueue().size()).sum())
			.description("Workflow starts and signals waiting to be sent to Temporal")
			.register(meters);
	}

	/** Starts the workflow of a booking just created. */
	void started(UUID bookingId) {
		dispatch(bookingId, "start", () -> workflows.start(bookingId));
	}

	/**
	 * Tells the workflow its hold was confirmed (starting it if it is not running).
	 */
	void verified(UUID bookingId) {
		dispatch(bookingId, "verified signal", () -> workflows.verified(bookingId));
	}

	/** Tells the workflow the booking changed (starting it if it is not running). */
	void changed(UUID bookingId) {
		dispatch(bookingId, "change signal", () -> workflows.changed(bookingId));
	}

	/**
	 * Tells the workflow the booking's calendar drift changed (starting it if needed).
	 */
	void driftChanged(UUID bookingId) {
		dispatch(bookingId, "drift signal", () -> workflows.driftChanged(bookingId));
	}

	private void dispatch(UUID bookingId, String what, Runnable call) {
		try {
			lanes.get(Math.floorMod(bookingId.hashCode(), lanes.size())).execute(withRequestContext(call));
		}
		catch (RejectedExecutionException full) {
			dropped.increment();
			log.debug("Workflow {} of booking {} not queued (queue full or shutting down); the reconciler sends it",
					what, bookingId);
		}
	}

	/**
	 * The request's logging context (its correlation id) goes with the call: Temporal's
	 * context propagator reads it from the calling thread and carries it into the
	 * workflow's and activities' log lines.
	 */
	private static Runnable withRequestContext(Runnable call) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		if (context == null) {
			return call;
		}
		return () -> {
			MDC.setContextMap(context);
			try {
				call.run();
			}
			finally {
				MDC.clear();
			}
		};
	}

	/**
	 * Lets the calls under way finish for a moment; what is still queued is left to the
	 * reconciler of the next start.
	 */
	@Override
	public void destroy() throws InterruptedException {
		lanes.forEach(ThreadPoolExecutor::shutdown);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		for (ThreadPoolExecutor lane : lanes) {
			if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				lane.shutdownNow();
			}
		}
	}

}
