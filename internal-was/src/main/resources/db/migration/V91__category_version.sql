-- Operators edit the category tree from the back office (#13): each edit names the version it was made on, so an
-- edit of a category someone changed since is refused instead of overwriting their change.
ALTER TABLE category ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
