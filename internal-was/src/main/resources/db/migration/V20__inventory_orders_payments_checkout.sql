-- Stock per SKU: MariaDB is the truth. Every decrement is a conditional UPDATE (available >= quantity) whose row
-- count is checked, so stock never goes negative and concurrent checkouts never oversell.
CREATE TABLE stock (
  sku        VARCHAR(40)  NOT NULL PRIMARY KEY,
  available  INT          NOT NULL,
  updated_at TIMESTAMP(6) NOT NULL,
  CONSTRAINT stock_never_negative CHECK (available >= 0)
) ENGINE = InnoDB;

-- What an order holds: HELD until paid or released (timeout, cancel, failed payment), COMMITTED once paid,
-- RELEASED when the units went back to stock. A state change is a conditional UPDATE, so a release happens once.
CREATE TABLE stock_reservation (
  order_number VARCHAR(32)  NOT NULL,
  sku          VARCHAR(40)  NOT NULL,
  quantity     INT          NOT NULL,
  state        VARCHAR(16)  NOT NULL,
  expires_at   TIMESTAMP(6) NOT NULL,
  created_at   TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (order_number, sku),
  INDEX stock_reservation_by_expiry (state, expires_at),
  CONSTRAINT stock_reservation_positive CHECK (quantity > 0)
) ENGINE = InnoDB;

-- One payment per order: what was started (amount and currency every webhook must match) and where it stands.
CREATE TABLE payment (
  order_number       VARCHAR(32)    NOT NULL PRIMARY KEY,
  provider           VARCHAR(32)    NOT NULL,
  provider_reference VARCHAR(128)   NOT NULL,
  amount             DECIMAL(19, 4) NOT NULL,
  currency           CHAR(3)        NOT NULL,
  state              VARCHAR(16)    NOT NULL,
  redirect_url       VARCHAR(1000)  NOT NULL,
  expires_at         TIMESTAMP(6)   NOT NULL,
  created_at         TIMESTAMP(6)   NOT NULL,
  updated_at         TIMESTAMP(6)   NOT NULL
) ENGINE = InnoDB;

-- Replay protection: a provider's event id is acted on once.
CREATE TABLE payment_webhook_event (
  provider     VARCHAR(32)  NOT NULL,
  event_id     VARCHAR(128) NOT NULL,
  order_number VARCHAR(32)  NOT NULL,
  outcome      VARCHAR(16)  NOT NULL,
  received_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (provider, event_id)
) ENGINE = InnoDB;

-- A refund is done once per idempotency key.
CREATE TABLE payment_refund (
  idempotency_key    VARCHAR(128)   NOT NULL PRIMARY KEY,
  order_number       VARCHAR(32)    NOT NULL,
  amount             DECIMAL(19, 4) NOT NULL,
  currency           CHAR(3)        NOT NULL,
  provider_refund_id VARCHAR(128)   NULL,
  state              VARCHAR(16)    NOT NULL,
  created_at         TIMESTAMP(6)   NOT NULL,
  INDEX payment_refund_by_order (order_number)
) ENGINE = InnoDB;

CREATE TABLE shop_order (
  id                   BINARY(16)     NOT NULL PRIMARY KEY,
  number               VARCHAR(32)    NOT NULL,
  version              BIGINT         NOT NULL,
  market               CHAR(2)        NOT NULL,
  language             VARCHAR(16)    NOT NULL,
  member_subject       VARCHAR(255)   NULL,
  access_token_hash    CHAR(64)       NOT NULL,
  status               VARCHAR(16)    NOT NULL,
  return_status        VARCHAR(16)    NULL,
  currency             CHAR(3)        NOT NULL,
  subtotal             DECIMAL(19, 4) NOT NULL,
  shipping             DECIMAL(19, 4) NOT NULL,
  tax                  DECIMAL(19, 4) NOT NULL,
  tax_included         BOOLEAN        NOT NULL,
  total                DECIMAL(19, 4) NOT NULL,
  base_currency        CHAR(3)        NOT NULL,
  base_total           DECIMAL(19, 4) NOT NULL,
  rate_to_base         DECIMAL(30, 12) NOT NULL,
  rate_as_of           TIMESTAMP(6)   NOT NULL,
  shipping_method      VARCHAR(16)    NOT NULL,
  ship_to              VARCHAR(4000)  NOT NULL,
  email                VARCHAR(254)   NOT NULL,
  payment_provider     VARCHAR(32)    NULL,
  payment_reference    VARCHAR(128)   NULL,
  refunded             DECIMAL(19, 4) NOT NULL,
  placed_at            TIMESTAMP(6)   NOT NULL,
  pay_by               TIMESTAMP(6)   NOT NULL,
  updated_at           TIMESTAMP(6)   NOT NULL,
  UNIQUE KEY shop_order_number (number),
  INDEX shop_order_by_member (member_subject),
  INDEX shop_order_unpaid (status, pay_by)
) ENGINE = InnoDB;

CREATE TABLE shop_order_line (
  order_id   BINARY(16)     NOT NULL,
  position   INT            NOT NULL,
  sku        VARCHAR(40)    NOT NULL,
  name       VARCHAR(500)   NOT NULL,
  unit_price DECIMAL(19, 4) NOT NULL,
  currency   CHAR(3)        NOT NULL,
  quantity   INT            NOT NULL,
  PRIMARY KEY (order_id, position),
  CONSTRAINT shop_order_line_order FOREIGN KEY (order_id) REFERENCES shop_order (id)
) ENGINE = InnoDB;

-- A step is a status, a cancellation with its reason, or a refund with the provider's refund id.
CREATE TABLE shop_order_history (
  order_id   BINARY(16)   NOT NULL,
  position   INT          NOT NULL,
  status     VARCHAR(200) NOT NULL,
  at         TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (order_id, position),
  CONSTRAINT shop_order_history_order FOREIGN KEY (order_id) REFERENCES shop_order (id)
) ENGINE = InnoDB;

-- A cart is found by the hash of its opaque token (guests) or by its member's subject.
CREATE TABLE cart (
  id             BINARY(16)   NOT NULL PRIMARY KEY,
  token_hash     CHAR(64)     NOT NULL,
  member_subject VARCHAR(255) NULL,
  market         CHAR(2)      NOT NULL,
  created_at     TIMESTAMP(6) NOT NULL,
  updated_at     TIMESTAMP(6) NOT NULL,
  UNIQUE KEY cart_token (token_hash),
  INDEX cart_by_member (member_subject)
) ENGINE = InnoDB;

CREATE TABLE cart_line (
  cart_id  BINARY(16)  NOT NULL,
  sku      VARCHAR(40) NOT NULL,
  quantity INT         NOT NULL,
  added_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (cart_id, sku),
  CONSTRAINT cart_line_cart FOREIGN KEY (cart_id) REFERENCES cart (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Idempotency-Key (RELIABILITY.md): the first response is kept and replayed; kept at least 24 h.
CREATE TABLE idempotency_key (
  scope          VARCHAR(300)  NOT NULL,
  idem_key       VARCHAR(255)  NOT NULL,
  request_hash   CHAR(64)      NOT NULL,
  state          VARCHAR(16)   NOT NULL,
  response_status INT          NULL,
  response_type  VARCHAR(100)  NULL,
  response_body  MEDIUMTEXT    NULL,
  created_at     TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (scope, idem_key),
  INDEX idempotency_key_by_age (created_at)
) ENGINE = InnoDB;
