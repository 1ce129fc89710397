-- Sync state is a row per (booking, integration) instead of a family of columns per integration on booking: the
-- reconciler, the operators' filters, bulk retry and the gauges ask one question over every integration.
-- A booking without a row for an integration has nothing recorded for it yet (synced revision 0, not flagged).
CREATE TABLE booking_sync (
    booking_id      uuid          NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
    -- An Integration value, written only by the service; no CHECK, so adding an integration takes no migration.
    integration     varchar(16)   NOT NULL,
    -- The last revision the integration finished for (pushed, or nothing to do); never lowered.
    synced_revision bigint        NOT NULL DEFAULT 0,
    -- Whether synced_revision was pushed to the outside system (false: the integration was disabled, or the
    -- revision was settled without a push). "Synced" is: pushed, synced_revision = booking.revision, not manual.
    pushed          boolean       NOT NULL DEFAULT false,
    -- The integration's attempts ran out or its error was permanent: it waits for an operator.
    manual          boolean       NOT NULL DEFAULT false,
    -- Why, for the operator.
    error           varchar(2000),
    PRIMARY KEY (booking_id, integration)
);

-- The operators' question (flagged bookings, the manual-sync gauge) reads only the few flagged rows.
CREATE INDEX booking_sync_manual_idx ON booking_sync (integration, booking_id) WHERE manual;

INSERT INTO booking_sync (booking_id, integration, synced_revision, pushed, manual, error)
SELECT id, 'CALENDAR', calendar_synced_revision, calendar_synced, requires_manual_calendar_sync, calendar_sync_error
  FROM booking
UNION ALL
SELECT id, 'CRM', crm_synced_revision, crm_synced, requires_manual_crm_sync, crm_sync_error
  FROM booking
UNION ALL
SELECT id, 'MAIL', mail_synced_revision, mail_synced, requires_manual_mail_sync, mail_sync_error
  FROM booking;

-- Dropping the columns drops the indexes and the generated column built on them (V2's booking_sync_behind_idx,
-- V6's sync_unfinished and its index); named here so that nothing of them is left by accident.
DROP INDEX IF EXISTS booking_sync_behind_idx;
DROP INDEX IF EXISTS booking_sync_unfinished_idx;
ALTER TABLE booking
    DROP COLUMN sync_unfinished,
    DROP COLUMN calendar_synced,
    DROP COLUMN requires_manual_calendar_sync,
    DROP COLUMN calendar_sync_error,
    DROP COLUMN calendar_synced_revision,
    DROP COLUMN crm_synced,
    DROP COLUMN requires_manual_crm_sync,
    DROP COLUMN crm_sync_error,
    DROP COLUMN crm_synced_revision,
    DROP COLUMN mail_synced,
    DROP COLUMN requires_manual_mail_sync,
    DROP COLUMN mail_sync_error,
    DROP COLUMN mail_synced_revision;
