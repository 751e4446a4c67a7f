-- Issue 13: bulk product imports run as background jobs; any node answers the browser's polling from this table.
-- The import itself is one transaction (all rows or none); this row is written in its own, small transactions.
CREATE TABLE product_import (
  id             UUID         NOT NULL PRIMARY KEY,
  file_name      VARCHAR(200) NOT NULL,
  format         VARCHAR(10)  NOT NULL,
  state          VARCHAR(20)  NOT NULL,
  total_rows     INT          NOT NULL DEFAULT 0,
  processed_rows INT          NOT NULL DEFAULT 0,
  saved_rows     INT          NOT NULL DEFAULT 0,
  errors         LONGTEXT     NULL,
  created_by     VARCHAR(80)  NOT NULL,
  created_at     TIMESTAMP(6) NOT NULL,
  finished_at    TIMESTAMP(6) NULL DEFAULT NULL,
  CONSTRAINT ck_product_import_state CHECK (state IN ('QUEUED', 'VALIDATING', 'SAVING', 'SUCCEEDED', 'FAILED'))
);
CREATE INDEX ix_product_import_created_at ON product_import (created_at);
