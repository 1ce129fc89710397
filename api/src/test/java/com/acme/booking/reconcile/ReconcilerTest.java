package com.acme.booking.reconcile;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.acme.booking.booking.BookingWorkflows;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingChange;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.core.SyncBacklog;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import com.acme.booking.support.SyncedRevisions;
import com.acme.booking.support.TestClock;
import com.acme.booking.sync.SyncProperties;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.Integration;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciler makes every booking whose synced revision is behind converge: a lost
 * change signal, a workflow that never started, and a stuck one. Uses the service's own
 * context (in-process Temporal, integrations disabled).
 */
@RunningService
class ReconcilerTest {

	private static final Duration SYNC = Duration.ofSeconds(30);

	@Autowired
	Reconciler reconciler;

	@Autowired
	BookingRepository bookings;

	@Autowired
	SyncBacklog backlog;

	@Autowired
	BookingWorkflows workflows;

	@Autowired
	WorkflowClient temporal;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SyncProperties properties;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void removeUnsyncableRows() {
		jdbc.sql("DELETE FROM booking WHERE email LIKE 'paging-%'").update();
	}

	@Test
	void aChangeWhoseSignalWasLostIsPushedByTheNextReconcile() throws Exception {
		Booking booking = insert("reconcile-lost@example.com");
		workflows.start(booking.id());
		await().atMost(SYNC).until(() -> syncedRevision(booking.id()) == 1);

		// The API committed the cancel; its bookingChanged signal never reached Temporal.
		bookings.cancel(booking.id(), TestClock.now(), ChangeSource.CUSTOMER);
		reconciler.reconcile();

		await().atMost(SYNC).until(() -> syncedRevision(booking.id()) == 2);
		WorkflowStub workflow = temporal.newUntypedWorkflowStub(BookingTemporal.workflowId(booking.id().toString()));
		workflow.getResult(10, TimeUnit.SECONDS, Void.class);
	}

