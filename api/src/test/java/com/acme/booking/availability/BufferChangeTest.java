package com.acme.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import com.acme.booking.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up step after a buffer change: stored ranges follow the configured buffer (15
 * minutes here), and two bookings written under an older, smaller buffer that are now too
 * close are listed for the operator, not fatal.
 */
@RunningService
@ExtendWith(OutputCaptureExtension.class)
class BufferChangeTest {

	@Autowired
	BookingRepository bookings;

	@Autowired
	BufferChange bufferChange;

	@Test
	void logsTheCountAndEachPairTheBufferNowPutsTooClose(CapturedOutput output) {
		Instant start = Slots.fresh();
		UUID first = insertUnderNoBuffer(start);
		UUID second = insertUnderNoBuffer(start.plus(Duration.ofMinutes(35)));
		try {
			bufferChange.run(null);

			assertThat(output).contains("Buffer PT15M: recomputed the blocked range of ")
				.contains("Bookings " + first + " (" + start + ") and " + second + " ("
						+ start.plus(Duration.ofMinutes(35)) + ") are closer than the buffer of PT15M");
		}
		finally {
			bookings.cancel(first, TestClock.now(), ChangeSource.CUSTOMER);
			bookings.cancel(second, TestClock.now(), ChangeSource.CUSTOMER);
		}
	}

	private UUID insertUnderNoBuffer(Instant start) {
		UUID id = UUID.randomUUID();
		bookings.insert(id,
				new NewBooking("Ada Lovelace", "buffer-" + id + "@example.com", null, null, null, start,
						start.plus(Duration.ofMinutes(30)), "Europe/London"),
				Duration.ZERO, new FrequencyLimit(100, Duration.ofDays(7)), TestClock.now(), ChangeSource.CUSTOMER);
		return id;
	}

}
