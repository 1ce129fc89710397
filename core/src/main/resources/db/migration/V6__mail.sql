-- The customer's emails. The mail activity records every message here BEFORE it talks to SMTP, keyed by
-- (booking, revision, kind): a retried attempt finds its own row and never sends twice.
CREATE TABLE booking_message (
    booking_id    uuid          NOT NULL REFERENCES booking (id),
    revision      bigint        NOT NULL,
    kind          varchar(16)   NOT NULL CHECK (kind IN ('CONFIRMATION', 'UPDATE', 'CANCELLATION', 'REMINDER')),
    -- RECORDED: mail disabled, kept only; SENDING: claimed, the SMTP outcome is not known (never sent again);
    -- SENT: the SMTP server accepted it; FAILED: certainly not sent (server unreachable or refused), a retry sends it.
    delivery      varchar(16)   NOT NULL CHECK (delivery IN ('RECORDED', 'SENDING', 'SENT', 'FAILED')),
    recipients    varchar(1000) NOT NULL,
    subject       varchar(500)  NOT NULL,
    text_body     text          NOT NULL,
    html_body     text          NOT NULL,
    ics_sequence  integer       NOT NULL,
    recorded_at   timestamptz   NOT NULL,
    sent_at       timestamptz,
    PRIMARY KEY (booking_id, revision, kind)
);

-- The mail "integration" has the same bookkeeping as the calendar and the CRM.
ALTER TABLE booking
    ADD COLUMN mail_synced               boolean       NOT NULL DEFAULT false,
    ADD COLUMN requires_manual_mail_sync boolean       NOT NULL DEFAULT false,
    ADD COLUMN mail_sync_error           varchar(2000),
    ADD COLUMN mail_synced_revision      bigint        NOT NULL DEFAULT 0;

-- Bookings already in the table count as mailed: no email goes out for them.
UPDATE booking SET mail_synced_revision = revision;

-- "Sync unfinished" (V5) includes the email: the generated column is made again with it (dropping the column
-- drops its index too).
ALTER TABLE booking DROP COLUMN sync_unfinished;
ALTER TABLE booking ADD COLUMN sync_unfinished boolean NOT NULL GENERATED ALWAYS AS (
    calendar_synced_revision < revision OR crm_synced_revision < revision OR mail_synced_revision < revision
    OR requires_manual_calendar_sync OR requires_manual_crm_sync OR requires_manual_mail_sync) STORED;
CREATE INDEX booking_sync_unfinished_idx ON booking (updated_at) WHERE sync_unfinished;
