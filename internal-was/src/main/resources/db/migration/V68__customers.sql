-- Issue 13: customers in the back office. The shopper's e-mail address (from the shoppers realm's token at login)
-- is stored encrypted like the other personal values, and found only through its blind index: an HMAC-SHA256 of
-- the lower-cased address under a key derived from the PII key file (docs/security/pii-encryption.md), so that an
-- operator's exact search never decrypts the table and a database copy without the key file cannot test guesses.
-- last_login_at and created_at feed the dormant flag; the blacklist refuses the shopper's checkouts. version guards
-- operators' edits (optimistic locking).
ALTER TABLE shopper_profile
  ADD COLUMN email            VARCHAR(420) NULL,
  ADD COLUMN email_index      CHAR(64)     NULL,
  ADD COLUMN created_at       TIMESTAMP(6) NULL,
  ADD COLUMN last_login_at    TIMESTAMP(6) NULL,
  ADD COLUMN blocked          BOOLEAN      NOT NULL DEFAULT FALSE,
  ADD COLUMN block_reason     VARCHAR(500) NULL,
  ADD COLUMN block_changed_by VARCHAR(255) NULL,
  ADD COLUMN block_changed_at TIMESTAMP(6) NULL,
  ADD COLUMN version          BIGINT       NOT NULL DEFAULT 0,
  ADD INDEX shopper_profile_by_email (email_index),
  ADD INDEX shopper_profile_recent (last_login_at);
