-- insert_booking with the bookings that could overlap queued first: a transaction-scoped advisory lock for every UTC
-- day the blocked range touches, taken in date order, then insert_booking (the address's lock, the limit, the row).
-- Two inserts of overlapping rows used to find each other's uncommitted tuple while checking the exclusion
-- constraint and wait for each other: a deadlock PostgreSQL broke after deadlock_timeout (1 s) by failing one of them
-- with 40P01 instead of 23P01. Now the second waits for the first to commit and then meets its row. Every caller takes
-- the day locks before the address's, so the two kinds never wait for each other in a circle; the day locks use the
-- two-key form, a space of its own apart from the address locks.
CREATE FUNCTION insert_booking_in_day_order(new_id uuid, new_status text, new_name text, new_email text,
        new_company text, new_phone text, new_inquiry text, new_start timestamptz, new_end timestamptz,
        new_time_zone text, blocked_from timestamptz, blocked_to timestamptz, created timestamptz, hold_until text,
        changed text, counted_since timestamptz, max_bookings integer)
    RETURNS SETOF booking LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    day date;
BEGIN
    FOR day IN
        SELECT CAST(d AS date)
        FROM generate_series(date_trunc('day', blocked_from AT TIME ZONE 'UTC'),
                             date_trunc('day', blocked_to AT TIME ZONE 'UTC'), interval '1 day') AS d
        ORDER BY d
    LOOP
        PERFORM pg_advisory_xact_lock(hashtext('booking-day'), day - DATE '2000-01-01');
    END LOOP;
    RETURN QUERY SELECT * FROM insert_booking(new_id, new_status, new_name, new_email, new_company, new_phone,
        new_inquiry, new_start, new_end, new_time_zone, blocked_from, blocked_to, created, hold_until, changed,
        counted_since, max_bookings);
END
$$;
