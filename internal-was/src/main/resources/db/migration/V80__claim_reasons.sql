-- Why a return or an exchange was asked for (#11): a reason code from a fixed list (dev.onshore.was.orders.ClaimReason)
-- and the shopper's own words, encrypted like the address (a note may say who the shopper is) and erased with the
-- account. NULL for claims recorded before, or by an operator without a reason.
ALTER TABLE shop_order
  ADD COLUMN return_reason   VARCHAR(24) NULL,
  ADD COLUMN return_note     TEXT        NULL,
  ADD COLUMN exchange_reason VARCHAR(24) NULL,
  ADD COLUMN exchange_note   TEXT        NULL;
