-- Build the index concurrently.
--
-- Revision ID: 9f8e7d6c5b4a
-- Revises: 1f3a9c2b7d4e
-- Create Date: 2026-01-02 03:04:05

-- Comments between the header and the first marker are allowed.
-- +retort no-transaction

-- +retort upgrade
CREATE INDEX CONCURRENTLY ix_a ON a (b);

-- +retort downgrade
DROP INDEX CONCURRENTLY ix_a;
