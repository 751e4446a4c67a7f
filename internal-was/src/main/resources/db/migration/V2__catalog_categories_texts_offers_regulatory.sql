-- Issue 4: categories (4 levels), full texts per language, sale prices with a schedule, maximum per order,
-- availability, and per-market regulatory attributes. Only additions: rows written by V1 stay valid.

-- A category's code is its path ("health.vitamins.vitamin-c"): ancestors are known without a query.
CREATE TABLE category (
  code        VARCHAR(120) NOT NULL PRIMARY KEY,
  parent_code VARCHAR(120) NULL,
  depth       INT          NOT NULL,
  position    INT          NOT NULL,
  CONSTRAINT fk_category_parent FOREIGN KEY (parent_code) REFERENCES category (code),
  CONSTRAINT ck_category_depth CHECK (depth BETWEEN 1 AND 4)
) ENGINE = InnoDB;

CREATE TABLE category_translation (
  category_code VARCHAR(120) NOT NULL,
  language      VARCHAR(20)  NOT NULL,
  name          VARCHAR(120) NOT NULL,
  PRIMARY KEY (category_code, language),
  CONSTRAINT fk_category_translation FOREIGN KEY (category_code) REFERENCES category (code) ON DELETE CASCADE
) ENGINE = InnoDB;

ALTER TABLE product
  ADD COLUMN category_code VARCHAR(120) NULL,
  ADD CONSTRAINT fk_product_category FOREIGN KEY (category_code) REFERENCES category (code);

-- description is sanitized HTML (allow-list applied before it is stored).
ALTER TABLE product_translation
  ADD COLUMN description VARCHAR(8000) NULL,
  ADD COLUMN ingredients VARCHAR(2000) NULL,
  ADD COLUMN usage_text  VARCHAR(2000) NULL,
  ADD COLUMN warnings    VARCHAR(2000) NULL;

-- The sale window is entered in the market's time zone and stored as UTC instants.
ALTER TABLE product_offer
  ADD COLUMN sale_price     DECIMAL(19, 4) NULL,
  ADD COLUMN sale_starts_at TIMESTAMP(6)   NULL DEFAULT NULL,
  ADD COLUMN sale_ends_at   TIMESTAMP(6)   NULL DEFAULT NULL,
  ADD COLUMN max_per_order  INT            NOT NULL DEFAULT 10,
  ADD COLUMN availability   VARCHAR(20)    NOT NULL DEFAULT 'IN_STOCK',
  ADD CONSTRAINT ck_offer_sale_price CHECK (sale_price IS NULL OR (sale_price > 0 AND sale_price < list_price)),
  ADD CONSTRAINT ck_offer_sale_window CHECK (sale_price IS NULL OR (sale_starts_at IS NOT NULL AND sale_ends_at > sale_starts_at)),
  ADD CONSTRAINT ck_offer_max_per_order CHECK (max_per_order BETWEEN 1 AND 999),
  ADD CONSTRAINT ck_offer_availability CHECK (availability IN ('IN_STOCK', 'OUT_OF_STOCK', 'DISCONTINUED'));

-- "Flexible product information" (seed 002): a JSON object per product and market, validated by the market's
-- schema in the application before it is written.
CREATE TABLE product_regulatory (
  product_id UUID        NOT NULL,
  market     CHAR(2)     NOT NULL,
  attributes LONGTEXT    NOT NULL,
  PRIMARY KEY (product_id, market),
  CONSTRAINT fk_regulatory_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
  CONSTRAINT ck_regulatory_json CHECK (JSON_VALID(attributes) AND JSON_TYPE(attributes) = 'OBJECT')
) ENGINE = InnoDB;
