-- Who holds a message's claim. An attempt whose SMTP outcome is unknown gives its claim back (claim_owner NULL,
-- delivery stays SENDING) and the next attempt sends the message again with the same Message-ID; a claim still
-- held is taken over by a later attempt of the same activity (Temporal ran the earlier one out) or once it is
-- older than an attempt can run. An attempt changes the row only while it holds the claim, so a late outcome
-- of an abandoned attempt cannot overwrite a newer one's.
ALTER TABLE booking_message
    ADD COLUMN claim_owner   varchar(300),
    ADD COLUMN claim_attempt integer,
    ADD COLUMN claimed_at    timestamptz;
