package com.acme.booking.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.acme.booking.booking.BookingWorkflows;
import com.acme.booking.core.SyncBacklog;
import com.acme.booking.sync.SyncProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The net under everything. At startup and every {@code booking.sync.reconcile-interval}
 * it walks every booking whose synced revision is behind (bookings whose workflow never
 * started first, those waiting only for an operator left out) and sends each a
 * signal-with-start of {@code syncBehind(revision)}, once per revision: a workflow that
 * missed a change signal, was never started or was forgotten by the in-process server
 * converges within one interval. A booking still behind {@code booking.sync.stuck-after}
 * after its signal, whose workflow runs without any activity, is stuck: its run is
 * terminated and a fresh one started, with a WARN line and the counter
 * {@code booking.sync.workflow.restarts}; only the run judged stuck is terminated, and a
 * booking is judged at most once a pass. A booking held for email verification is behind
 * until it is confirmed or expires; its idle workflow is waiting, not stuck, and is only
 * started when it is not running.
 * <p>
 * However many API instances run, one reconciles: the one that holds the PostgreSQL
 * advisory lock of {@link ReconcilerLeadership}. Every pass it makes counts in
 * {@code booking.sync.reconciler.passes}.
 */
@Component
@ConditionalOnProperty(name = "booking.sync.reconciler-enabled", havingValue = "true", matchIfMissing = true)
public class Reconciler implements DisposableBean, ApplicationContextAware {

	static final String RESTARTS = "booking.sync.workflow.restarts";

	static final String PASSES = "booking.sync.reconciler.passes";

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private static final int PAGE = 500;

	/**
	 * The revision each booking was last signalled for, and when; kept only while the
	 * booking stays behind.
	 */
	private final Map<UUID, Signalled> signalled = new ConcurrentHashMap<>();

	private final SyncBacklog backlog;

	private final BookingWorkflows workflows;

	private final Clock clock;

	private final Duration stuckAfter;

	private final Counter restarts;

	private final Counter passes;

	private final ReconcilerLeadership leadership;

	/** Set when the service shuts down: a pass under way ends at its next booking. */
	private volatile boolean stopping;

	private ApplicationContext context;

	@Autowired
	Reconciler(SyncBacklog backlog, BookingWorkflows workflows, Clock clock, SyncProperties properties,
			ObjectProvider<MeterRegistry> meters, DataSource dataSource) {
		this(backlog, workflows, clock, properties, meters,
				new ReconcilerLeadership(dataSource, ReconcilerLeadership.LOCK));
	}

	Reconciler(SyncBacklog backlog, BookingWorkflows workflows, Clock clock, SyncProperties properties,
			ObjectProvider<MeterRegistry> meters, ReconcilerLeadership leadership) {
		this.backlog = backlog;
		this.workflows = workflows;
		this.clock = clock;
		this.stuckAfter = properties.stuckAfter();
		this.leadership = leadership;
		MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
		this.restarts = Counter.builder(RESTARTS)
			.description("Booking workflows the reconciler found stuck, terminated and started afresh")
			.register(registry);
		this.passes = Counter.builder(PASSES)
			.description("Reconciler passes this instance made while it led (one instance leads)")
			.register(registry);
	}

	private record Signalled(long revision, Instant at) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		pass();
	}

	@Scheduled(fixedDelayString = "${booking.sync.reconcile-interval:1m}",
			initialDelayString = "${booking.sync.reconcile-interval:1m}")
	void periodically() {
		pass();
	}

	/** Reconciles when this instance leads; returns whether it did. */
	boolean pass() {
		if (!leadership.leads()) {
			// What it signalled while it led is stale by the time it leads again.
			signalled.clear();
			return false;
		}
		passes.increment();
		reconcile();
		return true;
	}

	/**
	 * The service is shutting down: a pass under way stops at its next booking, so that
	 * shutdown does not wait for a walk through thousands of bookings whose signals can
	 * no longer reach Temporal. The next leader's pass goes on from the start.
	 */
	@EventListener
	void stop(ContextClosedEvent event) {
		// Not a child context's (the management server's) closing.
		if (event.getApplicationContext() == context) {
			stop();
		}
	}

	void stop() {
		stopping = true;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void destroy() {
		leadership.release();
	}

	/** Returns how many workflows it signalled or restarted. */
	public int reconcile() {
		return reconcile(PAGE);
	}

	synchronized int reconcile(int pageSize) {
		Set<UUID> behind = new HashSet<>();
		int reached = 0;
		try {
			// Never-synced bookings first: most likely their workflow never started,
			// nothing else will start it.
			for (boolean neverSynced : new boolean[] { true, false }) {
				UUID after = null;
				List<SyncBacklog.Behind> page;
				do {
					page = backlog.behind(neverSynced, after, pageSize);
					for (SyncBacklog.Behind row : page) {
						if (stopping) {
							log.info("Reconciler pass stopped after {} booking(s): the service is shutting down",
									behind.size());
							return reached;
						}
						// A booking that made progress between the two queries shows up
						// in
						// both: it is judged once a pass.
						if (behind.add(row.id())) {
							reached += converge(row) ? 1 : 0;
						}
					}
					after = page.isEmpty() ? after : page.get(page.size() - 1).id();
				}
				while (page.size() == pageSize);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Reconciler could not read bookings: {}", ex.toString());
			return reached;
		}
		signalled.keySet().retainAll(behind);
		if (reached > 0) {
			log.info("Reconciler: {} booking(s) behind, {} workflow(s) signalled or restarted", behind.size(), reached);
		}
		return reached;
	}

	/** True when it sent something to the workflow. */
	private boolean converge(SyncBacklog.Behind row) {
		Instant now = clock.instant();
		Signalled last = signalled.get(row.id());
		if (last == null || last.revision() != row.revision()) {
			return signal(row, now);
		}
		if (Duration.between(last.at(), now).compareTo(stuckAfter) < 0) {
			return false;
		}
		BookingWorkflows.Run run = workflows.progress(row.id());
		return switch (run.progress()) {
			// Retrying (an outage): its activities flag the booking when their attempts
			// run out.
			case WORKING -> keepWaiting(row, now);
			case NOT_RUNNING -> signal(row, now);
			// A hold's workflow is idle by design: it waits for the customer or the end
			// of the hold, and has nothing to push before.
			case IDLE ->
				row.held() ? keepWaiting(row, now) : restart(row, run.runId(), now, Duration.between(last.at(), now));
		};
	}

	private boolean keepWaiting(SyncBacklog.Behind row, Instant now) {
		signalled.put(row.id(), new Signalled(row.revision(), now));
		return false;
	}

	private boolean signal(SyncBacklog.Behind row, Instant now) {
		if (!workflows.syncBehind(row.id(), row.revision())) {
			return false;
		}
		signalled.put(row.id(), new Signalled(row.revision(), now));
		return true;
	}

	private boolean restart(SyncBacklog.Behind row, String runId, Instant now, Duration behindFor) {
		log.warn(
				"Workflow of booking {} is stuck: revision {} still not synced {} after the reconciler's signal, and "
						+ "no activity is pending; terminating run {} and starting a fresh one",
				row.id(), row.revision(), behindFor, runId);
		restarts.increment();
		if (!workflows.restart(row.id(), runId, row.revision(),
				"stuck: no progress " + behindFor + " after syncBehind")) {
			return false;
		}
		signalled.put(row.id(), new Signalled(row.revision(), now));
		return true;
	}

}
