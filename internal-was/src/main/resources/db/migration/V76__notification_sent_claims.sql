-- A mail is claimed (SENDING) in one short transaction, sent with no transaction open, then marked SENT in another:
-- no pool connection waits on the SMTP relay. claimed_at is the claim's lease: a claim whose node died mid-send is
-- taken over once it is older than the lease (the mail may then go twice, as it could before when a node died after
-- the relay accepted it and before the claim committed).
ALTER TABLE notification_sent
  ADD COLUMN state VARCHAR(8) NOT NULL DEFAULT 'SENT' AFTER order_number,
  ADD COLUMN claimed_at TIMESTAMP(6) NULL AFTER state,
  MODIFY sent_at TIMESTAMP(6) NULL;
UPDATE notification_sent SET claimed_at = sent_at;
ALTER TABLE notification_sent
  MODIFY claimed_at TIMESTAMP(6) NOT NULL,
  ALTER COLUMN state DROP DEFAULT;
