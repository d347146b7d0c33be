-- index orders by user
--
-- Revision ID: d00000000007
-- Revises: d00000000006
-- Create Date: 2026-03-07 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);

-- +retort downgrade
DROP INDEX CONCURRENTLY orders_user_idx;
