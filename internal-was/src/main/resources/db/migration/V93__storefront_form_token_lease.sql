-- The place-order form's token gets the Idempotency-Key's lease (V92): a submit whose node died held the token
-- RUNNING for its hour, and a second submit was told "still placing" although the order had been placed or never
-- would be. Each claim now carries a token and a lease; the order's transaction records the order (EFFECTED, with
-- the guest's token and the payer's name sealed), fenced by the claim; a submit after the lease takes the form over
-- and either places the order or finishes the recorded one.
ALTER TABLE storefront_form_token
  ADD COLUMN claim_token CHAR(36)     NULL,
  ADD COLUMN lease_until TIMESTAMP(6) NULL,
  MODIFY COLUMN sealed_access VARCHAR(1000) NULL;
