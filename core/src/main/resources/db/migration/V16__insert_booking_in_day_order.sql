-- insert_booking, with the bookings that could overlap queued: after the address's lock, a transaction-scoped
-- advisory lock for every UTC day the blocked range touches, taken in date order. Two inserts of overlapping rows
-- used to find each other's uncommitted tuple while checking the exclusion constraint and wait for each other: a
-- deadlock PostgreSQL broke after deadlock_timeout (1 s) by failing one of them with 40P01 instead of 23P01. Now the
-- second waits for the first to commit and then meets its row. The day locks use the two-key form, a space of its
-- own apart from the address locks. insert_booking stays for the previous release and is dropped in the next one.
CREATE FUNCTION insert_booking_in_day_order(new_id uuid, new_status text, new_name text, new_email text,
        new_company text, new_phone text, new_inquiry text, new_start timestamptz, new_end timestamptz,
        new_time_zone text, blocked_from timestamptz, blocked_to timestamptz, created timestamptz, hold_until text,
        changed text, counted_since timestamptz, max_bookings integer)
    RETURNS SETOF booking LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    inserted booking;
    day date;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext(lower(new_email)));
    FOR day IN
        SELECT CAST(d AS date)
        FROM generate_series(date_trunc('day', blocked_from AT TIME ZONE 'UTC'),
                             date_trunc('day', blocked_to AT TIME ZONE 'UTC'), interval '1 day') AS d
        ORDER BY d
    LOOP
        PERFORM pg_advisory_xact_lock(hashtext('booking-day'), day - DATE '2000-01-01');
    END LOOP;
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
