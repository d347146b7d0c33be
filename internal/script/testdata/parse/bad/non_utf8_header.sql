-- Add a été.
--
-- Revision ID: abc
-- Revises:

-- +retort upgrade
SELECT 1;
