package com.acme.booking.booking;

import com.acme.booking.availability.BookingsChanged;
import com.acme.booking.calendar.OwnerChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What follows an owner's change in Google the calendar mirror acted on, as after a
 * change through the API: a rescheduled or cancelled booking frees or takes slots (the
 * caches of every instance are told) and its workflow pushes the new revision (the
 * customer's email, HubSpot, the event itself); a drift only shows in the workflow's
 * search attribute; a restore pushes the calendar again at the same revision, so no email
 * goes out. A signal lost here is sent by the reconciler for a new revision, and by the
 * next full resync of the mirror for a restore or a drift.
 */
@Component
class OwnerChangeSignals {

	private final WorkflowDispatcher workflows;

	private final ApplicationEventPublisher events;

	private final BookingMetrics metrics;

	OwnerChangeSignals(WorkflowDispatcher workflows, ApplicationEventPublisher events, BookingMetrics metrics) {
		this.workflows = workflows;
		this.events = events;
		this.metrics = metrics;
	}

	@EventListener
	void changed(OwnerChanged change) {
		switch (change.action()) {
			case RESCHEDULED -> {
				metrics.rescheduled();
				events.publishEvent(new BookingsChanged(change.bookingId().toString()));
				workflows.changed(change.bookingId());
			}
			case CANCELLED -> {
				metrics.cancelled();
				events.publishEvent(new BookingsChanged(change.bookingId().toString()));
				workflows.changed(change.bookingId());
			}
			case DRIFT_CHANGED -> workflows.driftChanged(change.bookingId());
			case RESTORE -> workflows.changed(change.bookingId());
		}
	}

}
