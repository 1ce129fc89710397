-- The reminder is a fact of PostgreSQL, not of a workflow run's memory: whichever run loads the booking knows
-- whether its appointment was booked far enough ahead for a reminder and whether that reminder was sent.

-- When the appointment was last moved; null when it still has the time it was booked with (created_at). An
-- appointment booked or moved closer than booking.mail.reminder-before gets no reminder.
ALTER TABLE booking ADD COLUMN start_moved_at timestamptz;
-- Bookings already changed: their last change counts as the move (they may lose a reminder, never get a late one).
UPDATE booking SET start_moved_at = updated_at WHERE revision > 1;

-- A reminder is one message per appointment time, whatever the revision it was claimed at: a detail edit neither
-- sends it again nor gives it another Message-ID. Null for the other kinds.
ALTER TABLE booking_message ADD COLUMN appointment_start timestamptz;
-- Reminders already kept: the newest of each booking is taken as its current time's, unless the appointment moved
-- after it was recorded (then it was the old time's, and the new time still gets its reminder).
UPDATE booking_message m SET appointment_start = b.start_time
  FROM booking b
 WHERE m.kind = 'REMINDER' AND b.id = m.booking_id
   AND m.recorded_at >= COALESCE(b.start_moved_at, b.created_at)
   AND m.revision = (SELECT max(revision) FROM booking_message r WHERE r.booking_id = m.booking_id AND r.kind = 'REMINDER');
CREATE UNIQUE INDEX booking_message_reminder_idx ON booking_message (booking_id, appointment_start)
    WHERE kind = 'REMINDER';
