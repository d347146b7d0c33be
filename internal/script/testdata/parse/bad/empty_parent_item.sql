-- Add a.
--
-- Revision ID: abc
-- Revises: 1f3a,,2b

-- +retort upgrade
SELECT 1;
