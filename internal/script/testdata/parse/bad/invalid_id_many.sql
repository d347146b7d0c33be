-- Add a.
--
-- Revision ID: a@b:c+d
-- Revises:

-- +retort upgrade
SELECT 1;
