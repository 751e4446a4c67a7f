-- Issue 12: hot deals. A deal sells `units` of one product (by SKU; the catalog's tables are the catalog's) at a
-- fixed price in one currency, at most `per_customer_limit` per customer, within a window entered in the operator's
-- time zone and stored as UTC instants; the edge's waiting room admits `admissions_per_minute` buyers.
-- `units_left` is decremented by the orders area with a conditional UPDATE (units_left >= ?), never below zero.
CREATE TABLE hot_deal (
  id                    UUID          NOT NULL PRIMARY KEY,
  sku                   VARCHAR(64)   NOT NULL,
  units                 INT           NOT NULL,
  units_left            INT           NOT NULL,
  price_amount          DECIMAL(19,4) NOT NULL,
  price_currency        CHAR(3)       NOT NULL,
  per_customer_limit    INT           NOT NULL,
  starts_at             TIMESTAMP(6)  NOT NULL,
  ends_at               TIMESTAMP(6)  NOT NULL,
  operator_zone         VARCHAR(40)   NOT NULL,
  admissions_per_minute INT           NOT NULL,
  status                VARCHAR(20)   NOT NULL,
  scheduled_by          VARCHAR(120)  NOT NULL,
  version               BIGINT        NOT NULL,
  CONSTRAINT ck_hot_deal_units CHECK (units > 0 AND units_left >= 0 AND units_left <= units),
  CONSTRAINT ck_hot_deal_window CHECK (ends_at > starts_at),
  INDEX ix_hot_deal_window (ends_at, starts_at)
) ENGINE = InnoDB;
