-- index concurrently
--
-- Revision ID: 5e6f7a8b9c0d
-- Revises: 0a1b2c3d4e5f
-- Create Date: 2024-03-12 10:00:00
-- Branch Labels:
-- Depends On:

-- +retort no-transaction

-- +retort upgrade
CREATE INDEX CONCURRENTLY ix ON a (b);

-- +retort downgrade
DROP INDEX CONCURRENTLY ix;
