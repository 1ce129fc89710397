package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

import static org.assertj.core.api.Assertions.fail;

/**
 * The outside world of one test (database, calendar, CRM, mailbox, webhook endpoint)
 * wired to a time-skipping Temporal test server.
 */
final class FakeWorld {

	final FakeBookingDatabase database;

	final FakeCalendar calendar;

	final FakeCrm crm;

	final FakeMail mail;

	final FakeWebhooks webhooks;

	/** Fine enough to act between two attempts of {@link WorkflowTestSupport#RETRY}. */
	private static final Duration POLL = Duration.ofSeconds(1);

	private final TestWorkflowEnvironment env;

	private final Worker worker;

	private FakeWorld(TestWorkflowEnvironment env, Worker worker) {
		this.env = env;
		this.worker = worker;
		this.database = new FakeBookingDatabase(env::currentTimeMillis);
		this.calendar = new FakeCalendar(database);
		this.crm = new FakeCrm(database);
		this.mail = new FakeMail(database, env::currentTimeMillis);
		this.webhooks = new FakeWebhooks(database);
	}

	static FakeWorld start(TestWorkflowEnvironment env, Worker worker) {
		FakeWorld world = new FakeWorld(env, worker);
		worker.registerActivitiesImplementations(new FakeBookingState(world.database), world.calendar, world.crm,
				world.mail, world.webhooks);
		env.start();
		return world;
	}

	/**
	 * Stores a confirmed booking starting at {@code start}, then starts its workflow, as
	 * the API does.
	 */
	BookingRun book(String bookingId, Instant start) {
		database.create(bookingId, start, WorkflowTestSupport.DURATION);
		return startWorkflow(bookingId);
	}

	/**
	 * Stores a booking held for email verification for {@code window}, then starts its
	 * workflow, as the API does with {@code booking.rules.verify-email=true}.
	 */
	BookingRun hold(String bookingId, Instant start, Duration window) {
		database.hold(bookingId, start, WorkflowTestSupport.DURATION, Instant.ofEpochMilli(now()).plus(window));
		return startWorkflow(bookingId);
	}

	/** Ends the booking's run, as the reconciler's stuck-run repair does. */
	void terminate(String bookingId) {
		env.getWorkflowClient().newUntypedWorkflowStub(BookingTemporal.workflowId(bookingId)).terminate("stuck (test)");
	}

	/** Starts a new run for a stored booking, as the stuck-run repair does. */
	BookingRun rerun(String bookingId) {
		return startWorkflow(bookingId);
	}

	private BookingRun startWorkflow(String bookingId) {
		WorkflowClient client = env.getWorkflowClient();
		BookingWorkflow workflow = client.newWorkflowStub(BookingWorkflow.class,
				WorkflowOptions.newBuilder()
					.setWorkflowId(BookingTemporal.workflowId(bookingId))
					.setTaskQueue(worker.getTaskQueue())
					.setTypedSearchAttributes(BookingTemporal.startAttributes(bookingId))
					.build());
		WorkflowClient.start(workflow::run, bookingId);
		return new BookingRun(bookingId, workflow, client);
	}

	/**
	 * Lets test-server time run (skipping ahead when nothing is happening) until the
	 * condition holds, failing when it does not within {@code limit} of workflow time.
	 */
	void awaitWithin(Duration limit, String what, BooleanSupplier condition) {
		long deadline = now() + limit.toMillis();
		while (!condition.getAsBoolean()) {
			if (now() > deadline) {
				fail("Not within " + limit + ": " + what);
			}
			env.sleep(POLL);
		}
	}

	/**
	 * {@link #awaitWithin} bounded by half an hour: far more than any retry schedule of
	 * these tests needs.
	 */
	void await(String what, BooleanSupplier condition) {
		awaitWithin(Duration.ofMinutes(30), what, condition);
	}

	void advance(Duration duration) {
		env.sleep(duration);
	}

	long now() {
		return env.currentTimeMillis();
	}

	void advanceTo(Instant instant) {
		long left = instant.toEpochMilli() - now();
		if (left > 0) {
			env.sleep(Duration.ofMillis(left));
		}
	}

}
