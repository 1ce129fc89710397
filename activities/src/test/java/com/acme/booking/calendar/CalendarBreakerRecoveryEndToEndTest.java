package com.acme.booking.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;

import com.acme.activitiestest.ActivitiesTestApplication;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.support.TestClock;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.BookingWorkflow;
import com.acme.booking.workflow.Integration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After an outage whose last retries ran while the circuit was half-open, bookings made
 * once Google answers again sync within seconds: the first successful call closes the
 * circuit, whatever the outage's trial calls recorded.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class, properties = { "booking.calendar.enabled=true",
		"booking.calendar.calendar-id=" + FakeGoogle.CALENDAR_ID, "booking.calendar.send-updates=none",
		"booking.calendar.read-timeout=3s", "booking.sync.attempt-timeout=5m",
		// Judged over three calls; a long open wait, so a circuit opened again for
		// nothing cannot go unseen.
		"booking.calendar.circuit-breaker.sliding-window-size=3", "booking.calendar.circuit-breaker.minimum-calls=3",
		"booking.calendar.circuit-breaker.wait-in-open-state=1m",
		"booking.calendar.circuit-breaker.max-wait-in-half-open-state=10s",
		// Two attempts: both of the outage's last retries are trial calls of the
		// half-open circuit.
		"booking.sync.retry.maximum-attempts=2" })
class CalendarBreakerRecoveryEndToEndTest {

	static final FakeGoogle google = new FakeGoogle();

	@Autowired
	BookingRepository bookings;

	@Autowired
	WorkflowClient temporal;

	@Autowired
	GoogleCalendar calendar;

	@DynamicPropertySource
	static void pointAtFakeGoogle(DynamicPropertyRegistry registry) {
		registry.add("booking.calendar.service-account-file", () -> google.keyFile.toString());
		registry.add("booking.calendar.root-url", google::rootUrl);
	}

	@AfterAll
	static void stop() {
		google.close();
	}

	@Test
	void bookingsMadeOnceGoogleAnswersAgainSyncWithinSeconds() {
		google.reset();
		// Google is down: the clash check's events list and the insert both fail, one
		// trial call per attempt.
		google.stub(any(urlPathMatching(FakeGoogle.calendarPath() + "/.*")).atPriority(1)
			.willReturn(FakeGoogle.backendError()));
		CircuitBreaker breaker = calendar.circuitBreaker();
		// The outage opened the circuit and its wait is over: what follows are trial
		// calls.
		breaker.transitionToOpenState();
		breaker.transitionToHalfOpenState();

		Booking duringOutage = book(0);
		awaitBooking(duringOutage, b -> b.sync(Integration.CALENDAR).manual(), Duration.ofSeconds(30));
		assertThat(breaker.getState()).as("the retries ran out while half-open")
			.isEqualTo(CircuitBreaker.State.HALF_OPEN);
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(2);

		google.reset();
		google.stub(
				post(FakeGoogle.eventsUrl()).willReturn(okJson("{\"id\": \"recovered\", \"status\": \"confirmed\"}")));
		for (int n = 1; n <= 3; n++) {
			Booking booking = book(n);
			// A correctness bound, not a benchmark: a circuit opened again would hold
			// this booking for a minute.
			awaitBooking(booking, b -> b.sync(Integration.CALENDAR).synced(), Duration.ofSeconds(5));
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	private Booking book(int n) {
		UUID id = UUID.randomUUID();
		Instant start = TestClock.now()
			.truncatedTo(ChronoUnit.DAYS)
			.plus(Duration.ofDays(10 + n))
			.plus(Duration.ofHours(10));
		Booking booking = bookings.insert(id,
				new NewBooking("Grace Hopper", "grace+" + id + "@example.com", null, null, null, start,
						start.plus(Duration.ofMinutes(30)), "America/New_York"),
				Duration.ofMinutes(15), new FrequencyLimit(100, Duration.ofDays(7)), TestClock.now(),
				ChangeSource.CUSTOMER);
		BookingWorkflow workflow = temporal.newWorkflowStub(BookingWorkflow.class,
				WorkflowOptions.newBuilder()
					.setWorkflowId(BookingTemporal.workflowId(id.toString()))
					.setTaskQueue(BookingTemporal.TASK_QUEUE)
					.build());
		WorkflowClient.start(workflow::run, id.toString());
		return booking;
	}

	private Booking awaitBooking(Booking booking, Predicate<Booking> condition, Duration atMost) {
		return await().atMost(atMost)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> bookings.findById(booking.id()).orElseThrow(), condition::test);
	}

}
