-- Issue 13: the audit trail. One row per change an operator or API client made, written in the change's own
-- transaction (AuditTrail); append-only: the triggers below refuse every UPDATE and DELETE, whoever asks.
CREATE TABLE audit_entry (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  occurred_at TIMESTAMP(6)  NOT NULL,
  actor       VARCHAR(80)   NOT NULL,
  actor_roles VARCHAR(200)  NOT NULL,
  address     VARCHAR(45)   NULL,
  action      VARCHAR(80)   NOT NULL,
  target      VARCHAR(200)  NOT NULL,
  before_json LONGTEXT      NULL,
  after_json  LONGTEXT      NULL,
  INDEX ix_audit_entry_time (occurred_at),
  INDEX ix_audit_entry_actor (actor, occurred_at),
  INDEX ix_audit_entry_target (target, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';

-- Operators' sign-ins to the admin, successful or not, as the admin app saw them; append-only as well.
CREATE TABLE operator_login (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  occurred_at TIMESTAMP(6)  NOT NULL,
  username    VARCHAR(80)   NOT NULL,
  succeeded   BOOLEAN       NOT NULL,
  address     VARCHAR(45)   NULL,
  reason      VARCHAR(200)  NULL,
  INDEX ix_operator_login_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER operator_login_no_update BEFORE UPDATE ON operator_login FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'operator_login is append-only';

CREATE TRIGGER operator_login_no_delete BEFORE DELETE ON operator_login FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'operator_login is append-only';
