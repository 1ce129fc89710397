-- "Sync unfinished" written once: the reconciler's query, its index and the Booking record all read this column.
-- True while some integration still has to push the current revision, or waits for an operator.
ALTER TABLE booking ADD COLUMN sync_unfinished boolean NOT NULL GENERATED ALWAYS AS (
    calendar_synced_revision < revision OR crm_synced_revision < revision
    OR requires_manual_calendar_sync OR requires_manual_crm_sync) STORED;

DROP INDEX booking_sync_unfinished_idx;
CREATE INDEX booking_sync_unfinished_idx ON booking (updated_at) WHERE sync_unfinished;
