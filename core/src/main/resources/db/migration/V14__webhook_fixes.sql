-- Which webhook event a change of a booking is, if any (as V12 defines it), except for the row that made the booking
-- (its status from null): a confirmed booking made, or nothing (a hold is no booking yet), never a reschedule.
CREATE OR REPLACE FUNCTION webhook_event(source varchar, what jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN source = 'SERVICE' AND EXISTS (SELECT 1 FROM jsonb_object_keys(what) AS k(key) WHERE key LIKE '%Sync')
            THEN CASE (SELECT value ->> 'to' FROM jsonb_each(what) AS e(key, value) WHERE key LIKE '%Sync' LIMIT 1)
                     WHEN 'MANUAL' THEN 'booking.sync.flagged' ELSE 'booking.sync.healed' END
        WHEN what -> 'status' -> 'from' = 'null'::jsonb
            THEN CASE WHEN what -> 'status' ->> 'to' = 'CONFIRMED' THEN 'booking.created' END
        WHEN what -> 'status' ->> 'to' = 'CONFIRMED' AND what -> 'status' ->> 'from' = 'PENDING_VERIFICATION'
            THEN 'booking.created'
        WHEN source = 'CALENDAR_OWNER' THEN 'booking.changed-in-calendar'
        WHEN what -> 'status' ->> 'to' = 'CANCELLED' AND what -> 'status' ->> 'from' = 'CONFIRMED'
            THEN 'booking.cancelled'
        WHEN what ? 'startTime' OR what ? 'endTime' THEN 'booking.rescheduled'
    END
$$;

-- The bookings with deliveries still to send to an endpoint, to resume when an operator enables it again.
CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (endpoint_url) WHERE status = 'PENDING';
