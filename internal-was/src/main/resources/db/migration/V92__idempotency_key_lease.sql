-- An Idempotency-Key whose node died mid-request was held RUNNING until purged (48 h): every retry got 409 and a
-- shopper whose order had been placed never learnt its number (#11, lab: kill -9 under load). Now each claim carries
-- a token and a lease: a retry after the lease takes the key over. The action records its effect (the order's
-- number, and what its answer needs, encrypted) in its own transaction, fenced by the token, so the retry either
-- runs again (nothing was committed) or finishes the recorded order (never a second one).
ALTER TABLE idempotency_key
  ADD COLUMN claim_token   CHAR(36)      NULL,
  ADD COLUMN lease_until   TIMESTAMP(6)  NULL,
  ADD COLUMN effect_ref    VARCHAR(64)   NULL,
  ADD COLUMN effect_secret VARCHAR(1024) NULL;
