-- Issue 13: operators blacklist guest buyers too. A guest has no profile to carry the flag, so the blacklisting is
-- kept as an erased account's is: by the address's blind index only (never the address), with the reason, who and
-- when. erased_at is set only for a blacklisting kept beyond an account's erasure; a guest's has none.
ALTER TABLE blacklisted_email MODIFY COLUMN erased_at TIMESTAMP(6) NULL;
