package com.acme.booking.availability;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Interim: refuses past times only, until the slot engine lands. */
@Component
class InterimSlotGuard implements SlotGuard {

	private final Clock clock;

	InterimSlotGuard(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void check(Instant start, Instant end, UUID ignoreBookingId) {
		if (start.isBefore(clock.instant())) {
			throw new SlotNotOffered("The slot is in the past");
		}
	}

}
