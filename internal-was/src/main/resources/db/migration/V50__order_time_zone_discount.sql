-- The shopper's time zone (mails show times in it; null for orders placed before it was kept: the market's zone)
-- and the coupon discount taken off the subtotal (0 without a coupon).
ALTER TABLE shop_order
  ADD COLUMN time_zone   VARCHAR(64)    NULL,
  ADD COLUMN discount    DECIMAL(19, 4) NOT NULL DEFAULT 0,
  ADD COLUMN coupon_code VARCHAR(40)    NULL;
