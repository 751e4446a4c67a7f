-- Issue 11: every change to an account first asks whether its subject was erased (a login issued before the
-- erasure lives on for a few minutes); that question is a lookup by subject.
CREATE INDEX account_erasure_subject ON account_erasure (subject);
