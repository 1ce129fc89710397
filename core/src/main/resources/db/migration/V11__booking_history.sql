-- A booking's history: every change with what it changed (from -> to) and who made it, written by a trigger in the
-- same transaction as the change, whichever statement made it.

-- Who made the booking's latest change: CUSTOMER (the page or the API with the manage token), OPERATOR (the admin
-- key), CALENDAR_OWNER (the owner, in Google Calendar) or SERVICE (expiry, self-heal). Every statement that bumps
-- the revision sets it. Bookings made before have no known source.
ALTER TABLE booking ADD COLUMN changed_by varchar(16);

CREATE TABLE booking_change (
    seq        bigserial    PRIMARY KEY,
    booking_id uuid         NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
    -- The booking's revision after the change.
    revision   bigint       NOT NULL,
    at         timestamptz  NOT NULL,
    source     varchar(16)  NOT NULL,
    -- {"field": {"from": ..., "to": ...}}, fields named as the REST resource names them; times in UTC with "Z".
    what       jsonb        NOT NULL
);

CREATE INDEX booking_change_booking_idx ON booking_change (booking_id, seq);

CREATE FUNCTION booking_change_instant(value timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- Only a statement that bumps the revision is a change of the booking; sync bookkeeping (event and contact ids, the
-- clash found, the manage link's version) is not.
CREATE FUNCTION record_booking_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    before jsonb := '{}';
    after  jsonb;
    what   jsonb := '{}';
    field  text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.revision = OLD.revision THEN
            RETURN NEW;
        END IF;
        before := jsonb_build_object('status', OLD.status, 'startTime', booking_change_instant(OLD.start_time),
            'endTime', booking_change_instant(OLD.end_time), 'name', OLD.name, 'email', OLD.email,
            'company', OLD.company, 'phone', OLD.phone, 'inquiry', OLD.inquiry,
            'cancellationReason', OLD.cancellation_reason);
    END IF;
    after := jsonb_build_object('status', NEW.status, 'startTime', booking_change_instant(NEW.start_time),
        'endTime', booking_change_instant(NEW.end_time), 'name', NEW.name, 'email', NEW.email,
        'company', NEW.company, 'phone', NEW.phone, 'inquiry', NEW.inquiry,
        'cancellationReason', NEW.cancellation_reason);
    FOR field IN SELECT jsonb_object_keys(after) LOOP
        IF COALESCE(before -> field, 'null') <> after -> field THEN
            what := what || jsonb_build_object(field,
                jsonb_build_object('from', COALESCE(before -> field, 'null'), 'to', after -> field));
        END IF;
    END LOOP;
    -- A change that set every field to what it was (a PATCH of the same values) changes nothing to show.
    IF TG_OP = 'UPDATE' AND what = '{}' THEN
        RETURN NEW;
    END IF;
    INSERT INTO booking_change (booking_id, revision, at, source, what)
    VALUES (NEW.id, NEW.revision, NEW.updated_at, COALESCE(NEW.changed_by, 'SERVICE'), what);
    RETURN NEW;
END
$$;

CREATE TRIGGER booking_change_recorded AFTER INSERT OR UPDATE ON booking
    FOR EACH ROW EXECUTE FUNCTION record_booking_change();