	/**
	 * A start that waited in the dispatcher while the reconciler started the workflow and
	 * a cancel finished it: the late start must not begin a second run that pushes
	 * everything again.
	 */
	@Test
	void aLateStartAfterTheRunFinishedStartsNothing() throws Exception {
		Booking booking = insert("reconcile-late-start@example.com");
		reconciler.reconcile();
		await().atMost(SYNC).until(() -> syncedRevision(booking.id()) == 1);
		bookings.cancel(booking.id(), TestClock.now(), ChangeSource.CUSTOMER);
		reconciler.reconcile();
		WorkflowStub workflow = temporal.newUntypedWorkflowStub(BookingTemporal.workflowId(booking.id().toString()));
		workflow.getResult(30, TimeUnit.SECONDS, Void.class);
		String finishedRun = workflow.describe().getExecution().getRunId();

		assertThat(workflows.start(booking.id())).isTrue();

		var latest = temporal.newUntypedWorkflowStub(BookingTemporal.workflowId(booking.id().toString())).describe();
		assertThat(latest.getExecution().getRunId()).as("no second run").isEqualTo(finishedRun);
		assertThat(latest.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
	}

	@Test
	void aStuckWorkflowIsTerminatedAndAFreshRunSyncsTheBooking() {
		Booking booking = insert("reconcile-stuck@example.com");
		// A run that never makes progress, as after FAILED_PRECONDITION ACTIVITY_UNKNOWN:
		// Temporal says "running",
		// signals reach it, nothing ever happens. Here: a run on a task queue no worker
		// polls.
		WorkflowExecution stuckRun = startWhereNobodyPolls(booking.id());
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		Reconciler impatient = reconciler(Duration.ZERO, workflows, meters);

		impatient.reconcile();
		assertThat(syncedRevision(booking.id())).as("signalled, but the stuck run does nothing").isZero();
		impatient.reconcile();

		await().atMost(SYNC).until(() -> syncedRevision(booking.id()) == 1);
		assertThat(temporal
			.newUntypedWorkflowStub(stuckRun.getWorkflowId(), Optional.of(stuckRun.getRunId()), Optional.empty())
			.describe()
			.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
		assertThat(meters.counter(Reconciler.RESTARTS).count()).isGreaterThanOrEqualTo(1.0);
	}

	/**
	 * A booking whose workflow pushed the calendar while the reconciler was still walking
	 * the never-synced ones shows up again among the others: judged twice in one pass, an
	 * impatient reconciler took its run, idle between two activities, for stuck.
	 */
	@Test
	void aBookingSeenByBothQueriesOfAPassIsJudgedOnce() {
		UUID id = UUID.randomUUID();
		SyncBacklog seenTwice = new SyncBacklog(jdbc) {
			@Override
			public List<Behind> behind(boolean neverSynced, UUID after, int limit) {
				return after == null ? List.of(new Behind(id, 1)) : List.of();
			}
		};
		JudgingWorkflows judging = new JudgingWorkflows(temporal);

		reconciler(seenTwice, Duration.ZERO, judging, new SimpleMeterRegistry()).reconcile();

		assertThat(judging.signalled).containsExactly(id);
		assertThat(judging.restarted).isEmpty();
	}

	/**
	 * Shutdown reaches a pass under way (the signals can no longer reach Temporal): the
	 * pass ends at its next booking instead of walking through all of them.
	 */
	@Test
	void aPassUnderWayStopsAtItsNextBookingWhenTheServiceShutsDown() {
		List<SyncBacklog.Behind> page = List.of(new SyncBacklog.Behind(UUID.randomUUID(), 1),
				new SyncBacklog.Behind(UUID.randomUUID(), 1), new SyncBacklog.Behind(UUID.randomUUID(), 1));
		SyncBacklog threeBehind = new SyncBacklog(jdbc) {
			@Override
			public List<Behind> behind(boolean neverSynced, UUID after, int limit) {
				return neverSynced && after == null ? page : List.of();
			}
		};
		Reconciler[] reconciler = new Reconciler[1];
		List<UUID> signalled = new CopyOnWriteArrayList<>();
		BookingWorkflows shutDownAtTheFirst = new BookingWorkflows(temporal) {
			@Override
			public boolean syncBehind(UUID bookingId, long revision) {
				signalled.add(bookingId);
				reconciler[0].stop(new ContextClosedEvent(context));
				return true;
			}
		};
		reconciler[0] = reconciler(threeBehind, properties.stuckAfter(), shutDownAtTheFirst, new SimpleMeterRegistry());
		reconciler[0].setApplicationContext(context);

		assertThat(reconciler[0].reconcile()).isEqualTo(1);
		assertThat(signalled).containsExactly(page.get(0).id());
	}

	/** Another context's closing (a child's, such as the management server's). */
	@Test
	void anotherContextClosingLeavesThePassGoing() {
		List<SyncBacklog.Behind> page = List.of(new SyncBacklog.Behind(UUID.randomUUID(), 1),
				new SyncBacklog.Behind(UUID.randomUUID(), 1));
		SyncBacklog twoBehind = new SyncBacklog(jdbc) {
			@Override
			public List<Behind> behind(boolean neverSynced, UUID after, int limit) {
				return neverSynced && after == null ? page : List.of();
			}
		};
		Reconciler[] reconciler = new Reconciler[1];
		BookingWorkflows childClosing = new BookingWorkflows(temporal) {
			@Override
			public boolean syncBehind(UUID bookingId, long revision) {
				reconciler[0].stop(new ContextClosedEvent(new StaticApplicationContext()));
				return true;
			}
		};
		reconciler[0] = reconciler(twoBehind, properties.stuckAfter(), childClosing, new SimpleMeterRegistry());
		reconciler[0].setApplicationContext(context);

		assertThat(reconciler[0].reconcile()).isEqualTo(2);
	}

	/**
	 * The reconciler judged one run stuck; by the time it acts a newer run has taken over
	 * (started by a change, an operator, another instance). The newer run is signalled,
	 * never terminated.
	 */
	@Test
	void aRestartTerminatesOnlyTheRunItJudgedStuck() {
		Booking booking = insert("reconcile-judged-run@example.com");
		String workflowId = BookingTemporal.workflowId(booking.id().toString());
		WorkflowExecution judged = startWhereNobodyPolls(booking.id());
		temporal.newUntypedWorkflowStub(workflowId).terminate("replaced by a newer run");
		WorkflowExecution newer = startWhereNobodyPolls(booking.id());

		assertThat(workflows.restart(booking.id(), judged.getRunId(), 1, "stuck")).isTrue();

		WorkflowStub current = temporal.newUntypedWorkflowStub(workflowId);
		assertThat(current.describe().getExecution().getRunId()).isEqualTo(newer.getRunId());
		assertThat(current.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
		current.terminate("test over");
	}

	@Test
	void aHoldsIdleWorkflowIsWaitingNotStuckAndItsLostVerifiedSignalIsHealed() throws Exception {
		Instant start = Slots.fresh();
		Booking held = bookings.hold(UUID.randomUUID(),
				new NewBooking("Ada", "reconcile-hold@example.com", null, null, null, start,
						start.plus(Duration.ofMinutes(30)), "Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(100, Duration.ofDays(7)), TestClock.now(),
				Duration.ofMinutes(15), ChangeSource.CUSTOMER);
		workflows.start(held.id());
		// The verification email is recorded: the workflow now only waits for the
		// customer.
		await().atMost(SYNC).until(() -> mailSyncedRevision(held.id()) == 1);
		WorkflowStub workflow = temporal.newUntypedWorkflowStub(BookingTemporal.workflowId(held.id().toString()));
		String run = workflow.describe().getExecution().getRunId();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		Reconciler impatient = reconciler(Duration.ZERO, workflows, meters);

		impatient.reconcile();
		impatient.reconcile();

		// Other classes' bookings share the database, so the run itself says it was
		// not restarted.
		assertThat(workflow.describe().getExecution().getRunId()).isEqualTo(run);
		assertThat(syncedRevision(held.id())).as("nothing pushed while held").isZero();

		// Confirmed in PostgreSQL; the verified signal never reached Temporal.
		assertThat(bookings.verify(held.id(), TestClock.now())).isPresent();
		impatient.reconcile();

		await().atMost(SYNC).until(() -> syncedRevision(held.id()) == 2);
		assertThat(workflow.describe().getExecution().getRunId()).isEqualTo(run);
	}

	@Test
	void reachesEveryBookingBehindNeverStartedOnesFirstAndLeavesOperatorOnlyOnesAlone() {
		Booking changed = insert("paging-changed@example.com");
		for (Integration integration : Integration.values()) {
			bookings.recordSynced(changed.id(), integration, 1, "x", true);
		}
		bookings.cancel(changed.id(), TestClock.now(), ChangeSource.CUSTOMER);
		Booking operatorOnly = insert("paging-operator@example.com");
		bookings.recordSynced(operatorOnly.id(), Integration.CRM, 1, "c-1", true);
		bookings.recordSynced(operatorOnly.id(), Integration.MAIL, 1, null, true);
		bookings.recordSynced(operatorOnly.id(), Integration.WEBHOOK, 1, null, true);
		bookings.flagManualSync(operatorOnly.id(), Integration.CALENDAR, "Google said 403");
		Booking mailBehind = insert("paging-mail@example.com");
		bookings.recordSynced(mailBehind.id(), Integration.MAIL, 1, null, true);
		bookings.update(mailBehind.id(), new BookingChange(null, null, "Renamed", null, null, null),
				Duration.ofMinutes(15), TestClock.now(), ChangeSource.CUSTOMER);
		bookings.flagManualSync(mailBehind.id(), Integration.CALENDAR, "Google said 403");
		bookings.flagManualSync(mailBehind.id(), Integration.CRM, "HubSpot said 401");
		List<UUID> neverStarted = insertNeverStarted(501);
		RecordingWorkflows recording = new RecordingWorkflows(temporal);

		reconciler(properties.stuckAfter(), recording, new SimpleMeterRegistry()).reconcile();

		assertThat(recording.signalled).containsAll(neverStarted)
			.contains(changed.id(), mailBehind.id())
			.doesNotContain(operatorOnly.id())
			.doesNotHaveDuplicates();
		int lastNeverStarted = neverStarted.stream().mapToInt(recording.signalled::indexOf).max().orElseThrow();
		assertThat(recording.signalled.indexOf(changed.id())).isGreaterThan(lastNeverStarted);
	}

	/**
	 * Two instances, each with its reconciler, on one database: in each interval one of
	 * them passes; when the leader's session ends (killed, or its connection lost), the
	 * other takes over at its next pass.
	 */
	@Test
	void oneOfTwoInstancesReconcilesAndTheOtherTakesOverWhenTheLeaderIsGone() {
		long lock = 424_242_001L;
		SyncBacklog nothingBehind = nothingBehind();
		SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
		SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
		Reconciler first = reconciler(nothingBehind, properties.stuckAfter(), workflows, firstMeters,
				new ReconcilerLeadership(dataSource, lock));
		Reconciler second = reconciler(nothingBehind, properties.stuckAfter(), workflows, secondMeters,
				new ReconcilerLeadership(dataSource, lock));
		try {
			for (int interval = 0; interval < 3; interval++) {
				assertThat(List.of(first.pass(), second.pass())).as("interval " + interval)
					.containsExactly(true, false);
			}
			assertThat(passes(firstMeters)).isEqualTo(3);
			assertThat(passes(secondMeters)).isZero();

			// The leading instance is killed: its session, and the lock with it, ends.
			assertThat(jdbc.sql("""
					SELECT pg_terminate_backend(pid) FROM pg_locks
					WHERE locktype = 'advisory' AND classid = 0 AND objid = CAST(? AS oid) AND granted""")
				.param(lock)
				.query(Boolean.class)
				.list()).containsExactly(true);

			assertThat(second.pass()).as("the other takes over").isTrue();
			assertThat(first.pass()).as("the old leader, reconnected, follows").isFalse();
			assertThat(List.of(first.pass(), second.pass())).containsExactly(false, true);
			assertThat(passes(firstMeters)).isEqualTo(3);
			assertThat(passes(secondMeters)).isEqualTo(2);

			second.destroy();
			assertThat(first.pass()).as("a leader that stops hands over at once").isTrue();
		}
		finally {
			first.destroy();
			second.destroy();
		}
	}

	/**
	 * The leader's connection stops answering its validation while its session lives on
	 * (a stalled network, a stalled database host): the leader ends that session, with
	 * the lock, instead of leaving it in its pool, so that when it later stops the other
	 * instance takes over.
	 */
	@Test
	void aLeaderWhoseConnectionStopsAnsweringEndsThatSessionAndStillHandsOver() throws Exception {
		long lock = 424_242_002L;
		SyncBacklog nothingBehind = nothingBehind();
		HikariDataSource shared = dataSource.unwrap(HikariDataSource.class);
		HikariDataSource firstPool = new HikariDataSource();
		firstPool.setJdbcUrl(shared.getJdbcUrl());
		firstPool.setUsername(shared.getUsername());
		firstPool.setPassword(shared.getPassword());
		firstPool.setMaximumPoolSize(2);
		AtomicBoolean stalled = new AtomicBoolean();
		Reconciler first = reconciler(nothingBehind, properties.stuckAfter(), workflows, new SimpleMeterRegistry(),
				new ReconcilerLeadership(failingValidation(firstPool, stalled), lock));
		Reconciler second = reconciler(nothingBehind, properties.stuckAfter(), workflows, new SimpleMeterRegistry(),
				new ReconcilerLeadership(dataSource, lock));
		try {
			assertThat(List.of(first.pass(), second.pass())).containsExactly(true, false);

			stalled.set(true);
			first.pass();
			stalled.set(false);
			first.destroy();

			// The lock goes when the old session's backend has ended, a moment after the
			// abort.
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(second.pass()).as("the other takes over when the leader stops").isTrue());
		}
		finally {
			first.destroy();
			second.destroy();
			firstPool.close();
		}
	}

	/** Connections whose validation fails while {@code stalled}; all else as they are. */
	private static DataSource failingValidation(DataSource pool, AtomicBoolean stalled) {
		return new DelegatingDataSource(pool) {
			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = super.getConnection();
				return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> {
							if (method.getName().equals("isValid") && stalled.get()) {
								return false;
							}
							try {
								return method.invoke(connection, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						});
			}
		};
	}

	/** A backlog with no booking behind: the passes do nothing but count. */
	private SyncBacklog nothingBehind() {
		return new SyncBacklog(jdbc) {
			@Override
			public List<Behind> behind(boolean neverSynced, UUID after, int limit) {
				return List.of();
			}
		};
	}

	private static double passes(MeterRegistry meters) {
		return meters.counter(Reconciler.PASSES).count();
	}

	private Reconciler reconciler(Duration stuckAfter, BookingWorkflows target, MeterRegistry meters) {
		return reconciler(backlog, stuckAfter, target, meters);
	}

	private Reconciler reconciler(SyncBacklog backlog, Duration stuckAfter, BookingWorkflows target,
			MeterRegistry meters) {
		return reconciler(backlog, stuckAfter, target, meters,
				new ReconcilerLeadership(dataSource, ReconcilerLeadership.LOCK));
	}

	private Reconciler reconciler(SyncBacklog backlog, Duration stuckAfter, BookingWorkflows target,
			MeterRegistry meters, ReconcilerLeadership leadership) {
		SyncProperties impatient = new SyncProperties(properties.retry(), properties.attemptTimeout(),
				properties.reconcileInterval(), properties.heartbeatTimeout(), stuckAfter);
		return new Reconciler(backlog, target, TestClock.clock(), impatient,
				new StaticListableBeanFactory(Map.of("meters", meters)).getBeanProvider(MeterRegistry.class),
				leadership);
	}

	/**
	 * Rows committed without a workflow, far in the future so they clash with nothing;
	 * created now on the tests' clock, as the service's clock would have it.
	 */
	private List<UUID> insertNeverStarted(int count) {
		return jdbc.sql("""
				INSERT INTO booking (id, status, name, email, start_time, end_time, time_zone, blocked, created_at,
				                     updated_at)
				SELECT gen_random_uuid(), 'CONFIRMED', 'Paging ' || n, 'paging-' || n || '@example.com', t.s,
				       t.s + interval '30 minutes', 'Europe/London',
				       tstzrange(t.s - interval '10 minutes', t.s + interval '40 minutes'), c.now, c.now
				FROM generate_series(1, ?) AS n,
				     LATERAL (SELECT timestamptz '2031-01-06 00:00Z' + n * interval '1 hour' AS s) AS t,
				     (SELECT CAST(? AS timestamptz) AS now) AS c
				RETURNING id""").params(count, TestClock.now().atOffset(ZoneOffset.UTC)).query(UUID.class).list();
	}

	private Booking insert(String email) {
		Instant start = Slots.fresh();
		return bookings.insert(UUID.randomUUID(),
				new NewBooking("Ada", email, null, null, null, start, start.plus(Duration.ofMinutes(30)),
						"Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(100, Duration.ofDays(7)), TestClock.now(),
				ChangeSource.CUSTOMER);
	}

	/** A run that never makes progress: no worker polls its task queue. */
	private WorkflowExecution startWhereNobodyPolls(UUID bookingId) {
		return temporal
			.newUntypedWorkflowStub("BookingWorkflow",
					WorkflowOptions.newBuilder()
						.setWorkflowId(BookingTemporal.workflowId(bookingId.toString()))
						.setTaskQueue("booking-sync-nobody-polls")
						.build())
			.start(bookingId.toString());
	}

	private long mailSyncedRevision(UUID id) {
		return SyncedRevisions.of(jdbc, id, Integration.MAIL);
	}

	private long syncedRevision(UUID id) {
		return SyncedRevisions.calendarAndCrm(jdbc, id);
	}

	/**
	 * Temporal as the reconciler sees it, recording whom it signals instead of
	 * signalling.
	 */
	static final class RecordingWorkflows extends BookingWorkflows {

		final List<UUID> signalled = new CopyOnWriteArrayList<>();

		RecordingWorkflows(WorkflowClient client) {
			super(client);
		}

		@Override
		public boolean syncBehind(UUID bookingId, long revision) {
			signalled.add(bookingId);
			return true;
		}

	}

	/**
	 * Temporal as the reconciler judges it: every run idle, signals and restarts
	 * recorded.
	 */
	static final class JudgingWorkflows extends BookingWorkflows {

		final List<UUID> signalled = new CopyOnWriteArrayList<>();

		final List<UUID> restarted = new CopyOnWriteArrayList<>();

		JudgingWorkflows(WorkflowClient client) {
			super(client);
		}

		@Override
		public boolean syncBehind(UUID bookingId, long revision) {
			signalled.add(bookingId);
			return true;
		}

		@Override
		public Run progress(UUID bookingId) {
			return new Run(Progress.IDLE, "run-of-" + bookingId);
		}

		@Override
		public boolean restart(UUID bookingId, String runId, long revision, String reason) {
			restarted.add(bookingId);
			return true;
		}

	}

}
