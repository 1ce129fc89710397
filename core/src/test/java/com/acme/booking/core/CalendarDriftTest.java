package com.acme.booking.core;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.acme.booking.core.TestBookings.TEN;
import static com.acme.booking.core.TestBookings.insert;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the owner did to a booking's event, on embedded PostgreSQL: kept only on the
 * booking as it was seen, and forgotten by a calendar push only if it is the drift that
 * push overwrote, never one the owner made while it ran.
 */
@SpringBootTest
class CalendarDriftTest {

	private static final CalendarDrift MOVED = CalendarDrift.moved(TEN.plus(Duration.ofHours(1)),
			TEN.plus(Duration.ofMinutes(90)));

	private static final CalendarDrift MOVED_AGAIN = CalendarDrift.moved(TEN.plus(Duration.ofHours(3)),
			TEN.plus(Duration.ofMinutes(210)));

	@Autowired
	BookingRepository bookings;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTable() {
		TestBookings.deleteAll(jdbc);
	}

	@Test
	void aPushForgetsOnlyTheDriftItOverwrote() {
		Booking booking = insert(bookings, "ann@example.com", TEN);
		assertThat(bookings.recordCalendarDrift(booking.id(), 2, MOVED)).as("not the booking as seen").isFalse();
		assertThat(bookings.recordCalendarDrift(booking.id(), 1, MOVED)).isTrue();
		Booking loadedByThePush = bookings.findById(booking.id()).orElseThrow();
		// The owner moves the event again while the push runs.
		bookings.recordCalendarDrift(booking.id(), 1, MOVED_AGAIN);

		assertThat(bookings.clearCalendarDrift(booking.id(), loadedByThePush.calendarDrift())).isFalse();
		assertThat(bookings.findById(booking.id()).orElseThrow().calendarDrift()).isEqualTo(MOVED_AGAIN);
		assertThat(bookings.clearCalendarDrift(booking.id(), MOVED_AGAIN)).isTrue();
		assertThat(bookings.findById(booking.id()).orElseThrow().calendarDrift()).isNull();
		assertThat(bookings.clearCalendarDrift(booking.id(), null)).as("nothing seen, nothing to forget").isFalse();
	}

	@Test
	void aDeleteIsForgottenLikeAMove() {
		Booking booking = insert(bookings, "ann@example.com", TEN);
		bookings.recordCalendarDrift(booking.id(), 1, CalendarDrift.DELETED);

		assertThat(bookings.clearCalendarDrift(booking.id(), MOVED)).isFalse();
		assertThat(bookings.clearCalendarDrift(booking.id(), CalendarDrift.DELETED)).isTrue();
		assertThat(bookings.findById(booking.id()).orElseThrow().calendarDrift()).isNull();
	}

}
