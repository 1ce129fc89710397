package com.acme.booking.chaos;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.booking.support.Http;
import com.acme.booking.support.TestClock;

/**
 * Customers of the chaos runs, each booking over HTTP and then, as its seeded dice say,
 * rescheduling, renaming or cancelling at once, while the first syncs are still under
 * way, and some once more later. Slots are whole hours from the day after tomorrow (the
 * runs open business hours all day, every day, in UTC), each used once.
 */
final class Customers {

	/** What a customer did, as far as the final comparison needs to know. */
	record Customer(int n, UUID id, String token, boolean rescheduled, boolean cancelled) {
	}

	private final Http http;

	private final long seed;

	private final AtomicInteger slots = new AtomicInteger();

	private final Instant firstSlot = TestClock.today(ZoneOffset.UTC)
		.plusDays(2)
		.atStartOfDay(ZoneOffset.UTC)
		.toInstant();

	Customers(Http http, long seed) {
		this.http = http;
		this.seed = seed;
	}

	/**
	 * Books; every 20th customer shares one of five addresses (three bookings each, the
	 * frequency limit).
	 */
	Customer book(int n) {
		String email = n % 20 == 0 ? "chaos-shared-" + (n / 20) % 5 + "@example.com" : "chaos-" + n + "@example.com";
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Chaos " + n);
		body.put("email", email);
		body.put("company", "Chaos Ltd");
		body.put("phone", "+44 20 7946 0000");
		body.put("startTime", nextSlot().toString());
		Http.Response created = require(http.post("/api/bookings", body), 201);
		return new Customer(n, UUID.fromString(created.json().path("id").asString()),
				created.json().path("manageToken").asString(), false, false);
	}

	/**
	 * Books and moves the booking to another slot at once, while its first sync is under
	 * way.
	 */
	Customer rescheduleAtOnce(int n) {
		Customer customer = book(n);
		require(http.patch("/api/bookings/" + customer.id(), Map.of("startTime", nextSlot().toString()),
				"X-Booking-Token", customer.token()), 200);
		return new Customer(n, customer.id(), customer.token(), true, false);
	}

	/**
	 * Books, then makes up to three changes right away, racing the syncs of the earlier
	 * state.
	 */
	Customer live(int n) {
		SplittableRandom random = new SplittableRandom(seed * 7919 + n);
		Customer customer = book(n);
		int changes = random.nextInt(4);
		for (int change = 0; change < changes && !customer.cancelled(); change++) {
			pause(random.nextInt(300));
			customer = change(customer, random.nextDouble(), "v" + change);
		}
		return customer;
	}

	/**
	 * A fifth of the bookings still live, as their dice say, change once more, later:
	 * once their first email went out, the next one is an update or a cancellation.
	 */
	Customer changeLater(Customer customer) {
		SplittableRandom random = new SplittableRandom(seed * 104_729 + customer.n());
		if (customer.cancelled() || random.nextDouble() >= 0.2) {
			return customer;
		}
		return change(customer, random.nextDouble(), "late");
	}

	/**
	 * Reschedules to a fresh slot (half the rolls), renames (a quarter) or cancels (a
	 * quarter).
	 */
	private Customer change(Customer customer, double roll, String version) {
		int n = customer.n();
		String path = "/api/bookings/" + customer.id();
		if (roll < 0.5) {
			require(http.patch(path, Map.of("startTime", nextSlot().toString()), "X-Booking-Token", customer.token()),
					200);
			return new Customer(n, customer.id(), customer.token(), true, false);
		}
		if (roll < 0.75) {
			require(http.patch(path, Map.of("name", "Chaos " + n + " " + version), "X-Booking-Token", customer.token()),
					200);
			return customer;
		}
		require(http.delete(path, "X-Booking-Token", customer.token()), 200);
		return new Customer(n, customer.id(), customer.token(), customer.rescheduled(), true);
	}

	private Instant nextSlot() {
		return firstSlot.plusSeconds(3600L * slots.getAndIncrement());
	}

	private static Http.Response require(Http.Response response, int status) {
		if (response.status() != status) {
			throw new AssertionError("expected " + status + " but got " + response.status() + ": " + response.body());
		}
		return response;
	}

	private static void pause(int millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
