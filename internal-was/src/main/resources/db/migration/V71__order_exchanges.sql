-- Exchange claims (#13): a delivered order's line exchanged for another variant of the same product (or the same
-- SKU), one exchange per order: requested → approved (replacement's stock taken) → received (the returned units
-- back in stock) → shipped (the replacement, with its own carrier and tracking number).
ALTER TABLE shop_order
  ADD COLUMN exchange_status          VARCHAR(16) NULL,
  ADD COLUMN exchange_sku             VARCHAR(40) NULL,
  ADD COLUMN exchange_replacement_sku VARCHAR(40) NULL,
  ADD COLUMN exchange_quantity        INT         NULL,
  ADD COLUMN exchange_carrier         VARCHAR(40) NULL,
  ADD COLUMN exchange_tracking_number VARCHAR(64) NULL;
