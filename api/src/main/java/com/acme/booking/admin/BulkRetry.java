package com.acme.booking.admin;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.acme.booking.booking.BookingWorkflows;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.IntegrationSync;
import com.acme.booking.core.SyncBacklog;
import com.acme.booking.workflow.Integration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code POST /api/admin/bookings/sync}: the operator's retry of every flagged booking
 * (or those of one integration) once the cause is fixed, and the retry of one booking.
 * Each booking's flag is cleared and its workflow signalled {@code retrySync}, starting
 * it again if it has ended (a flagged workflow ends with its appointment). Walks the
 * flagged bookings by keyset pages.
 */
@Component
class BulkRetry {

	private static final Logger log = LoggerFactory.getLogger(BulkRetry.class);

	private static final int PAGE = 200;

	private final SyncBacklog backlog;

	private final BookingRepository bookings;

	private final BookingWorkflows workflows;

	BulkRetry(SyncBacklog backlog, BookingRepository bookings, BookingWorkflows workflows) {
		this.backlog = backlog;
		this.bookings = bookings;
		this.workflows = workflows;
	}

	/**
	 * Returns how many bookings were handed to their workflow. Stops at the first booking
	 * Temporal cannot take, which keeps its flags; {@link SyncUnavailable} when that was
	 * the first one.
	 * @param integrations the integrations whose flagged bookings are retried; the flags
	 * of the others stay
	 */
	int retryFlagged(Set<Integration> integrations) {
		int count = 0;
		UUID after = null;
		List<Booking> page;
		do {
			page = backlog.flagged(integrations, after, PAGE);
			for (Booking booking : page) {
				if (!retry(booking, integrations)) {
					log.warn("Bulk sync retry stopped after {} booking(s): Temporal could not be reached", count);
					if (count == 0) {
						throw new SyncUnavailable();
					}
					return count;
				}
				count++;
			}
			after = page.isEmpty() ? after : page.get(page.size() - 1).id();
		}
		while (page.size() == PAGE);
		log.info("Bulk sync retry ({}): {} booking(s) handed to their workflows", integrations, count);
		return count;
	}

	/**
	 * Clears the booking's manual-sync flags of {@code integrations} and signals its
	 * workflow {@code retrySync}. When Temporal cannot take it, nothing will retry: the
	 * flags are put back so that the booking still shows up as needing an operator, and
	 * the answer is false.
	 */
	boolean retry(Booking before, Set<Integration> integrations) {
		bookings.clearManualSync(before.id(), integrations);
		if (workflows.retry(before.id())) {
			return true;
		}
		for (Integration integration : integrations) {
			IntegrationSync sync = before.sync(integration);
			if (sync.manual()) {
				bookings.flagManualSync(before.id(), integration, sync.error());
			}
		}
		return false;
	}

}
