-- Outbound webhooks (the Standard Webhooks specification). booking_change is their outbox: durable, written in the
-- change's transaction, ordered per booking by seq. A delivery is made from a change row once per subscribed
-- endpoint, its body frozen then; its id is the webhook-id the receiver deduplicates by.

-- Which webhook event a change of a booking is, if any: a confirmed booking made (or a hold confirmed), moved,
-- cancelled, changed by the owner in Google Calendar, or an integration flagged for manual sync and healed again
-- (rows the service writes with the flag, {"calendarSync": {"from", "to"}}). A detail-only edit is no event.
CREATE FUNCTION webhook_event(source varchar, what jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN source = 'SERVICE' AND EXISTS (SELECT 1 FROM jsonb_object_keys(what) AS k(key) WHERE key LIKE '%Sync')
            THEN CASE (SELECT value ->> 'to' FROM jsonb_each(what) AS e(key, value) WHERE key LIKE '%Sync' LIMIT 1)
                     WHEN 'MANUAL' THEN 'booking.sync.flagged' ELSE 'booking.sync.healed' END
        WHEN what -> 'status' ->> 'to' = 'CONFIRMED'
             AND COALESCE(what -> 'status' ->> 'from', 'PENDING_VERIFICATION') = 'PENDING_VERIFICATION'
            THEN 'booking.created'
        WHEN source = 'CALENDAR_OWNER' THEN 'booking.changed-in-calendar'
        WHEN what -> 'status' ->> 'to' = 'CANCELLED' AND what -> 'status' ->> 'from' = 'CONFIRMED'
            THEN 'booking.cancelled'
        WHEN what ? 'startTime' OR what ? 'endTime' THEN 'booking.rescheduled'
    END
$$;

-- An endpoint that answered 410 Gone: nothing more is sent to it, by any instance or worker, until an operator
-- redelivers one of its deliveries.
CREATE TABLE webhook_endpoint_disabled (
    url         varchar(2000) PRIMARY KEY,
    disabled_at timestamptz   NOT NULL,
    reason      varchar(2000) NOT NULL
);

CREATE TABLE webhook_delivery (
    -- The webhook-id header: the same on every attempt and redelivery.
    id           uuid          PRIMARY KEY,
    booking_id   uuid          NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
    change_seq   bigint        NOT NULL REFERENCES booking_change (seq) ON DELETE CASCADE,
    endpoint_url varchar(2000) NOT NULL,
    event_type   varchar(40)   NOT NULL,
    -- The exact text that is signed and sent (text, not jsonb, which would reorder it).
    body         text          NOT NULL,
    -- PENDING until an endpoint answered 2xx, then DELIVERED.
    status       varchar(16)   NOT NULL,
    created_at   timestamptz   NOT NULL,
    delivered_at timestamptz,
    UNIQUE (change_seq, endpoint_url)
);

CREATE INDEX webhook_delivery_booking_idx ON webhook_delivery (booking_id, endpoint_url, change_seq);

CREATE TABLE webhook_attempt (
    seq          bigserial     PRIMARY KEY,
    delivery_id  uuid          NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    at           timestamptz   NOT NULL,
    -- The answer's status; null when none came (timeout, refused connection, refused address).
    http_status  integer,
    error        varchar(2000),
    duration_ms  bigint        NOT NULL
);

CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, seq);
