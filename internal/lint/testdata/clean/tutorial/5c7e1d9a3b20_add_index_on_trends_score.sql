-- add index on trends.score
--
-- Revision ID: 5c7e1d9a3b20
-- Revises: 1f3a9c2b7d4e
-- Create Date: 2026-11-25 21:34:24.941428
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE INDEX ix_trends_score ON trends (score);

-- +retort downgrade
DROP INDEX ix_trends_score;
