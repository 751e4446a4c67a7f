-- Coupons per market. The window is in the market's local time (DATETIME, no zone); valid_until is exclusive.
CREATE TABLE coupon (
  code               VARCHAR(40)    NOT NULL PRIMARY KEY,
  market             CHAR(2)        NOT NULL,
  kind               VARCHAR(8)     NOT NULL,
  amount             DECIMAL(19, 4) NOT NULL,
  minimum_order      DECIMAL(19, 4) NULL,
  per_customer_limit INT            NOT NULL,
  valid_from         DATETIME       NULL,
  valid_until        DATETIME       NULL,
  disabled_at        TIMESTAMP(6)   NULL,
  created_by         VARCHAR(80)    NOT NULL,
  created_at         TIMESTAMP(6)   NOT NULL,
  CONSTRAINT coupon_kind CHECK (kind IN ('PERCENT', 'AMOUNT')),
  CONSTRAINT coupon_amount_positive CHECK (amount > 0),
  CONSTRAINT coupon_limit_positive CHECK (per_customer_limit >= 1)
) ENGINE = InnoDB;

-- A redemption takes the customer's next slot (1 .. per_customer_limit), written in the transaction that places
-- the order: two parallel checkouts of one customer race for the same slot and only one commits. customer_key is
-- the SHA-256 of "member:<subject>" or "email:<lower-case address>".
CREATE TABLE coupon_redemption (
  code         VARCHAR(40)  NOT NULL,
  customer_key CHAR(64)     NOT NULL,
  slot         INT          NOT NULL,
  order_number VARCHAR(32)  NOT NULL,
  redeemed_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (code, customer_key, slot),
  UNIQUE KEY coupon_redemption_order (order_number),
  CONSTRAINT coupon_redemption_coupon FOREIGN KEY (code) REFERENCES coupon (code)
) ENGINE = InnoDB;
