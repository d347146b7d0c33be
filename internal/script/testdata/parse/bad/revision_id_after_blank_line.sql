-- Add a.

-- Revision ID: 1f3a9c2b7d4e
-- Revises:

-- +retort upgrade
SELECT 1;
