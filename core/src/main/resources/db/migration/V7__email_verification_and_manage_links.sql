-- Email verification (booking.rules.verify-email): a booking can hold its slot as PENDING_VERIFICATION until the
-- customer opens the link of the verification email. A hold blocks its slot like a confirmed booking.
ALTER TABLE booking ALTER COLUMN status TYPE varchar(32);
ALTER TABLE booking DROP CONSTRAINT booking_status_check;
ALTER TABLE booking ADD CONSTRAINT booking_status_check
    CHECK (status IN ('PENDING_VERIFICATION', 'CONFIRMED', 'CANCELLED'));

-- When the hold of a booking made with verification on ends unless confirmed; null for a booking made without.
-- Kept after the confirmation: "hold_expires_at set, verified_at null" is a hold that never became a booking.
ALTER TABLE booking ADD COLUMN hold_expires_at timestamptz;
-- When the customer proved the email address is theirs (opened the verification link); null when never.
ALTER TABLE booking ADD COLUMN verified_at timestamptz;
-- Why the service itself cancelled the booking; null when a customer or an operator did.
ALTER TABLE booking ADD COLUMN cancellation_reason varchar(32)
    CONSTRAINT booking_cancellation_reason_check CHECK (cancellation_reason IN ('VERIFICATION_EXPIRED'));

-- Manage links: the token is an HMAC of the booking id and this version; revoking a link bumps it, so every token
-- issued before stops working.
ALTER TABLE booking ADD COLUMN manage_link_version integer NOT NULL DEFAULT 1;

-- The verification email, and the new manage link an operator issues after revoking the old one. Neither carries a
-- calendar file (ics_sequence 0).
ALTER TABLE booking_message DROP CONSTRAINT booking_message_kind_check;
ALTER TABLE booking_message ADD CONSTRAINT booking_message_kind_check
    CHECK (kind IN ('CONFIRMATION', 'UPDATE', 'CANCELLATION', 'REMINDER', 'VERIFICATION', 'NEW_LINK'));

-- Recorded emails keep their manage link with the token masked: a copy of the mail text is no key to the booking.
UPDATE booking_message
   SET text_body = regexp_replace(text_body, '#token=[A-Za-z0-9_-]+', '#token=***', 'g'),
       html_body = regexp_replace(html_body, '#token=[A-Za-z0-9_-]+', '#token=***', 'g');
