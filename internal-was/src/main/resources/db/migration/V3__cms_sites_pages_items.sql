-- Issue 4: the CMS. A site per market, its pages (a template made of corners) and the items in each corner:
-- per language ('*' = every language), with a priority and a schedule entered in the market's time zone and
-- stored as UTC instants. The CMS refers to products by SKU only (the catalog's tables are the catalog's).
CREATE TABLE cms_site (
  market           CHAR(2)     NOT NULL PRIMARY KEY,
  time_zone        VARCHAR(40) NOT NULL,
  default_language VARCHAR(20) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE cms_page (
  id       UUID        NOT NULL PRIMARY KEY,
  market   CHAR(2)     NOT NULL,
  page_key VARCHAR(60) NOT NULL,
  template VARCHAR(40) NOT NULL,
  version  BIGINT      NOT NULL,
  CONSTRAINT uq_cms_page UNIQUE (market, page_key),
  CONSTRAINT fk_cms_page_site FOREIGN KEY (market) REFERENCES cms_site (market)
) ENGINE = InnoDB;

-- content is the item's JSON (its "type" says which of banner, product-list, html, text, hot-deal); HTML inside it
-- is sanitized by the application's allow-list before it is written.
CREATE TABLE cms_item (
  id        UUID         NOT NULL PRIMARY KEY,
  page_id   UUID         NOT NULL,
  corner    VARCHAR(40)  NOT NULL,
  language  VARCHAR(20)  NOT NULL,
  priority  INT          NOT NULL DEFAULT 0,
  starts_at TIMESTAMP(6) NULL DEFAULT NULL,
  ends_at   TIMESTAMP(6) NULL DEFAULT NULL,
  content   LONGTEXT     NOT NULL,
  CONSTRAINT fk_cms_item_page FOREIGN KEY (page_id) REFERENCES cms_page (id) ON DELETE CASCADE,
  CONSTRAINT ck_cms_item_window CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at),
  CONSTRAINT ck_cms_item_json CHECK (JSON_VALID(content) AND JSON_TYPE(content) = 'OBJECT'),
  INDEX cms_item_by_page (page_id, corner)
) ENGINE = InnoDB;
