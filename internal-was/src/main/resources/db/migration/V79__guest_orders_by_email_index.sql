-- Issue 13: guests are buyers too. A guest's order carries the blind index of its e-mail address (HMAC-SHA256 of the
-- trimmed, lower-cased address under the key derived from the PII key file, like shopper_profile.email_index), so
-- that the back office's exact search finds a guest's orders together without decrypting the table. Only guest
-- orders are indexed (members are found through their profile); an erasure's anonymisation clears it. Orders placed
-- before this migration are found by their number only.
ALTER TABLE shop_order
  ADD COLUMN email_index CHAR(64) NULL,
  ADD INDEX shop_order_guest_by_email (email_index);
