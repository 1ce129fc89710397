package com.acme.booking.sync;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.acme.booking.workflow.Integration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCanceledException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Counts every attempt of the calendar and CRM sync activities, whichever worker runs it:
 * {@code booking_sync_attempts_total{integration, outcome}} ({@code success},
 * {@code failure}, {@code cancelled}) and {@code booking_sync_failures_total{integration,
 * kind}}, where {@code kind} is the failure's type ({@code GoogleUnavailable},
 * {@code HubSpotRateLimited}, ...): the same words an operator finds in the history.
 */
@Component
class SyncMetrics extends WorkerInterceptorBase {

	/** Activity type, as the workflow names it, to the integration it syncs. */
	private static final Map<String, String> INTEGRATIONS = Arrays.stream(Integration.values())
		.filter(Integration::inPasses)
		.collect(Collectors.toUnmodifiableMap(Integration::activity, SyncMetrics::tag));

	private final MeterRegistry registry;

	/** Without Actuator (the worker alone) the global registry records into nothing. */
	SyncMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
	}

	@Override
	public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
		return new ActivityInboundCallsInterceptorBase(next) {

			private String integration;

			@Override
			public void init(ActivityExecutionContext context) {
				integration = INTEGRATIONS.get(context.getInfo().getActivityType());
				super.init(context);
			}

			@Override
			public ActivityOutput execute(ActivityInput input) {
				if (integration == null) {
					return super.execute(input);
				}
				try {
					ActivityOutput output = super.execute(input);
					attempt("success");
					return output;
				}
				catch (ActivityCanceledException | CanceledFailure cancelled) {
					attempt("cancelled");
					throw cancelled;
				}
				catch (RuntimeException | Error failure) {
					attempt("failure");
					registry.counter("booking.sync.failures", "integration", integration, "kind", kind(failure))
						.increment();
					throw failure;
				}
			}

			private void attempt(String outcome) {
				registry.counter("booking.sync.attempts", "integration", integration, "outcome", outcome).increment();
			}

		};
	}

	/**
	 * Bounded: the activities throw typed {@code ApplicationFailure}s; anything else is
	 * named by its class.
	 */
	static String kind(Throwable failure) {
		if (failure instanceof ApplicationFailure application && application.getType() != null) {
			return application.getType();
		}
		return failure.getClass().getSimpleName();
	}

	private static String tag(Integration integration) {
		return integration.name().toLowerCase(Locale.ROOT);
	}

}
