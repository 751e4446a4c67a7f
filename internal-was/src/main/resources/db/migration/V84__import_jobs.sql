-- Issue 13: every file import (products, marketplace orders) runs as a background job of one kind. The upload answers
-- at once; a worker thread of the node that took the upload validates every row, then saves all rows in one
-- transaction (or none); any node answers the browser's polling from this row, which is written in small
-- transactions of its own. A running job renews heartbeat_at; a job whose heartbeat is older than the lease (its node
-- died or restarted) is marked FAILED by any node, so that no job stays "running" for ever.
CREATE TABLE import_job (
  id             UUID         NOT NULL PRIMARY KEY,
  kind           VARCHAR(40)  NOT NULL,
  file_name      VARCHAR(200) NOT NULL,
  state          VARCHAR(20)  NOT NULL,
  total_rows     INT          NOT NULL DEFAULT 0,
  processed_rows INT          NOT NULL DEFAULT 0,
  saved_rows     INT          NOT NULL DEFAULT 0,
  errors         LONGTEXT     NULL,
  result         LONGTEXT     NULL,
  created_by     VARCHAR(80)  NOT NULL,
  node           VARCHAR(100) NOT NULL,
  created_at     TIMESTAMP(6) NOT NULL,
  heartbeat_at   TIMESTAMP(6) NOT NULL,
  finished_at    TIMESTAMP(6) NULL DEFAULT NULL,
  CONSTRAINT ck_import_job_state CHECK (state IN ('QUEUED', 'VALIDATING', 'SAVING', 'SUCCEEDED', 'FAILED')),
  INDEX ix_import_job_created_at (created_at),
  INDEX ix_import_job_unfinished (finished_at, heartbeat_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The product imports so far become jobs of kind 'product'; one that was still running is now failed (its worker
-- is gone with the node that ran it).
INSERT INTO import_job (id, kind, file_name, state, total_rows, processed_rows, saved_rows, errors, result,
                        created_by, node, created_at, heartbeat_at, finished_at)
SELECT id, 'product', file_name,
       CASE WHEN state IN ('SUCCEEDED', 'FAILED') THEN state ELSE 'FAILED' END,
       total_rows, processed_rows, saved_rows,
       CASE WHEN state IN ('SUCCEEDED', 'FAILED') THEN errors ELSE '[{"row":0,"column":"","code":"interrupted"}]' END,
       NULL, created_by, 'unknown', created_at, COALESCE(finished_at, created_at),
       COALESCE(finished_at, created_at)
  FROM product_import;

DROP TABLE product_import;
