-- Issue 13: the blacklist outlives an account's erasure. Erasing a shopper deletes their profile (with its encrypted
-- address and the blacklist flag), so a blacklisted address could sign up again or order as a guest. What is kept is
-- only the address's blind index (the HMAC-SHA256 of the trimmed, lower-cased address under the key derived from
-- the PII key file, as shopper_profile.email_index), never the address: checkout refuses it, and an account that
-- signs up with it starts blacklisted. Lifting the blacklist of that new account removes the row.
CREATE TABLE blacklisted_email (
  email_index CHAR(64)     NOT NULL PRIMARY KEY,
  reason      VARCHAR(500) NULL,
  blocked_by  VARCHAR(255) NULL,
  blocked_at  TIMESTAMP(6) NULL,
  erased_at   TIMESTAMP(6) NOT NULL
);
