-- Issue 4: the approval workflow (draft -> pending approval -> approved -> published <-> suspended) with four eyes,
-- and the life-cycle log of every product (who moved it where, when, why). Existing products keep their status.
ALTER TABLE product
  DROP CONSTRAINT ck_product_status,
  ADD CONSTRAINT ck_product_status
    CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'PUBLISHED', 'SUSPENDED')),
  ADD COLUMN submitted_by VARCHAR(80)  NULL,
  ADD COLUMN submitted_at TIMESTAMP(6) NULL DEFAULT NULL,
  ADD COLUMN approved_by  VARCHAR(80)  NULL,
  ADD COLUMN approved_at  TIMESTAMP(6) NULL DEFAULT NULL,
  -- Four eyes, also for whoever writes SQL by hand: an approval is never by the submitter.
  ADD CONSTRAINT ck_product_four_eyes CHECK (approved_by IS NULL OR submitted_by IS NULL OR approved_by <> submitted_by);

CREATE TABLE product_lifecycle (
  product_id  UUID         NOT NULL,
  position    INT          NOT NULL,
  from_status VARCHAR(20)  NOT NULL,
  to_status   VARCHAR(20)  NOT NULL,
  operator    VARCHAR(80)  NULL,
  note        VARCHAR(500) NULL,
  occurred_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (product_id, position),
  CONSTRAINT fk_lifecycle_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
) ENGINE = InnoDB;
