package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the workflow tests run Temporal: time skipping, the production retry wiring with
 * short intervals.
 */
final class WorkflowTestSupport {

	/** Test-server time at the start of every test. */
	static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

	/**
	 * Appointments start a day later, so retries and signals happen well before they end.
	 */
	static final Instant APPOINTMENT = NOW.plus(Duration.ofDays(1));

	static final Duration DURATION = Duration.ofMinutes(30);

	/**
	 * {@code booking.mail.reminder-before}: appointments at {@link #APPOINTMENT} are
	 * already too close for one.
	 */
	static final Duration REMINDER_BEFORE = Duration.ofDays(1);

	/**
	 * Four attempts, 1, 2 and 4 minutes apart: a sync gives up 7 minutes after its first
	 * attempt. Minutes cost nothing with time skipping, and they dwarf the real time
	 * test-server time also advances by on a busy machine, so "before the next attempt"
	 * stays true however slow the build is.
	 */
	static final SyncRetrySettings RETRY = new SyncRetrySettings(Duration.ofMinutes(1), Duration.ofMinutes(8), 2.0, 4,
			Duration.ofSeconds(10), Duration.ofSeconds(5));

	/**
	 * {@code booking.sync.retry.background-interval}: how often an outage's flag is tried
	 * again.
	 */
	static final Duration BACKGROUND_INTERVAL = Duration.ofMinutes(15);

	/**
	 * Far less than any backoff of {@link #RETRY}: what "right away" means in workflow
	 * time.
	 */
	static final Duration PROMPTLY = Duration.ofSeconds(30);

	private WorkflowTestSupport() {
	}

	/**
	 * The extension is not started, so that each test can register its own fakes before
	 * the worker polls (see {@link FakeWorld#start}).
	 */
	static TestServerExtension extension() {
		return extension(RETRY);
	}

	static TestServerExtension extension(SyncRetrySettings retry) {
		return new TestServerExtension(retry);
	}

	/**
	 * A time-skipping test server per test, as the SDK's {@code TestWorkflowExtension}
	 * gives one, with the {@link StaleCancelGuard} on the workers' connection: it injects
	 * the test's {@link TestWorkflowEnvironment}, its {@link Worker} (its own task queue,
	 * the workflow registered with the production options of {@code retry}) and its
	 * {@link WorkflowClient}, and closes the server after the test (printing its
	 * histories when the test failed).
	 */
	static final class TestServerExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

		private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace
			.create(TestServerExtension.class);

		private static final Logger log = LoggerFactory.getLogger(TestServerExtension.class);

		private final SyncRetrySettings retry;

		private TestServerExtension(SyncRetrySettings retry) {
			this.retry = retry;
		}

		@Override
		public void beforeEach(ExtensionContext context) {
			StaleCancelGuard guard = new StaleCancelGuard();
			TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
				.setInitialTime(NOW)
				.setWorkflowServiceStubsOptions(
						WorkflowServiceStubsOptions.newBuilder().setGrpcClientInterceptors(List.of(guard)).build())
				.build());
			context.getStore(STORE).put(TestWorkflowEnvironment.class, env);
			for (var key : BookingTemporal.SEARCH_ATTRIBUTES) {
				env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
			}
			Worker worker = env
				.newWorker("WorkflowTest-" + context.getRequiredTestMethod().getName() + "-" + UUID.randomUUID());
			worker.registerWorkflowImplementationTypes(retry.implementationOptions(), BookingWorkflowImpl.class);
			context.getStore(STORE).put(Worker.class, worker);
		}

		@Override
		public void afterEach(ExtensionContext context) {
			TestWorkflowEnvironment env = context.getStore(STORE)
				.remove(TestWorkflowEnvironment.class, TestWorkflowEnvironment.class);
			if (env != null) {
				if (context.getExecutionException().isPresent()) {
					// The histories and the time-skipping locks, for the failed test.
					log.error("Test server of the failed test:\n{}", env.getDiagnostics());
				}
				env.close();
			}
		}

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			Class<?> type = parameter.getParameter().getType();
			return type == TestWorkflowEnvironment.class || type == Worker.class || type == WorkflowClient.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			Class<?> type = parameter.getParameter().getType();
			TestWorkflowEnvironment env = context.getStore(STORE)
				.get(TestWorkflowEnvironment.class, TestWorkflowEnvironment.class);
			if (type == Worker.class) {
				return context.getStore(STORE).get(Worker.class, Worker.class);
			}
			return type == WorkflowClient.class ? env.getWorkflowClient() : env;
		}

	}

}
