package com.acme.booking.availability;

import java.time.Clock;
import java.util.List;

import com.acme.booking.core.BlockedRanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, brings the stored blocked range of every future booking in line with
 * {@code booking.rules.buffer} (one INFO line with the count) and lists, one WARN line
 * each, the pairs of bookings that are now closer than the buffer, for an operator to
 * move or cancel one. Neither fails the start nor weakens the constraint.
 */
@Component
class BufferChange implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BufferChange.class);

	private final BlockedRanges ranges;

	private final SlotRules rules;

	private final Clock clock;

	BufferChange(BlockedRanges ranges, SlotRules rules, Clock clock) {
		this.ranges = ranges;
		this.rules = rules;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		int changed = ranges.recompute(rules.buffer(), clock.instant());
		log.info("Buffer {}: recomputed the blocked range of {} future booking(s)", rules.buffer(), changed);
		List<BlockedRanges.TooClose> tooClose = ranges.violations(rules.buffer(), clock.instant());
		for (BlockedRanges.TooClose pair : tooClose) {
			log.warn("Bookings {} ({}) and {} ({}) are closer than the buffer of {}; move or cancel one of them",
					pair.first(), pair.firstStart(), pair.second(), pair.secondStart(), rules.buffer());
		}
	}

}
