package com.acme.booking.system;

import java.util.List;
import java.util.UUID;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.booking.BookingWorkflows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nothing lost on a crash: at startup and every {@code booking.sync.reconcile-interval}, signals the workflow of every
 * booking whose sync is unfinished, starting it when it is not running (a booking committed just before a crash, or
 * after the in-process Temporal server forgot everything on restart). On a real server a running workflow keeps its
 * run and history and merely looks at the booking again: a change whose signal was lost is picked up, nothing is
 * started twice.
 */
@Component
@ConditionalOnProperty(name = "booking.sync.reconciler-enabled", havingValue = "true", matchIfMissing = true)
class Reconciler {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private static final int BATCH = 500;

	private final BookingRepository bookings;

	private final BookingWorkflows workflows;

	Reconciler(BookingRepository bookings, BookingWorkflows workflows) {
		this.bookings = bookings;
		this.workflows = workflows;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		reconcile();
	}

	@Scheduled(fixedDelayString = "${booking.sync.reconcile-interval:1m}",
			initialDelayString = "${booking.sync.reconcile-interval:1m}")
	void periodically() {
		reconcile();
	}

	/** Returns how many workflows it reached (signalled, or started with the signal). */
	int reconcile() {
		List<UUID> unfinished;
		try {
			unfinished = bookings.unfinishedSync(BATCH);
		}
		catch (RuntimeException ex) {
			log.warn("Reconciler could not read bookings: {}", ex.toString());
			return 0;
		}
		int reached = 0;
		for (UUID id : unfinished) {
			if (workflows.changed(id)) {
				reached++;
			}
		}
		if (!unfinished.isEmpty()) {
			log.info("Reconciler: {} booking(s) with unfinished sync, {} workflow(s) signalled or started",
					unfinished.size(), reached);
		}
		return reached;
	}

}
