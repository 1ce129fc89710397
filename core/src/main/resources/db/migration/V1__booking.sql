-- One row per booking. PostgreSQL is the source of truth; the workflow makes Google and HubSpot match it.
CREATE TABLE booking (
    id                            uuid          PRIMARY KEY,
    status                        varchar(16)   NOT NULL CHECK (status IN ('CONFIRMED', 'CANCELLED')),
    name                          varchar(200)  NOT NULL,
    email                         varchar(254)  NOT NULL,
    company                       varchar(200),
    phone                         varchar(50),
    inquiry                       varchar(5000),
    start_time                    timestamptz   NOT NULL,
    end_time                      timestamptz   NOT NULL,
    time_zone                     varchar(64)   NOT NULL,
    -- [start - buffer/2, end + buffer/2): two such ranges overlap exactly when the gap is under the buffer.
    blocked                       tstzrange     NOT NULL,
    -- Bumped by every change; a sync records the revision it pushed, so a pass that raced a change is not taken as done.
    revision                      bigint        NOT NULL DEFAULT 1,
    calendar_event_id             varchar(1024),
    calendar_synced               boolean       NOT NULL DEFAULT false,
    requires_manual_calendar_sync boolean       NOT NULL DEFAULT false,
    calendar_sync_error           varchar(2000),
    calendar_synced_revision      bigint        NOT NULL DEFAULT 0,
    crm_contact_id                varchar(64),
    crm_meeting_id                varchar(64),
    crm_synced                    boolean       NOT NULL DEFAULT false,
    requires_manual_crm_sync      boolean       NOT NULL DEFAULT false,
    crm_sync_error                varchar(2000),
    crm_synced_revision           bigint        NOT NULL DEFAULT 0,
    created_at                    timestamptz   NOT NULL,
    updated_at                    timestamptz   NOT NULL,
    CONSTRAINT booking_time_order CHECK (end_time > start_time),
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (blocked WITH &&) WHERE (status <> 'CANCELLED')
);

CREATE INDEX booking_calendar_event_id_idx ON booking (calendar_event_id);
CREATE INDEX booking_crm_contact_id_idx ON booking (crm_contact_id);
CREATE INDEX booking_email_created_idx ON booking (lower(email), created_at);
CREATE INDEX booking_created_idx ON booking (created_at DESC);
-- The reconciler's question: which bookings still have something to push or wait for an operator?
CREATE INDEX booking_sync_unfinished_idx ON booking (updated_at)
    WHERE calendar_synced_revision < revision OR crm_synced_revision < revision
       OR requires_manual_calendar_sync OR requires_manual_crm_sync;
