package com.acme.booking.admin;

import java.util.List;
import java.util.UUID;

import com.acme.booking.booking.BookingWorkflows;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.Integration;
import com.acme.booking.core.SyncBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code POST /api/admin/bookings/sync}: the operator's retry of every flagged booking
 * (or those of one integration) once the cause is fixed. Each booking's flag is cleared
 * and its workflow signalled {@code retrySync}, starting it again if it has ended (a
 * flagged workflow ends with its appointment). Walks the flagged bookings by keyset
 * pages.
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
	 * @param integration null for both
	 */
	int retryFlagged(Integration integration) {
		int count = 0;
		UUID after = null;
		List<Booking> page;
		do {
			page = backlog.flagged(integration, after, PAGE);
			for (Booking booking : page) {
				backlog.clearManualSync(booking.id(), integration);
				if (!workflows.retry(booking.id())) {
					restoreFlags(booking);
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
		log.info("Bulk sync retry ({}): {} booking(s) handed to their workflows",
				integration == null ? "all" : integration, count);
		return count;
	}

	/** Nothing will retry it: the booking must still show up as needing an operator. */
	private void restoreFlags(Booking before) {
		if (before.requiresManualCalendarSync()) {
			bookings.flagManualSync(before.id(), Integration.CALENDAR, before.calendarSyncError());
		}
		if (before.requiresManualCrmSync()) {
			bookings.flagManualSync(before.id(), Integration.CRM, before.crmSyncError());
		}
	}

}
