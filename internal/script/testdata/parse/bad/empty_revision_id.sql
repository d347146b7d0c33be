-- Add a.
--
-- Revision ID:
-- Revises:

-- +retort upgrade
SELECT 1;
