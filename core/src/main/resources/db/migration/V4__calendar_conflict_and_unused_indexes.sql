-- A busy period of the business's own calendar that the booking overlaps, found by the calendar sync
-- (the booking-time check could not see it). Both null when there is none.
ALTER TABLE booking ADD COLUMN calendar_conflict_start timestamptz;
ALTER TABLE booking ADD COLUMN calendar_conflict_end   timestamptz;
ALTER TABLE booking ADD CONSTRAINT booking_calendar_conflict_pair
    CHECK ((calendar_conflict_start IS NULL) = (calendar_conflict_end IS NULL));

-- No query looks bookings up by their Google event id or HubSpot contact id: the ids are derived from the booking
-- (event) or kept on its row (contact), so these indexes only cost writes.
DROP INDEX booking_calendar_event_id_idx;
DROP INDEX booking_crm_contact_id_idx;
