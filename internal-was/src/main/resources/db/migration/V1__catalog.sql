-- The catalog: products, their texts per language and their offers per market.
-- Money is DECIMAL(19,4) with an ISO 4217 code beside it; display rounding happens in the application.
CREATE TABLE product (
  id            UUID           NOT NULL PRIMARY KEY,
  sku           VARCHAR(40)    NOT NULL,
  brand         VARCHAR(80)    NOT NULL,
  status        VARCHAR(20)    NOT NULL,
  base_price    DECIMAL(19, 4) NOT NULL,
  base_currency CHAR(3)        NOT NULL,
  updated_at    TIMESTAMP(6)   NOT NULL,
  version       BIGINT         NOT NULL,
  CONSTRAINT uq_product_sku UNIQUE (sku),
  CONSTRAINT ck_product_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUSPENDED')),
  CONSTRAINT ck_product_base_price CHECK (base_price > 0)
) ENGINE = InnoDB;

CREATE TABLE product_translation (
  product_id UUID          NOT NULL,
  language   VARCHAR(20)   NOT NULL,
  name       VARCHAR(200)  NOT NULL,
  summary    VARCHAR(1000) NOT NULL,
  PRIMARY KEY (product_id, language),
  CONSTRAINT fk_translation_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE product_offer (
  product_id UUID           NOT NULL,
  market     CHAR(2)        NOT NULL,
  currency   CHAR(3)        NOT NULL,
  list_price DECIMAL(19, 4) NOT NULL,
  PRIMARY KEY (product_id, market),
  CONSTRAINT fk_offer_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
  CONSTRAINT ck_offer_price CHECK (list_price > 0)
) ENGINE = InnoDB;

-- Spring Modulith's event publication registry (schema v2 for MariaDB): the transactional outbox.
-- Upper case: Modulith queries it so, and MariaDB table names are case-sensitive on Linux.
CREATE TABLE EVENT_PUBLICATION (
  id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
  listener_id            VARCHAR(512)  NOT NULL,
  event_type             VARCHAR(512)  NOT NULL,
  serialized_event       VARCHAR(4000) NOT NULL,
  publication_date       TIMESTAMP(6)  NOT NULL,
  completion_date        TIMESTAMP(6)  NULL DEFAULT NULL,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP(6),
  INDEX event_publication_by_completion_date_idx (completion_date)
) ENGINE = InnoDB;
