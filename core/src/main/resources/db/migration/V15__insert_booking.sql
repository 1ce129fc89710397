-- A new booking in one statement: the frequency limit is counted and the row inserted under a transaction-scoped
-- advisory lock keyed by the email address, so concurrent requests from one address cannot both pass it. The lock
-- is taken first; the INSERT, a statement of its own in this (volatile) function, takes its snapshot after the
-- lock was granted, so its count sees every booking committed before. The limit counts every booking not
-- cancelled, and every hold never confirmed even once it expired or was withdrawn. No row back: the limit refused
-- it. hold_until is text (ISO 8601) so that the caller can bind its null with a type: a parameter of unknown type
-- makes the JDBC driver describe the statement and then spend an extra round trip before each execution.
CREATE FUNCTION insert_booking(new_id uuid, new_status text, new_name text, new_email text, new_company text,
        new_phone text, new_inquiry text, new_start timestamptz, new_end timestamptz, new_time_zone text,
        blocked_from timestamptz, blocked_to timestamptz, created timestamptz, hold_until text,
        changed text, counted_since timestamptz, max_bookings integer)
    RETURNS SETOF booking LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    inserted booking;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext(lower(new_email)));
    INSERT INTO booking (id, status, name, email, company, phone, inquiry, start_time, end_time, time_zone,
                         blocked, created_at, updated_at, hold_expires_at, changed_by)
    SELECT new_id, new_status, new_name, new_email, new_company, new_phone, new_inquiry, new_start, new_end,
           new_time_zone, tstzrange(blocked_from, blocked_to, '[)'), created, created, CAST(hold_until AS timestamptz),
           changed
    WHERE (SELECT count(*) FROM booking b
           WHERE lower(b.email) = lower(new_email) AND b.created_at > counted_since
             AND (b.status <> 'CANCELLED' OR (b.hold_expires_at IS NOT NULL AND b.verified_at IS NULL))) < max_bookings
    RETURNING * INTO inserted;
    IF FOUND THEN
        RETURN NEXT inserted;
    END IF;
END
$$;
