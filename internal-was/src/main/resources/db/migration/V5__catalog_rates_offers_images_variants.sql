-- Issue 4: exchange rates kept in MariaDB (history is never rewritten: every import and override is a row), market
-- offers priced by converting the base price instead of a list price, product images, and options with variants.

CREATE TABLE exchange_rate (
  id             UUID           NOT NULL PRIMARY KEY,
  base           CHAR(3)        NOT NULL,
  quote          CHAR(3)        NOT NULL,
  -- quote units per base unit (ExchangeRate.MAX_SCALE = 16 decimals)
  rate           DECIMAL(32, 16) NOT NULL,
  effective_from TIMESTAMP(6)   NOT NULL,
  source         VARCHAR(10)    NOT NULL,
  reason         VARCHAR(500)   NULL,
  recorded_at    TIMESTAMP(6)   NOT NULL,
  -- the operator who imported or set it; NULL for the system (daily batch, demo seed)
  recorded_by    VARCHAR(80)    NULL,
  CONSTRAINT ck_rate_positive CHECK (rate > 0),
  CONSTRAINT ck_rate_pair CHECK (base <> quote),
  CONSTRAINT ck_rate_source CHECK (source IN ('ECB', 'CSV', 'MANUAL')),
  CONSTRAINT ck_rate_manual_reason CHECK (source <> 'MANUAL' OR reason IS NOT NULL),
  INDEX ix_rate_in_force (base, quote, effective_from, recorded_at)
) ENGINE = InnoDB;

-- LIST: list_price in the market currency. CONVERTED: no list price; the base price converted at the rate in force
-- (plus the market's markup) and rounded by the market's rule, and no fixed sale price (it could end up above the
-- converted list price).
ALTER TABLE product_offer
  ADD COLUMN pricing VARCHAR(20) NOT NULL DEFAULT 'LIST',
  MODIFY COLUMN list_price DECIMAL(19, 4) NULL,
  ADD CONSTRAINT ck_offer_pricing CHECK ((pricing = 'LIST' AND list_price IS NOT NULL)
    OR (pricing = 'CONVERTED' AND list_price IS NULL AND sale_price IS NULL));

-- Product images: files of the media store (NAS), named by the SHA-256 of their content, in display order (the first
-- is the main image), with their pixel size and the alternative text per language (a JSON object, English required).
CREATE TABLE product_image (
  product_id UUID        NOT NULL,
  position   INT         NOT NULL,
  file_name  VARCHAR(80) NOT NULL,
  width      INT         NOT NULL,
  height     INT         NOT NULL,
  size_bytes BIGINT      NOT NULL,
  alt_texts  LONGTEXT    NOT NULL,
  PRIMARY KEY (product_id, position),
  CONSTRAINT fk_image_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
  CONSTRAINT ck_image_file CHECK (file_name REGEXP '^[0-9a-f]{64}\\.(png|jpg|webp)$'),
  CONSTRAINT ck_image_size CHECK (width > 0 AND height > 0 AND size_bytes > 0),
  CONSTRAINT ck_image_alt CHECK (JSON_VALID(alt_texts) AND JSON_EXISTS(alt_texts, '$.en'))
) ENGINE = InnoDB;

-- Options and variants: one option per product (e.g. "count", labels per language as JSON) and its variants in
-- display order, each with its SKU suffix, labels, an optional price delta in the base currency, optional own list
-- prices per market (JSON of decimal strings) and availability. Suffixes are unique per product in the application
-- (a unique key would trip over the row-by-row rewrite of a reordered list).
ALTER TABLE product
  ADD COLUMN option_code   VARCHAR(40) NULL,
  ADD COLUMN option_labels LONGTEXT    NULL,
  ADD CONSTRAINT ck_product_option CHECK ((option_code IS NULL AND option_labels IS NULL)
    OR (option_code IS NOT NULL AND JSON_VALID(option_labels)));

CREATE TABLE product_variant (
  product_id   UUID           NOT NULL,
  position     INT            NOT NULL,
  suffix       VARCHAR(12)    NOT NULL,
  labels       LONGTEXT       NOT NULL,
  price_delta  DECIMAL(19, 4) NULL,
  own_prices   LONGTEXT       NOT NULL,
  availability VARCHAR(20)    NOT NULL,
  PRIMARY KEY (product_id, position),
  CONSTRAINT fk_variant_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
  CONSTRAINT ck_variant_suffix CHECK (suffix REGEXP '^[A-Z0-9]{1,12}$'),
  CONSTRAINT ck_variant_json CHECK (JSON_VALID(labels) AND JSON_VALID(own_prices)),
  CONSTRAINT ck_variant_availability CHECK (availability IN ('IN_STOCK', 'OUT_OF_STOCK', 'DISCONTINUED'))
) ENGINE = InnoDB;
