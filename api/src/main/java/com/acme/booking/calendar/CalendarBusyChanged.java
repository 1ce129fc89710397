package com.acme.booking.calendar;

import java.util.List;

/**
 * The mirror's last sync added, moved or removed these busy periods of the owner: slots
 * around them changed.
 */
public record CalendarBusyChanged(List<BusyPeriod> periods) {
}
