package com.acme.booking.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code booking_bookings_total{outcome}} ({@code created}, {@code rescheduled},
 * {@code cancelled}), counted after the change is committed, and
 * {@code booking_bookings_refused_total{reason}}, the problem type a booking request was
 * refused with ({@code slot-unavailable}, {@code frequency-limit-exceeded}, ...).
 */
@Component
class BookingMetrics {

	private final MeterRegistry registry;

	private final Counter created;

	private final Counter rescheduled;

	private final Counter cancelled;

	BookingMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.created = outcome("created");
		this.rescheduled = outcome("rescheduled");
		this.cancelled = outcome("cancelled");
	}

	void created() {
		created.increment();
	}

	void rescheduled() {
		rescheduled.increment();
	}

	void cancelled() {
		cancelled.increment();
	}

	void refused(String reason) {
		registry.counter("booking.bookings.refused", "reason", reason).increment();
	}

	private Counter outcome(String outcome) {
		return Counter.builder("booking.bookings")
			.description("Booking changes committed")
			.tag("outcome", outcome)
			.register(registry);
	}

}
