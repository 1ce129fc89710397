-- The reconciler's question, walked by id (keyset): which bookings have something to push that no operator has to
-- decide? Same predicate as SyncBacklog.BEHIND.
CREATE INDEX booking_sync_behind_idx ON booking (id)
    WHERE (calendar_synced_revision < revision AND NOT requires_manual_calendar_sync)
       OR (crm_synced_revision < revision AND NOT requires_manual_crm_sync);
