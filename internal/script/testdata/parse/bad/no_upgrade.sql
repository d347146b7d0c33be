-- Add a.
--
-- Revision ID: 1f3a9c2b7d4e
-- Revises:

-- +retort downgrade
DROP TABLE a;
