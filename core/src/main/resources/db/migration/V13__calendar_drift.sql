-- What the business's owner did in Google to a booking's event, kept with booking.calendar.owner-changes=flag for an
-- operator: the event's new time, or that it was deleted. All empty when the event is as the booking has it.
ALTER TABLE booking ADD COLUMN calendar_drift_start   timestamptz;
ALTER TABLE booking ADD COLUMN calendar_drift_end     timestamptz;
ALTER TABLE booking ADD COLUMN calendar_drift_deleted boolean NOT NULL DEFAULT false;
ALTER TABLE booking ADD CONSTRAINT booking_calendar_drift_pair
    CHECK ((calendar_drift_start IS NULL) = (calendar_drift_end IS NULL)
           AND NOT (calendar_drift_deleted AND calendar_drift_start IS NOT NULL));
CREATE INDEX booking_calendar_drift_idx ON booking (created_at DESC)
    WHERE calendar_drift_start IS NOT NULL OR calendar_drift_deleted;

-- The owner moved the booking's event onto another booking's time (booking.calendar.owner-changes=follow): the
-- owner decided, so the move is kept and recorded as a clash (calendar_conflict_*), and the row leaves the
-- exclusion constraint until the booking is moved by the service's own rules again. Its blocked range stays true,
-- so availability still sees it, through an index of its own (the constraint's no longer covers every booking).
ALTER TABLE booking ADD COLUMN owner_clash boolean NOT NULL DEFAULT false;
CREATE INDEX booking_blocked_idx ON booking USING gist (blocked) WHERE status <> 'CANCELLED';
ALTER TABLE booking DROP CONSTRAINT booking_no_overlap;
ALTER TABLE booking ADD CONSTRAINT booking_no_overlap
    EXCLUDE USING gist (blocked WITH &&) WHERE (status <> 'CANCELLED' AND NOT owner_clash);
