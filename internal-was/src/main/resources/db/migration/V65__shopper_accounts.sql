-- Issue 11: shoppers' accounts. Keyed by the shoppers realm's subject. Personal values (name, phone, address) are
-- stored encrypted (PiiAttributeConverter, docs/security/pii-encryption.md): VARCHAR sized for the ciphertext.
CREATE TABLE shopper_profile (
  subject      VARCHAR(255) NOT NULL PRIMARY KEY,
  display_name VARCHAR(700) NULL,
  phone        VARCHAR(200) NULL,
  market       CHAR(2)      NULL,
  locale       VARCHAR(16)  NULL,
  currency     CHAR(3)      NULL,
  time_zone    VARCHAR(40)  NULL,
  updated_at   TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;

-- The address book: several per shopper, at most one preferred (enforced by the service under the profile's
-- row lock). fields holds the address's fields as JSON, encrypted as one value.
CREATE TABLE shopper_address (
  id         CHAR(36)      NOT NULL PRIMARY KEY,
  subject    VARCHAR(255)  NOT NULL,
  country    CHAR(2)       NOT NULL,
  fields     TEXT          NOT NULL,
  preferred  BOOLEAN       NOT NULL,
  created_at TIMESTAMP(6)  NOT NULL,
  updated_at TIMESTAMP(6)  NOT NULL,
  INDEX shopper_address_by_subject (subject, created_at)
) ENGINE = InnoDB;

-- Erasure requests (right to erasure), kept as the record that the request was honoured. No personal data: the
-- realm subject is a random id, kept until the shoppers realm's user is removed (identity_done_at), which an
-- operator does in Keycloak while internal-was has no admin client for the realm. email (encrypted) is where the
-- confirmation goes; it is cleared once the mail is sent (the event carries only the request's id, so the address
-- is not left in the event publication log).
CREATE TABLE account_erasure (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subject           VARCHAR(255) NOT NULL,
  requested_at      TIMESTAMP(6) NOT NULL,
  addresses_deleted INT          NOT NULL,
  orders_anonymised INT          NOT NULL,
  identity_done_at  TIMESTAMP(6) NULL,
  email             VARCHAR(420) NULL,
  language          VARCHAR(16)  NOT NULL,
  INDEX account_erasure_pending (identity_done_at)
) ENGINE = InnoDB;
