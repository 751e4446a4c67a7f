-- Marketplace order import (#13, seed 004): orders taken on an external channel keep the channel and the channel's
-- order number; the pair is unique, so that the same export uploaded twice cannot import an order twice.
ALTER TABLE shop_order
  ADD COLUMN channel               VARCHAR(30) NULL,
  ADD COLUMN external_order_number VARCHAR(64) NULL,
  ADD UNIQUE KEY shop_order_by_channel_number (channel, external_order_number);

-- Operators' mapping of a channel's product codes to our SKUs.
CREATE TABLE marketplace_product_code (
  channel       VARCHAR(30)  NOT NULL,
  external_code VARCHAR(64)  NOT NULL,
  sku           VARCHAR(40)  NOT NULL,
  updated_at    TIMESTAMP(6) NOT NULL,
  updated_by    VARCHAR(80)  NOT NULL,
  PRIMARY KEY (channel, external_code)
) ENGINE = InnoDB;
