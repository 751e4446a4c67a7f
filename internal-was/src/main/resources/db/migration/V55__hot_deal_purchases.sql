-- Issue 12: hot-deal purchases. Each customer's units of a deal (`customer` is `member:<subject>` or
-- `email:<sha-256 of the lower-cased address>`, never the address itself) are one row, raised only by a conditional
-- UPDATE (units + ? <= limit_units), so parallel checkouts of one customer cannot pass the limit; the CHECK says it
-- again. Each order that claimed deal units is one row, released at most once (cancelled or failed payment).
CREATE TABLE hot_deal_customer (
  deal_id     UUID         NOT NULL,
  customer    VARCHAR(140) NOT NULL,
  units       INT          NOT NULL,
  limit_units INT          NOT NULL,
  PRIMARY KEY (deal_id, customer),
  CONSTRAINT fk_hot_deal_customer_deal FOREIGN KEY (deal_id) REFERENCES hot_deal (id),
  CONSTRAINT ck_hot_deal_customer_units CHECK (units >= 0 AND units <= limit_units)
) ENGINE = InnoDB;

CREATE TABLE hot_deal_order (
  order_number VARCHAR(40)  NOT NULL PRIMARY KEY,
  deal_id      UUID         NOT NULL,
  customer     VARCHAR(140) NOT NULL,
  units        INT          NOT NULL,
  claimed_at   TIMESTAMP(6) NOT NULL,
  released_at  TIMESTAMP(6) NULL,
  CONSTRAINT fk_hot_deal_order_deal FOREIGN KEY (deal_id) REFERENCES hot_deal (id),
  CONSTRAINT ck_hot_deal_order_units CHECK (units > 0),
  INDEX ix_hot_deal_order_deal (deal_id)
) ENGINE = InnoDB;
