-- Add a.
--
-- Revision ID: abc
-- Revises: 1f3a, x-y

-- +retort upgrade
SELECT 1;
