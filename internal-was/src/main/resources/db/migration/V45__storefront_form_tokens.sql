-- One-time tokens of the storefront's place-order form: the first submit claims its token and places the order;
-- a second submit of the same form finds the claim and is sent to the same payment page (one order). The guest's
-- order access token is kept sealed with the form token itself as associated data: the row alone opens nothing.
CREATE TABLE storefront_form_token (
  token_hash    CHAR(64)      NOT NULL PRIMARY KEY,
  state         VARCHAR(10)   NOT NULL,
  order_number  VARCHAR(40)   NULL,
  payment_url   VARCHAR(2000) NULL,
  sealed_access VARCHAR(500)  NULL,
  created_at    TIMESTAMP(6)  NOT NULL,
  INDEX storefront_form_token_age (created_at)
) ENGINE = InnoDB;
